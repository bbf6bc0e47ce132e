using System.Collections.Frozen;

namespace BuyerMessaging;

/// <summary>Adds, changes, enables and disables stores and channels, validating every definition first.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class StoreDirectory
{
    /// <summary>
    /// The ISO 3166-1 alpha-2 country codes (upper case), and "UK", the exceptionally reserved code Amazon uses for
    /// the United Kingdom.
    /// </summary>
    private static readonly FrozenSet<string> CountryCodes = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
        "UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW UK").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private readonly IConversationStore _store;

    /// <summary>Initializes a new instance of the <see cref="StoreDirectory"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public StoreDirectory(IConversationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Adds or replaces a store and its channels in one transaction.</summary>
    /// <param name="store">The store.</param>
    /// <param name="channels">The channels of the store (their <see cref="Channel.StoreId"/> must be the store's id).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">
    /// The store or a channel is invalid, two channels share an id, or a channel would receive the same mail as another
    /// one (of the list, or a saved one the save does not replace; see <see cref="ValidateChannels"/>); every failing
    /// member is listed.
    /// </exception>
    public async Task SaveAsync(Store store, IReadOnlyList<Channel> channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channels);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(store.Name))
        {
            errors.Add(new("Name", "must not be empty"));
        }

        errors.AddRange(ValidateChannelList(channels, store.Id));

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var existing = await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < channels.Count; i++)
            {
                if (channels[i] is not { } c)
                {
                    continue;
                }

                if (existing.FirstOrDefault(e => e.Id == c.Id) is { } other && other.StoreId != store.Id)
                {
                    errors.Add(new($"Channels[{i}].Id", $"channel '{c.Id}' belongs to store '{other.StoreId}'"));
                }

                // A saved channel that this save does not replace keeps receiving its mail.
                foreach (var kept in existing.Where(e => e.Id != c.Id && !channels.Any(n => n?.Id == e.Id)))
                {
                    if (SharedMail(c, kept) is { } mail)
                    {
                        errors.Add(new($"Channels[{i}].Address", $"{mail} already goes to channel '{kept.Id}' of store '{kept.StoreId}'"));
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new DefinitionValidationException($"Store '{store.Id}'", errors);
            }

            await transaction.SaveStoreAsync(store, cancellationToken).ConfigureAwait(false);
            foreach (var channel in channels)
            {
                await transaction.SaveChannelAsync(channel, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds or replaces an agent (担当者), whom rules can assign conversations to.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The agent is invalid; every failing member is listed.</exception>
    public async Task SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var errors = new List<ValidationError>();
        if (agent.Id.Value.Length == 0)
        {
            errors.Add(new("Id", "is required"));
        }

        if (string.IsNullOrWhiteSpace(agent.Name))
        {
            errors.Add(new("Name", "must not be empty"));
        }
        else if (agent.Name.Length > 200 || agent.Name.Any(char.IsControl))
        {
            errors.Add(new("Name", "must be at most 200 characters, without line breaks or control characters"));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Agent '{agent.Id}'", errors);
        }

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await transaction.SaveAgentAsync(agent with { Name = agent.Name.Trim() }, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Enables or disables a channel. Mail for a disabled channel is quarantined, not dropped.</summary>
    /// <param name="id">The channel.</param>
    /// <param name="enabled">Whether it is enabled.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The channel after the change.</returns>
    /// <exception cref="ArgumentException">There is no such channel.</exception>
    public async Task<Channel> SetEnabledAsync(ChannelId id, bool enabled, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var channels = await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            var channel = channels.FirstOrDefault(c => c.Id == id) ?? throw new ArgumentException($"There is no channel '{id}'.", nameof(id));
            channel = channel with { Enabled = enabled };
            await transaction.SaveChannelAsync(channel, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return channel;
        }
    }

    /// <summary>
    /// Validates channels that are configured together (a store's channels, or every channel of a configuration file):
    /// each one as <see cref="ValidateChannel"/> does, and that no two share an id or would receive the same mail.
    /// </summary>
    /// <param name="channels">The channels, of one or several stores.</param>
    /// <returns>Every failing member, with paths such as <c>Channels[1].Id</c>; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Two channels would receive the same mail when both are mailboxes on one address, or both are Amazon channels of one
    /// marketplace on one address (or both without an address). Ingestion could then deliver to only one of them.
    /// Amazon channels of different marketplaces may share an address (one seller address for Amazon.com and
    /// Amazon.ca), and so may an Amazon channel and a mailbox: relay mail and direct mail are told apart first.
    /// </remarks>
    public static IReadOnlyList<ValidationError> ValidateChannels(IReadOnlyList<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        return ValidateChannelList(channels, storeId: null);
    }

    /// <summary>Validates a store's channels (or any channels when <paramref name="storeId"/> is <see langword="null"/>), in the order of the list.</summary>
    private static List<ValidationError> ValidateChannelList(IReadOnlyList<Channel> channels, StoreId? storeId)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is not { } channel)
            {
                errors.Add(new($"Channels[{i}]", "must not be null"));
                continue;
            }

            if (storeId is { } id && channel.StoreId != id)
            {
                errors.Add(new($"Channels[{i}].StoreId", $"must be '{id}'"));
            }

            errors.AddRange(ValidateChannel(channel).Select(e => e with { Path = $"Channels[{i}].{e.Path}" }));
            for (var j = 0; j < i; j++)
            {
                if (channels[j] is not { } earlier)
                {
                    continue;
                }

                if (earlier.Id == channel.Id)
                {
                    errors.Add(new($"Channels[{i}].Id", $"'{channel.Id}' is also the id of Channels[{j}]"));
                }
                else if (SharedMail(channel, earlier) is { } mail)
                {
                    errors.Add(new($"Channels[{i}].Address", $"{mail} already goes to Channels[{j}] ('{earlier.Id}')"));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Validates a channel definition: its name, address, marketplace (Amazon) or ISO 3166 alpha-2 country and promised
    /// response time (mailbox; "UK" is accepted as Amazon uses it), IANA time zone and BCP-47 language.
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns>Every failing member; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> ValidateChannel(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(channel.Name))
        {
            errors.Add(new("Name", "must not be empty"));
        }

        if (channel.Address is { } address && !LooksLikeAddress(address))
        {
            errors.Add(new("Address", $"'{address}' is not an e-mail address"));
        }

        if (channel.Kind == ChannelKind.Amazon)
        {
            if (!AmazonMarketplaces.TryGetByCountry(channel.CountryCode, out _) && !AmazonMarketplaces.TryGetById(channel.MarketplaceId, out _))
            {
                errors.Add(new("CountryCode", $"'{channel.CountryCode}' is not an Amazon marketplace"));
            }
        }
        else if (channel.Kind == ChannelKind.Mailbox)
        {
            if (channel.Address is null)
            {
                errors.Add(new("Address", "a mailbox channel needs its address"));
            }

            if (channel.PromisedResponseTime is { } promised && promised <= NodaTime.Duration.Zero)
            {
                errors.Add(new("PromisedResponseTime", "must be positive"));
            }
            else if (channel.PromisedResponseTime > Channel.MaxPromisedResponseTime)
            {
                // Beyond it, the due instant of a sparse calendar could pass the year 9999 and fail every ingest.
                errors.Add(new("PromisedResponseTime", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most {Channel.MaxPromisedResponseTime.TotalHours:0} hours ({Channel.MaxPromisedResponseTime.TotalDays:0} days)")));
            }

            if (channel.CountryCode is { } country && !CountryCodes.Contains(country))
            {
                errors.Add(new("CountryCode", $"'{country}' is not an ISO 3166 alpha-2 country code such as \"US\", \"JP\" or \"GB\" (\"UK\" too)"));
            }
        }
        else
        {
            errors.Add(new("Kind", $"'{channel.Kind}' is not a channel kind"));
        }

        if (channel.TimeZoneId is { } zone && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            errors.Add(new("TimeZoneId", $"'{zone}' is not an IANA time zone"));
        }

        if (channel.Language is { } language && !LanguageTags.IsWellFormed(language))
        {
            errors.Add(new("Language", $"'{language}' is not a BCP-47 language tag such as \"ja\" or \"en-US\""));
        }

        return errors;
    }

    /// <summary>Describes the mail two channels would both receive, or returns <see langword="null"/> when they cannot collide.</summary>
    private static string? SharedMail(Channel a, Channel b)
    {
        if (a.Kind != b.Kind)
        {
            return null;
        }

        var sameAddress = a.Address is not null && string.Equals(a.Address.Trim(), b.Address?.Trim(), StringComparison.OrdinalIgnoreCase);
        if (a.Kind == ChannelKind.Mailbox)
        {
            return sameAddress ? $"mail to '{a.Address}'" : null;
        }

        if (a.Kind != ChannelKind.Amazon || Marketplace(a) is not { } marketplace || Marketplace(b)?.MarketplaceId != marketplace.MarketplaceId)
        {
            return null;
        }

        return sameAddress ? $"Amazon {marketplace.CountryCode} relay mail to '{a.Address}'"
            : a.Address is null && b.Address is null ? $"Amazon {marketplace.CountryCode} relay mail to any address (no address given)"
            : null;
    }

    private static AmazonMarketplace? Marketplace(Channel channel) =>
        AmazonMarketplaces.TryGetById(channel.MarketplaceId, out var byId) ? byId
        : AmazonMarketplaces.TryGetByCountry(channel.CountryCode, out var byCountry) ? byCountry
        : null;

    private static bool LooksLikeAddress(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
    }
}
