using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>The state transitions of work items that the in-memory store applies (the argument checks are <see cref="WorkItemArguments"/>).</summary>
internal static class WorkItemRules
{
    public static bool IsLeasable(WorkItem item, Instant now) =>
        (item.State == WorkItemState.Pending && item.DueAt <= now)
        || (item.State == WorkItemState.Leased && item.LeaseExpiresAt <= now);

    public static WorkItem End(WorkItem item, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt) => outcome switch
    {
        WorkItemState.Succeeded => item with { State = outcome, Result = resultOrError, CompletedAt = now, LeaseExpiresAt = null },
        WorkItemState.Failed => item with { State = outcome, LastError = resultOrError, CompletedAt = now, LeaseExpiresAt = null },
        _ => item with { State = WorkItemState.Pending, LastError = resultOrError, DueAt = retryAt!.Value, LeaseExpiresAt = null },
    };
}
