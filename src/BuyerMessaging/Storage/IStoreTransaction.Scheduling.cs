using NodaTime;

namespace BuyerMessaging;

/// <content>Durable scheduled work, the outbox and the channels' time policies.</content>
public partial interface IStoreTransaction
{
    /// <summary>
    /// Schedules work. When an item with the same <see cref="NewWorkItem.IdempotencyKey"/> exists, in any state, nothing
    /// is added and that item is returned.
    /// </summary>
    /// <param name="item">The work.</param>
    /// <param name="now">The current instant (the item's <see cref="WorkItem.CreatedAt"/>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The stored item, new or existing.</returns>
    ValueTask<WorkItem> EnqueueWorkAsync(NewWorkItem item, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Gets a work item.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    ValueTask<WorkItem?> GetWorkItemAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Queries work items (as <see cref="IConversationStore.QueryWorkAsync"/>, with this transaction's writes).</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The items.</returns>
    ValueTask<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases due work: up to <paramref name="max"/> items, earliest due first (then by id), that are
    /// <see cref="WorkItemState.Pending"/> and due at <paramref name="now"/>, or <see cref="WorkItemState.Leased"/> with an
    /// expired lease (their worker died). Each becomes Leased by <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="leaseDuration"/>, and its <see cref="WorkItem.Attempts"/> goes up by one.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="owner">The worker's id.</param>
    /// <param name="leaseDuration">How long the lease lasts.</param>
    /// <param name="max">The most items to lease.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The leased items, as stored after leasing.</returns>
    ValueTask<IReadOnlyList<WorkItem>> LeaseDueWorkAsync(Instant now, string owner, Duration leaseDuration, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a leased item: <see cref="WorkItemState.Succeeded"/> with a result, <see cref="WorkItemState.Failed"/> with
    /// the reason, or back to <see cref="WorkItemState.Pending"/> due at <paramref name="retryAt"/> with the error. Only
    /// the worker that holds the lease may end it.
    /// </summary>
    /// <param name="id">The item.</param>
    /// <param name="owner">The worker that leased it.</param>
    /// <param name="outcome">Succeeded, Failed or Pending (retry).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="resultOrError">The result (Succeeded) or the error (Failed, Pending).</param>
    /// <param name="retryAt">When to retry (Pending only).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when ended; <see langword="false"/> when the item is not leased by <paramref name="owner"/> (its lease was taken over, or it was cancelled).</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is not Succeeded, Failed or Pending, or Pending lacks <paramref name="retryAt"/>.</exception>
    ValueTask<bool> EndLeaseAsync(long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the payload of a finished item (<see cref="WorkItemState.Succeeded"/>, <see cref="WorkItemState.Failed"/>
    /// or <see cref="WorkItemState.Cancelled"/>), to let go of what it no longer needs once it has run, such as the file
    /// contents of a sent reply (the conversation keeps its own copy). Pending and leased items keep theirs.
    /// </summary>
    /// <param name="id">The item.</param>
    /// <param name="payload">The new payload.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when replaced; <see langword="false"/> when the item does not exist or has not finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is <see langword="null"/>.</exception>
    ValueTask<bool> ReplaceFinishedWorkPayloadAsync(long id, string payload, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending and leased work of some kinds for a conversation.</summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="kinds">The kinds.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="reason">Why (kept as <see cref="WorkItem.LastError"/>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>How many items were cancelled.</returns>
    ValueTask<int> CancelWorkAsync(ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gets a channel's time policies.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The policies, or <see langword="null"/> when none were saved.</returns>
    ValueTask<ChannelPolicies?> GetChannelPoliciesAsync(ChannelId channelId, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a channel's time policies.</summary>
    /// <param name="policies">The policies (validated by the caller).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveChannelPoliciesAsync(ChannelPolicies policies, CancellationToken cancellationToken = default);
}
