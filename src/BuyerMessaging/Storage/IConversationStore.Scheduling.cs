namespace BuyerMessaging;

/// <content>Reads of scheduled work, the outbox and the channels' time policies.</content>
public partial interface IConversationStore
{
    /// <summary>Queries work items (scheduled work, the outbox, pending events).</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The items, ordered by id (newest first with <see cref="WorkItemQuery.NewestFirst"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The query's limit is not positive.</exception>
    Task<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets the time policies of every channel that has saved ones.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The policies ordered by channel id.</returns>
    Task<IReadOnlyList<ChannelPolicies>> GetChannelPoliciesAsync(CancellationToken cancellationToken = default);
}
