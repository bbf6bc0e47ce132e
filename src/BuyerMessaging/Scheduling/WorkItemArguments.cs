using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The argument checks of the work-queue members of <see cref="IStoreTransaction"/>, shared by every store
/// implementation so that they all refuse the same input with the same exception.
/// </summary>
public static class WorkItemArguments
{
    /// <summary>Checks the item of <see cref="IStoreTransaction.EnqueueWorkAsync"/>.</summary>
    /// <param name="item">The item.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or its payload is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Its kind or idempotency key is empty.</exception>
    public static void ThrowIfInvalid(NewWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Kind, nameof(item));
        ArgumentException.ThrowIfNullOrWhiteSpace(item.IdempotencyKey, nameof(item));
        ArgumentNullException.ThrowIfNull(item.Payload, nameof(item));
    }

    /// <summary>Checks the arguments of <see cref="IStoreTransaction.LeaseDueWorkAsync"/>.</summary>
    /// <param name="owner">Who leases.</param>
    /// <param name="leaseDuration">How long the lease lasts.</param>
    /// <param name="max">The most items to lease.</param>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseDuration"/> or <paramref name="max"/> is not positive.</exception>
    public static void ThrowIfInvalidLease(string owner, Duration leaseDuration, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (leaseDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, "The lease must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    /// <summary>Checks the outcome of <see cref="IStoreTransaction.EndLeaseAsync"/>.</summary>
    /// <param name="outcome">How the lease ends.</param>
    /// <param name="retryAt">When a retry is due.</param>
    /// <exception cref="ArgumentException">The outcome is not Succeeded, Failed or Pending, or a retry has no due instant.</exception>
    public static void ThrowIfInvalidEnd(WorkItemState outcome, Instant? retryAt)
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
}
