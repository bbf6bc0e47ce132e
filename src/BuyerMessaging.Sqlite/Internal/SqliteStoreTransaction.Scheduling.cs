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
        WorkQueueSql.ValidateNew(item);
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.Enqueue(_session, item, now));
    }

    public ValueTask<WorkItem?> GetWorkItemAsync(long id, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.Get(_session, id));
    }

    public ValueTask<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.Query(_session, query));
    }

    public ValueTask<IReadOnlyList<WorkItem>> LeaseDueWorkAsync(Instant now, string owner, Duration leaseDuration, int max, CancellationToken cancellationToken = default)
    {
        WorkQueueSql.ValidateLease(owner, leaseDuration, max);
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.Lease(_session, now, owner, leaseDuration, max));
    }

    public ValueTask<bool> EndLeaseAsync(long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt = null, CancellationToken cancellationToken = default)
    {
        WorkQueueSql.ValidateEnd(owner, outcome, retryAt);
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.End(_session, id, owner, outcome, now, resultOrError, retryAt));
    }

    public ValueTask<int> CancelWorkAsync(ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(reason);
        Check(cancellationToken);
        return ValueTask.FromResult(WorkQueueSql.Cancel(_session, conversationId, kinds, now, reason));
    }

    public ValueTask<ChannelPolicies?> GetChannelPoliciesAsync(ChannelId channelId, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(DefinitionSql.GetPolicies(_session, channelId));
    }

    public ValueTask SaveChannelPoliciesAsync(ChannelPolicies policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Check(cancellationToken);
        DefinitionSql.SavePolicies(_session, policies);
        return ValueTask.CompletedTask;
    }
}
