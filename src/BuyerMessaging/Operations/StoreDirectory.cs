namespace BuyerMessaging;

/// <summary>Adds, changes, enables and disables stores and channels, validating every definition first.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class StoreDirectory
{
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
    /// <exception cref="DefinitionValidationException">The store or a channel is invalid; every failing member is listed.</exception>
    public async Task SaveAsync(Store store, IReadOnlyList<Channel> channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channels);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(store.Name))
        {
            errors.Add(new("Name", "must not be empty"));
        }

        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is null)
            {
                errors.Add(new($"Channels[{i}]", "must not be null"));
                continue;
            }

            if (channels[i].StoreId != store.Id)
            {
                errors.Add(new($"Channels[{i}].StoreId", $"must be '{store.Id}'"));
            }

            errors.AddRange(ValidateChannel(channels[i]).Select(e => e with { Path = $"Channels[{i}].{e.Path}" }));
        }

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var existing = await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < channels.Count; i++)
            {
                if (channels[i] is { } c && existing.FirstOrDefault(e => e.Id == c.Id) is { } other && other.StoreId != store.Id)
                {
                    errors.Add(new($"Channels[{i}].Id", $"channel '{c.Id}' belongs to store '{other.StoreId}'"));
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

    /// <summary>Validates a channel definition.</summary>
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
        }
        else
        {
            errors.Add(new("Kind", $"'{channel.Kind}' is not a channel kind"));
        }

        if (channel.TimeZoneId is { } zone && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            errors.Add(new("TimeZoneId", $"'{zone}' is not an IANA time zone"));
        }

        return errors;
    }

    private static bool LooksLikeAddress(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
    }
}
