using System.Text.Json;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>Reads stores.json into stores and channels, naming the offending JSON field of every error.</summary>
internal static class StoresConfigLoader
{
    /// <summary>Reads and validates a stores.json file.</summary>
    /// <exception cref="CliException">The file is missing (exit 2) or invalid (exit 1).</exception>
    public static async Task<IReadOnlyList<(Store Store, IReadOnlyList<Channel> Channels)>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw CliException.NotFound($"--config: file '{path}' not found.");
        }

        StoresFile? file;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                file = await JsonSerializer.DeserializeAsync(stream, CliJson.Context.StoresFile, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"--config: '{path}' is not valid stores JSON: {e.Message}");
        }

        var errors = new List<string>();
        var result = new List<(Store, IReadOnlyList<Channel>)>();
        if (file?.Stores is not { Count: > 0 } stores)
        {
            throw CliException.Usage($"--config: '{path}': stores: must list at least one store.");
        }

        for (var i = 0; i < stores.Count; i++)
        {
            var entry = stores[i];
            var prefix = $"stores[{i}]";
            if (!StoreId.TryParse(entry.Id, out var storeId))
            {
                errors.Add($"{prefix}.id: '{entry.Id}' is not a valid store id");
                continue;
            }

            var channels = new List<Channel>();
            var entries = entry.Channels ?? [];
            for (var j = 0; j < entries.Count; j++)
            {
                if (ToChannel(storeId, entries[j], $"{prefix}.channels[{j}]", errors) is { } channel)
                {
                    channels.Add(channel);
                }
            }

            result.Add((new Store { Id = storeId, Name = entry.Name ?? string.Empty }, channels));
        }

        return errors.Count == 0
            ? result
            : throw CliException.Usage($"--config: '{path}' is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>Saves the stores and channels through <see cref="StoreDirectory"/>, mapping its errors to stores.json fields.</summary>
    public static async Task SaveAsync(StoreDirectory directory, string path, IReadOnlyList<(Store Store, IReadOnlyList<Channel> Channels)> stores, CancellationToken cancellationToken)
    {
        for (var i = 0; i < stores.Count; i++)
        {
            try
            {
                await directory.SaveAsync(stores[i].Store, stores[i].Channels, cancellationToken).ConfigureAwait(false);
            }
            catch (DefinitionValidationException e)
            {
                var fields = e.Errors.Select(error => $"stores[{i}].{JsonPath(error.Path)}: {error.Message}");
                throw CliException.Usage($"--config: '{path}' is invalid: {string.Join("; ", fields)}");
            }
        }
    }

    private static Channel? ToChannel(StoreId storeId, ChannelEntry entry, string prefix, List<string> errors)
    {
        if (!ChannelId.TryParse(entry.Id, out var id))
        {
            errors.Add($"{prefix}.id: '{entry.Id}' is not a valid channel id");
            return null;
        }

        var address = string.IsNullOrWhiteSpace(entry.Address) ? null : entry.Address.Trim();
        Duration? promised = entry.PromisedResponseHours is { } hours ? Duration.FromHours(hours) : null;
        switch (entry.Kind?.Trim().ToUpperInvariant())
        {
            case "AMAZON":
                AmazonMarketplace? marketplace = null;
                if (!AmazonMarketplaces.TryGetByCountry(entry.Marketplace, out marketplace) && !AmazonMarketplaces.TryGetById(entry.Marketplace, out marketplace))
                {
                    errors.Add($"{prefix}.marketplace: '{entry.Marketplace}' is not an Amazon marketplace (a country code such as US, JP, DE, or a marketplace id)");
                    return null;
                }

                return new Channel
                {
                    Id = id,
                    StoreId = storeId,
                    Kind = ChannelKind.Amazon,
                    Name = entry.Name ?? char.ToUpperInvariant(marketplace.Domain[0]) + marketplace.Domain[1..],
                    Enabled = entry.Enabled ?? true,
                    CountryCode = marketplace.CountryCode,
                    MarketplaceId = marketplace.MarketplaceId,
                    Language = entry.Language ?? marketplace.Language,
                    Address = address,
                    StoreName = entry.StoreName,
                    SenderDisplayName = entry.SenderDisplayName,
                    PromisedResponseTime = promised,
                    TimeZoneId = entry.TimeZone ?? marketplace.TimeZoneId,
                };
            case "MAILBOX":
            case "EMAIL":
                return new Channel
                {
                    Id = id,
                    StoreId = storeId,
                    Kind = ChannelKind.Mailbox,
                    Name = entry.Name ?? address?.ToLowerInvariant() ?? id.Value,
                    Enabled = entry.Enabled ?? true,
                    CountryCode = entry.Country,
                    Language = entry.Language,
                    Address = address,
                    StoreName = entry.StoreName,
                    SenderDisplayName = entry.SenderDisplayName,
                    PromisedResponseTime = promised,
                    TimeZoneId = entry.TimeZone,
                };
            default:
                errors.Add($"{prefix}.kind: '{entry.Kind}' is not a channel kind; use amazon or mailbox");
                return null;
        }
    }

    /// <summary>Maps a <see cref="ValidationError.Path"/> of the core ("Channels[1].CountryCode") to the stores.json field.</summary>
    private static string JsonPath(string path)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i] switch
            {
                "CountryCode" or "MarketplaceId" => "marketplace",
                "TimeZoneId" => "timeZone",
                "PromisedResponseTime" => "promisedResponseHours",
                var p when p.StartsWith("Channels[", StringComparison.Ordinal) => "channels" + p["Channels".Length..],
                var p when p.Length > 0 => char.ToLowerInvariant(p[0]) + p[1..],
                var p => p,
            };
        }

        return string.Join('.', parts);
    }
}
