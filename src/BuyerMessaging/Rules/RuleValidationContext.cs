namespace BuyerMessaging;

/// <summary>
/// What exists, for the reference checks of <see cref="RuleValidator"/>: a rule naming a folder, agent, store or channel
/// that is not here is invalid. A <see langword="null"/> member is not checked.
/// </summary>
public sealed record RuleValidationContext
{
    /// <summary>Gets the folders that exist (system and custom).</summary>
    public IReadOnlySet<FolderId>? Folders { get; init; }

    /// <summary>Gets the agents that exist.</summary>
    public IReadOnlySet<AgentId>? Agents { get; init; }

    /// <summary>Gets the stores that exist.</summary>
    public IReadOnlySet<StoreId>? Stores { get; init; }

    /// <summary>Gets the channels that exist.</summary>
    public IReadOnlySet<ChannelId>? Channels { get; init; }

    /// <summary>Builds a context from what a store holds.</summary>
    /// <param name="folders">The folders.</param>
    /// <param name="agents">The agents.</param>
    /// <param name="stores">The stores.</param>
    /// <param name="channels">The channels.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleValidationContext From(IEnumerable<Folder> folders, IEnumerable<Agent> agents, IEnumerable<Store> stores, IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(channels);
        return new RuleValidationContext
        {
            Folders = folders.Select(f => f.Id).ToHashSet(),
            Agents = agents.Select(a => a.Id).ToHashSet(),
            Stores = stores.Select(s => s.Id).ToHashSet(),
            Channels = channels.Select(c => c.Id).ToHashSet(),
        };
    }
}
