using System.Text;
using Microsoft.Extensions.Logging;

namespace BuyerMessaging.Internal;

/// <summary>Finds the channel an inbound message belongs to, or says why there is none.</summary>
internal static class ChannelResolution
{
    public static async ValueTask<(Channel? Channel, string? Reason)> ResolveAsync(
        IStoreTransaction transaction, InboundMessage message, IngestionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var channels = await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
        var recipients = Recipients(message);
        Channel? channel;
        if (message.ChannelId is { } id)
        {
            channel = channels.FirstOrDefault(c => c.Id == id);
            if (channel is null)
            {
                return (null, $"channel '{id}' is not configured");
            }
        }
        else if (message.ChannelKind == ChannelKind.Amazon)
        {
            if (!AmazonMarketplaces.TryGetByCountry(message.Marketplace, out var marketplace))
            {
                return (null, message.Marketplace is null
                    ? "Amazon mail without a marketplace"
                    : $"unknown Amazon marketplace '{message.Marketplace}'");
            }

            // The first channel of the marketplace that receives mail at a recipient; else its only channel without an
            // address. One pass, no copies: this runs for every relay message.
            channel = null;
            Channel? open = null;
            var openCount = 0;
            for (var i = 0; i < channels.Count; i++)
            {
                var c = channels[i];
                if (c.Kind != ChannelKind.Amazon || !SameMarketplace(c, marketplace))
                {
                    continue;
                }

                if (c.Address is null)
                {
                    open ??= c;
                    openCount++;
                }
                else if (channel is null && recipients.Contains(c.Address))
                {
                    channel = c;
                }
            }

            channel ??= openCount == 1 ? open : null;

            if (channel is null)
            {
                if (options.UnknownChannel == UnknownChannelHandling.Quarantine)
                {
                    return (null, $"no Amazon {marketplace.CountryCode} channel receives mail at {Describe(recipients)}");
                }

                channel = await CreateAsync(transaction, channels, NewAmazonChannel(options, marketplace, channels), options, logger, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            channel = channels.FirstOrDefault(c => c.Kind == ChannelKind.Mailbox && c.Address is not null && recipients.Contains(c.Address));
            if (channel is null)
            {
                var address = message.Direction == MessageDirection.OutboundReply
                    ? message.From.Address
                    : message.DeliveredTo.FirstOrDefault() ?? message.To.FirstOrDefault()?.Address ?? message.Cc.FirstOrDefault()?.Address;
                if (options.UnknownChannel == UnknownChannelHandling.Quarantine || string.IsNullOrWhiteSpace(address))
                {
                    return (null, recipients.Count == 0
                        ? "the message has no recipient to tell its mailbox"
                        : $"no mailbox channel receives mail at {Describe(recipients)}");
                }

                channel = await CreateAsync(transaction, channels, NewMailboxChannel(options, address, channels), options, logger, cancellationToken).ConfigureAwait(false);
            }
        }

        return channel.Enabled ? (channel, null) : (null, $"channel '{channel.Id}' is disabled");
    }

    private static bool SameMarketplace(Channel channel, AmazonMarketplace marketplace) =>
        (channel.MarketplaceId is not null && channel.MarketplaceId == marketplace.MarketplaceId)
        || (AmazonMarketplaces.TryGetByCountry(channel.CountryCode, out var m) && m.MarketplaceId == marketplace.MarketplaceId);

    private static HashSet<string> Recipients(InboundMessage message)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (message.Direction == MessageDirection.OutboundReply)
        {
            // A copy of the seller's reply (a Sent folder) comes from the channel's own address.
            set.Add(message.From.Address);
        }

        foreach (var p in message.To)
        {
            set.Add(p.Address);
        }

        foreach (var p in message.Cc)
        {
            set.Add(p.Address);
        }

        foreach (var a in message.DeliveredTo)
        {
            set.Add(a);
        }

        return set;
    }

    private static string Describe(HashSet<string> recipients) =>
        recipients.Count == 0 ? "no recipient address" : string.Join(", ", recipients.Order(StringComparer.OrdinalIgnoreCase));

    private static async ValueTask<Channel> CreateAsync(
        IStoreTransaction transaction, IReadOnlyList<Channel> channels, Channel channel, IngestionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var stores = await transaction.GetStoresAsync(cancellationToken).ConfigureAwait(false);
        if (!stores.Any(s => s.Id == channel.StoreId))
        {
            await transaction.SaveStoreAsync(new Store { Id = channel.StoreId, Name = options.DefaultStoreName }, cancellationToken).ConfigureAwait(false);
        }

        await transaction.SaveChannelAsync(channel, cancellationToken).ConfigureAwait(false);
        Log.ChannelCreated(logger, channel.Id, channel.StoreId);
        return channel;
    }

    private static Channel NewAmazonChannel(IngestionOptions options, AmazonMarketplace marketplace, IReadOnlyList<Channel> existing) => new()
    {
        Id = UniqueId("amazon-" + marketplace.CountryCode.ToLowerInvariant(), existing),
        StoreId = new StoreId(options.DefaultStoreId),
        Kind = ChannelKind.Amazon,
        Name = marketplace.Domain[0..1].ToUpperInvariant() + marketplace.Domain[1..],
        CountryCode = marketplace.CountryCode,
        MarketplaceId = marketplace.MarketplaceId,
        Language = marketplace.Language,
        TimeZoneId = marketplace.TimeZoneId,
    };

    private static Channel NewMailboxChannel(IngestionOptions options, string address, IReadOnlyList<Channel> existing) => new()
    {
        Id = UniqueId("mail-" + Slug(address), existing),
        StoreId = new StoreId(options.DefaultStoreId),
        Kind = ChannelKind.Mailbox,
        Name = address.ToLowerInvariant(),
        Address = address.ToLowerInvariant(),
    };

    private static ChannelId UniqueId(string baseId, IReadOnlyList<Channel> existing)
    {
        var id = baseId;
        for (var n = 2; existing.Any(c => c.Id.Value == id); n++)
        {
            id = $"{baseId}-{n}";
        }

        return new ChannelId(id);
    }

    private static string Slug(string address)
    {
        var sb = new StringBuilder(address.Length);
        foreach (var c in address.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString().Trim('-');
    }
}
