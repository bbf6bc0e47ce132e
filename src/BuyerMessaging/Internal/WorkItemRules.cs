using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>The argument checks and state transitions of work items that every store shares.</summary>
internal static class WorkItemRules
{
    public static void Validate(NewWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Kind, nameof(item));
        ArgumentException.ThrowIfNullOrWhiteSpace(item.IdempotencyKey, nameof(item));
        ArgumentNullException.ThrowIfNull(item.Payload, nameof(item));
    }

    public static void ValidateLease(string owner, Duration leaseDuration, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (leaseDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, "The lease must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    public static void ValidateEnd(WorkItemState outcome, Instant? retryAt)
    {
        if (outcome is not (WorkItemState.Succeeded or WorkItemState.Failed or WorkItemState.Pending))
        {
            throw new ArgumentException("A lease ends as Succeeded, Failed or Pending (retry).", nameof(outcome));
        }

        if (outcome == WorkItemState.Pending && retryAt is null)
        {
            throw new ArgumentException("A retry needs the instant it is due.", nameof(retryAt));
        }
    }

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
