using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// An <see cref="IConversationStore"/> that keeps everything in memory: for tests, demos and hosts that persist
/// elsewhere. Nothing survives the process.
/// </summary>
/// <remarks>
/// Thread-safe. One gate serialises write transactions and reads, so a reader never sees a transaction's
/// uncommitted writes. A transaction applies its writes at once and undoes them if it is disposed uncommitted.
/// </remarks>
public sealed partial class InMemoryConversationStore : IConversationStore
{
    private readonly InMemoryStoreState _state = new();

    /// <inheritdoc />
    public async Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await _state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new InMemoryStoreTransaction(_state);
    }

    /// <inheritdoc />
    public Task<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Conversations.GetValueOrDefault(id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        GetMessagesAsync(id, MessageReading.Whole, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, MessageReading reading, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Message>>(
            s => s.Messages.TryGetValue(id, out var list)
                ? [.. list.OrderBy(m => m.At).Select(m => reading == MessageReading.Whole || m.Attachments.Count == 0 ? m : m with { Attachments = [] })]
                : [],
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationChange>> GetHistoryAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ConversationChange>>(s => s.History.TryGetValue(id, out var list) ? [.. list] : [], cancellationToken);

    /// <inheritdoc />
    public Task<InboxPage> QueryAsync(InboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, InboxQuery.MaxPageSize, nameof(query));
        var cursor = InboxCursor.FromQuery(query);
        return ReadAsync(s => s.Query(query, cursor), cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxCounts> CountAsync(InboxScope? scope = null, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Count(scope), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetFolders(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetStores(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetChannels(), cancellationToken);

    /// <inheritdoc />
    public Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetRules(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetAgents(), cancellationToken);

    /// <inheritdoc />
    public Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Templates.GetValueOrDefault(id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.GetTemplates(storeId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<TemplateId>>(s => s.Favourites.TryGetValue(storeId, out var list) ? [.. list] : [], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantinedItem>> GetQuarantineAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<QuarantinedItem>>(s => [.. s.Quarantine.AsEnumerable().Reverse().Take(limit)], cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantineEntry>> GetQuarantineEntriesAsync(int limit = 100, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<QuarantineEntry>>(
            s => [.. s.Quarantine.AsEnumerable().Reverse().Where(q => beforeId is not { } before || q.Id < before).Take(limit).Select(q => q.ToEntry())],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Quarantine.Find(q => q.Id == id), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<InMemoryStoreState, T> read, CancellationToken cancellationToken)
    {
        await _state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(_state);
        }
        finally
        {
            _state.Gate.Release();
        }
    }
}
