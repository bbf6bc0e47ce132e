using NodaTime;

namespace BuyerMessaging.Internal;

/// <content>
/// Scheduled work, the outbox and channel policies. Every statement runs inside this transaction's
/// <c>BEGIN IMMEDIATE</c>, which holds the file's write lock: a lease taken here is exclusive across every store object
/// and process on the file, and becomes visible to them only when committed.
/// </content>
internal sealed partial class SqliteStoreTransaction
{
    public ValueTask<WorkItem> EnqueueWorkAsync(NewWorkItem item, Instant now, CancellationToken cancellationToken = default)
    {
        WorkItemArguments.ThrowIfInvalid(item);
        return Run(s => WorkQueueSql.Enqueue(s, item, now), cancellationToken);
    }

    public ValueTask<WorkItem?> GetWorkItemAsync(long id, CancellationToken cancellationToken = default) =>
        Run(s => WorkQueueSql.Get(s, id), cancellationToken);

    public ValueTask<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return Run(s => WorkQueueSql.Query(s, query), cancellationToken);
    }

    public ValueTask<IReadOnlyList<WorkItem>> LeaseDueWorkAsync(Instant now, string owner, Duration leaseDuration, int max, CancellationToken cancellationToken = default)
    {
        WorkItemArguments.ThrowIfInvalidLease(owner, leaseDuration, max);
        return Run(s => WorkQueueSql.Lease(s, now, owner, leaseDuration, max), cancellationToken);
    }

    public ValueTask<bool> EndLeaseAsync(long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        WorkItemArguments.ThrowIfInvalidEnd(outcome, retryAt);
        return Run(s => WorkQueueSql.End(s, id, owner, outcome, now, resultOrError, retryAt), cancellationToken);
    }

    public ValueTask<bool> ReplaceFinishedWorkPayloadAsync(long id, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Run(s => WorkQueueSql.ReplaceFinishedPayload(s, id, payload), cancellationToken);
    }

    public ValueTask<int> CancelWorkAsync(ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(reason);
        return Run(s => WorkQueueSql.Cancel(s, conversationId, kinds, now, reason), cancellationToken);
    }

    public ValueTask<ChannelPolicies?> GetChannelPoliciesAsync(ChannelId channelId, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);

        // Read once per channel and transaction (the write lock keeps them as read); forgotten when this transaction saves
        // policies or rolls back to a savepoint.
        _policies ??= [];
        if (!_policies.TryGetValue(channelId, out var policies))
        {
            policies = DefinitionSql.GetPolicies(_session, channelId);
            _policies.Add(channelId, policies);
        }

        return ValueTask.FromResult(policies);
    }

    public ValueTask SaveChannelPoliciesAsync(ChannelPolicies policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = null;
        return Run(s => DefinitionSql.SavePolicies(s, policies), cancellationToken);
    }
}
