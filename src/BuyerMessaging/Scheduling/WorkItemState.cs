namespace BuyerMessaging;

/// <summary>The state of a <see cref="WorkItem"/>.</summary>
public enum WorkItemState
{
    /// <summary>Waiting for its due instant (or for a retry).</summary>
    Pending,

    /// <summary>Leased by a worker until <see cref="WorkItem.LeaseExpiresAt"/>; another worker may take it over after that.</summary>
    Leased,

    /// <summary>Done; <see cref="WorkItem.Result"/> holds its result (for a send, the channel's message id).</summary>
    Succeeded,

    /// <summary>Given up after the last attempt; <see cref="WorkItem.LastError"/> says why.</summary>
    Failed,

    /// <summary>Cancelled before it ran (for example an auto-reply after a person answered); <see cref="WorkItem.LastError"/> says why.</summary>
    Cancelled,
}
