namespace BuyerMessaging.Internal;

/// <content>Work items and channel policies of the in-memory store.</content>
internal sealed partial class InMemoryStoreState
{
    public WorkItemList Work { get; } = new();

    public Dictionary<string, long> WorkByKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<ChannelId, ChannelPolicies> Policies { get; } = [];

    public long LastWorkId { get; set; }

    public IReadOnlyList<WorkItem> QueryWork(WorkItemQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        var items = query.NewestFirst ? Work.Values.Reverse() : Work.Values;
        return [.. items.Where(w =>
            (query.Kinds is not { Count: > 0 } kinds || kinds.Contains(w.Kind, StringComparer.Ordinal))
            && (query.States is not { Count: > 0 } states || states.Contains(w.State))
            && (query.ConversationId is not { } conversation || w.ConversationId == conversation)
            && (query.CorrelationKey is not { } correlation || string.Equals(w.CorrelationKey, correlation, StringComparison.Ordinal))
            && (query.CreatedAtOrAfter is not { } after || w.CreatedAt >= after)).Take(query.Limit)];
    }
}
