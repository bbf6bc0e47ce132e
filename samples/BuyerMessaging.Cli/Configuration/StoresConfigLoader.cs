using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>
/// Reads stores.json into stores and channels, naming the offending JSON field of every error and reporting all of
/// them at once: unknown or misspelt fields, values of the wrong JSON type, ids given twice, channels that would
/// receive the same mail, and every check of <see cref="StoreDirectory.ValidateChannels"/>.
/// </summary>
internal static partial class StoresConfigLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] FileFields = ["stores"];

    private static readonly string[] StoreFields = ["id", "name", "channels"];

    private static readonly string[] ChannelFields =
        ["id", "kind", "name", "marketplace", "address", "storeName", "senderDisplayName", "country", "language", "promisedResponseHours", "timeZone", "enabled"];

    /// <summary>Reads and validates a stores.json file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="option">The option that gave it, which its errors name (<c>--config</c>; <c>--samples</c> for the demo's folder).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CliException">The file is missing (exit 2) or invalid (exit 1).</exception>
    public static async Task<IReadOnlyList<(Store Store, IReadOnlyList<Channel> Channels)>> LoadAsync(string path, string option, CancellationToken cancellationToken)
    {
        // A missing file is not found (exit 2); a folder or an unreadable file is named (exit 1).
        var bytes = await CommonOptions.ReadFileAsync(path, option, f => File.ReadAllBytesAsync(f, cancellationToken)).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{option}: '{path}' is not valid stores JSON: {e.Message}");
        }

        using (document)
        {
            var shape = new ShapeErrors();
            var file = ReadFile(document.RootElement, shape);
            var errors = new List<string>(shape.Messages);
            if (file.Stores is not { Count: > 0 } stores)
            {
                if (!shape.Covers("stores"))
                {
                    errors.Add("stores: must list at least one store");
                }

                throw Invalid(option, path, errors);
            }

            // A field of the wrong type was read as absent: what that would make fail again is not repeated.
            var checks = new List<string>();
            var result = Validate(stores, checks);
            errors.AddRange(checks.Where(error => !shape.Covers(error[..error.IndexOf(": ", StringComparison.Ordinal)])));
            return errors.Count == 0 ? result : throw Invalid(option, path, errors);
        }
    }

    /// <summary>Saves the stores and channels through <see cref="StoreDirectory"/>, mapping its errors to stores.json fields.</summary>
    /// <param name="directory">The store directory.</param>
    /// <param name="path">The file they were read from.</param>
    /// <param name="option">The option that gave the file, which the errors name.</param>
    /// <param name="stores">The stores and channels <see cref="LoadAsync"/> read.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public static async Task SaveAsync(StoreDirectory directory, string path, string option, IReadOnlyList<(Store Store, IReadOnlyList<Channel> Channels)> stores, CancellationToken cancellationToken)
    {
        for (var i = 0; i < stores.Count; i++)
        {
            try
            {
                await directory.SaveAsync(stores[i].Store, stores[i].Channels, cancellationToken).ConfigureAwait(false);
            }
            catch (DefinitionValidationException e)
            {
                var store = i;
                var fields = e.Errors.Select(error => $"{JsonPath(error.Path, k => $"stores[{store}].channels[{k}]", k => stores[store].Channels[k].Kind, $"stores[{store}]")}: " +
                    ChannelsRegex().Replace(error.Message, m => $"stores[{store}].channels[{m.Groups[1].Value}]"));
                throw Invalid(option, path, fields);
            }
        }
    }

    private static CliException Invalid(string option, string path, IEnumerable<string> errors) =>
        CliException.Usage($"{option}: '{path}' is invalid: {string.Join("; ", errors)}");

    private static List<(Store Store, IReadOnlyList<Channel> Channels)> Validate(List<StoreEntry> stores, List<string> errors)
    {
        var result = new List<(Store, IReadOnlyList<Channel>)>();
        var storeIds = new Dictionary<StoreId, int>();

        // Every channel of the file, with its place in it, so that ids and addresses are unique across stores.
        var all = new List<Channel>();
        var places = new List<string>();
        for (var i = 0; i < stores.Count; i++)
        {
            var entry = stores[i];
            var prefix = $"stores[{i}]";
            if (!StoreId.TryParse(entry.Id, out var storeId))
            {
                errors.Add($"{prefix}.id: '{entry.Id}' is not a valid store id");
            }
            else if (!storeIds.TryAdd(storeId, i))
            {
                errors.Add($"{prefix}.id: '{storeId}' is also the id of stores[{storeIds[storeId]}]");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{prefix}.name: is required");
            }

            var channels = new List<Channel>();
            var entries = entry.Channels ?? [];
            for (var j = 0; j < entries.Count; j++)
            {
                if (ToChannel(storeId, entries[j], $"{prefix}.channels[{j}]", errors) is { } channel)
                {
                    channels.Add(channel);
                    all.Add(channel);
                    places.Add($"{prefix}.channels[{j}]");
                }
            }

            result.Add((new Store { Id = storeId, Name = entry.Name ?? string.Empty }, channels));
        }

        foreach (var error in StoreDirectory.ValidateChannels(all))
        {
            errors.Add($"{JsonPath(error.Path, k => places[k], k => all[k].Kind, "stores")}: {ChannelsRegex().Replace(error.Message, m => places[Index(m)])}");
        }

        return result;
    }

    private static Channel? ToChannel(StoreId storeId, ChannelEntry entry, string prefix, List<string> errors)
    {
        // An invalid id does not hide the channel's other errors: they are read with a stand-in id, and the channel is dropped.
        if (ChannelId.TryParse(entry.Id, out var id))
        {
            return ToChannel(id, storeId, entry, prefix, errors);
        }

        errors.Add($"{prefix}.id: '{entry.Id}' is not a valid channel id");
        _ = ToChannel(new ChannelId("invalid"), storeId, entry, prefix, errors);
        return null;
    }

    private static Channel? ToChannel(ChannelId id, StoreId storeId, ChannelEntry entry, string prefix, List<string> errors)
    {
        var address = string.IsNullOrWhiteSpace(entry.Address) ? null : entry.Address.Trim();
        // A number beyond what a Duration holds (1e400) is clamped just past the SDK's limit, whose check names the field.
        var limit = Channel.MaxPromisedResponseTime.TotalHours + 1;
        Duration? promised = entry.PromisedResponseHours is { } hours ? Duration.FromHours(Math.Clamp(hours, -limit, limit)) : null;
        switch (entry.Kind?.Trim().ToUpperInvariant())
        {
            case "AMAZON":
                if (entry.Country is not null)
                {
                    errors.Add($"{prefix}.country: an Amazon channel takes the country of its marketplace; remove it");
                }

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
                if (entry.Marketplace is not null)
                {
                    errors.Add($"{prefix}.marketplace: only an Amazon channel has a marketplace; use country for a mailbox");
                }

                return new Channel
                {
                    Id = id,
                    StoreId = storeId,
                    Kind = ChannelKind.Mailbox,
                    Name = entry.Name ?? address?.ToLowerInvariant() ?? id.Value,
                    Enabled = entry.Enabled ?? true,
                    CountryCode = entry.Country?.Trim().ToUpperInvariant(),
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

    /// <summary>
    /// Maps a <see cref="ValidationError.Path"/> of the core ("Channels[1].CountryCode") to the stores.json field
    /// ("stores[0].channels[1].country"); <paramref name="channel"/> gives the place of the core's channel index.
    /// </summary>
    private static string JsonPath(string path, Func<int, string> channel, Func<int, ChannelKind> kind, string root)
    {
        var match = ChannelsRegex().Match(path);
        if (!match.Success || match.Index != 0)
        {
            return $"{root}.{Field(path, ChannelKind.Mailbox)}";
        }

        var index = Index(match);
        var rest = path[match.Length..].TrimStart('.');
        return rest.Length == 0 ? channel(index) : $"{channel(index)}.{Field(rest, kind(index))}";
    }

    private static string Field(string member, ChannelKind kind) => member switch
    {
        "CountryCode" => kind == ChannelKind.Amazon ? "marketplace" : "country",
        "MarketplaceId" => "marketplace",
        "TimeZoneId" => "timeZone",
        "PromisedResponseTime" => "promisedResponseHours",
        var p when p.Length > 0 => char.ToLowerInvariant(p[0]) + p[1..],
        var p => p,
    };

    private static int Index(Match match) => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Channels\[(\d+)\]")]
    private static partial Regex ChannelsRegex();
}
