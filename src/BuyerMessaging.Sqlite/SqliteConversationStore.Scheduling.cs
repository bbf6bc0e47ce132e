using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <content>Reads of scheduled work, the outbox and the channels' time policies.</content>
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public Task<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return Read(s => WorkQueueSql.Query(s, query), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChannelPolicies>> GetChannelPoliciesAsync(CancellationToken cancellationToken = default) =>
        Read(DefinitionSql.GetAllPolicies, cancellationToken);
}
