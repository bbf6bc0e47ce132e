namespace BuyerMessaging;

/// <content>Reads of work items and channel policies.</content>
public sealed partial class InMemoryConversationStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return ReadAsync(s => s.QueryWork(query), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChannelPolicies>> GetChannelPoliciesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ChannelPolicies>>(s => [.. s.Policies.Values.OrderBy(p => p.ChannelId.Value, StringComparer.Ordinal)], cancellationToken);
}
