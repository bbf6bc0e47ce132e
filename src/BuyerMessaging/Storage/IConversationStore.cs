namespace BuyerMessaging;

/// <summary>
/// The store of stores, channels, folders, conversations, messages, history and quarantined input. Reads run
/// directly; every change runs inside an <see cref="IStoreTransaction"/> so that one ingest or one operation is
/// recorded entirely or not at all.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Write transactions are serialised: while one is open, another
/// <see cref="BeginTransactionAsync"/> waits. Every implementation must pass the store contract test suite.
/// </remarks>
public partial interface IConversationStore
{
    /// <summary>Starts a write transaction.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The transaction; dispose it without <see cref="IStoreTransaction.CommitAsync"/> to roll back.</returns>
    Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a conversation.</summary>
    /// <param name="id">The conversation's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation, or <see langword="null"/> when there is none with that id.</returns>
    Task<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default);

    /// <summary>Gets the messages of a conversation, oldest first (by <see cref="Message.At"/>, then by insertion).</summary>
    /// <param name="id">The conversation's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The messages; empty when the conversation does not exist.</returns>
    Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, CancellationToken cancellationToken = default);

    /// <summary>Gets the messages of a conversation, oldest first, whole or without their attachments.</summary>
    /// <param name="id">The conversation's id.</param>
    /// <param name="reading">How much of each message to read.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The messages; empty when the conversation does not exist.</returns>
    Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, MessageReading reading, CancellationToken cancellationToken = default);

    /// <summary>Gets the history of a conversation, oldest first, in the order it was appended.</summary>
    /// <param name="id">The conversation's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The changes.</returns>
    Task<IReadOnlyList<ConversationChange>> GetHistoryAsync(ConversationId id, CancellationToken cancellationToken = default);

    /// <summary>Runs an inbox query: filters, sort and keyset paging (see <see cref="InboxQuery"/>).</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>One page of conversations and the cursor of the next page.</returns>
    /// <exception cref="ArgumentException">The query's cursor is not valid for its sort.</exception>
    Task<InboxPage> QueryAsync(InboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts conversations per folder and per status, for the sidebar.</summary>
    /// <param name="scope">Restricts the count to stores and channels; <see langword="null"/> counts all.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The counts.</returns>
    Task<InboxCounts> CountAsync(InboxScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the folders: the system folders (with their hidden state) and the custom folders, in sidebar order.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The folders.</returns>
    Task<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the stores.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The stores ordered by id.</returns>
    Task<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the channels of every store.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The channels ordered by id.</returns>
    Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the rules in running order (ascending <see cref="Rule.Order"/>, then id) with their revision.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The rules.</returns>
    Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the agents.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The agents ordered by id.</returns>
    Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a stored template (the built-in samples are not stored).</summary>
    /// <param name="id">The template's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template, or <see langword="null"/>.</returns>
    Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default);

    /// <summary>Gets stored templates.</summary>
    /// <param name="storeId">A store: its templates and the templates without a store; <see langword="null"/> for every template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The templates ordered by id.</returns>
    Task<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the favourite templates of a store, in the order they were added.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template ids.</returns>
    Task<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default);

    /// <summary>Gets quarantined input, newest first.</summary>
    /// <param name="limit">The most items to return.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The items, with their raw content.</returns>
    Task<IReadOnlyList<QuarantinedItem>> GetQuarantineAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets quarantined input without its raw content, newest first, a page at a time: what a quarantine list shows, and
    /// the way to go through a large quarantine (pass the last entry's id as <paramref name="beforeId"/> for the next
    /// page) without loading every item's bytes at once.
    /// </summary>
    /// <param name="limit">The most entries to return.</param>
    /// <param name="beforeId">When given, only entries whose id is lower (older); the first page when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The entries, with the size of their raw content.</returns>
    Task<IReadOnlyList<QuarantineEntry>> GetQuarantineEntriesAsync(int limit = 100, long? beforeId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one quarantined item, with its raw content.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The item, or <see langword="null"/> when there is none with that id.</returns>
    Task<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default);
}
