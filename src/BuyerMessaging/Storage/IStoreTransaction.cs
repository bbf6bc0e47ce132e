using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A write transaction of an <see cref="IConversationStore"/>. Reads inside it see its own writes. Nothing is visible
/// to others, or durable, until <see cref="CommitAsync"/>; disposing without committing rolls everything back.
/// </summary>
/// <remarks>Not thread-safe: use one transaction from one flow at a time.</remarks>
public partial interface IStoreTransaction : IAsyncDisposable
{
    /// <summary>Allocates a new, never used conversation id.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The id.</returns>
    ValueTask<ConversationId> NewConversationIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Allocates a new, never used message id.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The id.</returns>
    ValueTask<MessageId> NewMessageIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the channels of every store (as <see cref="IConversationStore.GetChannelsAsync"/>, with this transaction's writes).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The channels.</returns>
    ValueTask<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the stores.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The stores.</returns>
    ValueTask<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the folders (as <see cref="IConversationStore.GetFoldersAsync"/>).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The folders.</returns>
    ValueTask<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a conversation for update.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation or <see langword="null"/>.</returns>
    ValueTask<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default);

    /// <summary>Finds where a message is stored, by the channel's own id of it (de-duplication).</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="externalId">The channel's id of the message.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The message's location or <see langword="null"/>. A store reads no text and no attachment for it.</returns>
    ValueTask<MessageLocation?> FindMessageByExternalIdAsync(ChannelId channelId, string externalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds where a message of a store is stored, by its Message-ID header (compared ordinally, without angle
    /// brackets): de-duplication, and threading by In-Reply-To and References.
    /// </summary>
    /// <param name="storeId">The store.</param>
    /// <param name="internetMessageId">The Message-ID.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>
    /// The message's location or <see langword="null"/>; when several share the id, the oldest's. A store reads no text
    /// and no attachment for it.
    /// </returns>
    ValueTask<MessageLocation?> FindMessageByInternetMessageIdAsync(StoreId storeId, string internetMessageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the first stored message of a store that names a Message-ID among the earlier messages of its thread
    /// (<see cref="ThreadingKeys.ReferencedIds"/>: its In-Reply-To or References) in a conversation an address takes
    /// part in (<see cref="IsParticipantAsync"/>), and says where it is: threading a message that arrives after a reply
    /// to it, as when mail is delivered, fetched or imported out of order. Only the first
    /// <see cref="ThreadingKeys.ReferencingCandidates"/> stored messages that name it are considered.
    /// </summary>
    /// <param name="storeId">The store.</param>
    /// <param name="internetMessageId">The Message-ID (compared ordinally, without angle brackets).</param>
    /// <param name="participant">The address that must take part in the message's conversation (compared ignoring case, as <see cref="IsParticipantAsync"/>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The location of that message or <see langword="null"/>. A store reads no text and no attachment for it.</returns>
    ValueTask<MessageLocation?> FindMessageReferencingAsync(StoreId storeId, string internetMessageId, string participant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the most recently updated conversation of a store with a buyer key (see
    /// <see cref="ThreadingKeys.BuyerKey"/>) and an order id.
    /// </summary>
    /// <param name="storeId">The store.</param>
    /// <param name="buyerKey">The buyer key.</param>
    /// <param name="orderId">The order id; <see langword="null"/> matches conversations without an order.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation or <see langword="null"/>.</returns>
    ValueTask<Conversation?> FindConversationByBuyerAndOrderAsync(StoreId storeId, string buyerKey, string? orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the most recently updated conversation of a channel with a buyer key and a subject key (see
    /// <see cref="ThreadingKeys.SubjectKey"/>) whose buyer last wrote at or after <paramref name="notBefore"/>.
    /// </summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="buyerKey">The buyer key.</param>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="notBefore">The earliest <see cref="Conversation.LastInboundAt"/> to consider.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The conversation or <see langword="null"/>.</returns>
    ValueTask<Conversation?> FindConversationBySubjectAsync(ChannelId channelId, string buyerKey, string subjectKey, Instant notBefore, CancellationToken cancellationToken = default);

    /// <summary>Returns whether an address took part in a conversation (sent, or received as To or Cc).</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="address">
    /// The address, compared case-insensitively: by its invariant lower case (<see cref="string.ToLowerInvariant()"/>), as
    /// <see cref="ThreadingKeys.BuyerKey"/> tells buyers apart, so "Kim@example.com" (KELVIN SIGN) is "kim@example.com".
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it did.</returns>
    ValueTask<bool> IsParticipantAsync(ConversationId id, string address, CancellationToken cancellationToken = default);

    /// <summary>Records addresses as participants of a conversation (idempotent; case-insensitive, as <see cref="IsParticipantAsync"/> compares).</summary>
    /// <param name="id">The conversation.</param>
    /// <param name="addresses">The addresses.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask AddParticipantsAsync(ConversationId id, IEnumerable<string> addresses, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new conversation. Its <see cref="Conversation.Version"/> is stored as given.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when inserted.</returns>
    /// <exception cref="InvalidOperationException">A conversation with that id exists.</exception>
    ValueTask InsertConversationAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a conversation. <paramref name="conversation"/>'s <see cref="Conversation.Version"/> must be the
    /// stored version plus one.
    /// </summary>
    /// <param name="conversation">The new state.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not the one before.</exception>
    ValueTask UpdateConversationAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>Inserts a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when inserted.</returns>
    ValueTask InsertMessageAsync(Message message, CancellationToken cancellationToken = default);

    /// <summary>Appends history entries.</summary>
    /// <param name="changes">The changes, in order.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when appended.</returns>
    ValueTask AppendHistoryAsync(IEnumerable<ConversationChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Gets the ids of the conversations in a custom folder.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The ids.</returns>
    ValueTask<IReadOnlyList<ConversationId>> GetConversationIdsInFolderAsync(FolderId folderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts quarantined input, once per distinct raw input: when an item with the same raw bytes (compared by
    /// SHA-256) is already stored, nothing is written and that item's id is returned. Items without raw bytes are always
    /// inserted.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The store-assigned id of the item, or of the stored item with the same raw bytes.</returns>
    ValueTask<long> InsertQuarantineAsync(QuarantinedItem item, CancellationToken cancellationToken = default);

    /// <summary>Gets a quarantined item, with its raw content.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The item, or <see langword="null"/> when there is none with that id.</returns>
    ValueTask<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a quarantined item (retried into the inbox, or discarded by a person). Its id is never given to another
    /// item; the same raw input quarantined later gets a new id.
    /// </summary>
    /// <param name="id">The item's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when deleted; <see langword="false"/> when there is no item with that id.</returns>
    ValueTask<bool> DeleteQuarantinedItemAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveStoreAsync(Store store, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveChannelAsync(Channel channel, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a folder (system folders are saved to record their hidden state).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveFolderAsync(Folder folder, CancellationToken cancellationToken = default);

    /// <summary>Deletes a custom folder. Conversations must have been moved out first.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    ValueTask<bool> DeleteFolderAsync(FolderId folderId, CancellationToken cancellationToken = default);

    /// <summary>Gets the rules (as <see cref="IConversationStore.GetRulesAsync"/>, with this transaction's writes).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The rules in running order and their revision.</returns>
    ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a rule and advances the rules' revision.</summary>
    /// <param name="rule">The rule (validated by the caller).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default);

    /// <summary>Deletes a rule and advances the rules' revision.</summary>
    /// <param name="id">The rule.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default);

    /// <summary>Gets the agents.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The agents ordered by id.</returns>
    ValueTask<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default);

    /// <summary>Gets a stored template.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template, or <see langword="null"/>.</returns>
    ValueTask<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default);

    /// <summary>Gets stored templates (as <see cref="IConversationStore.GetTemplatesAsync"/>).</summary>
    /// <param name="storeId">A store, or <see langword="null"/> for every template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The templates ordered by id.</returns>
    ValueTask<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a template.</summary>
    /// <param name="template">The template (validated by the caller).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveTemplateAsync(Template template, CancellationToken cancellationToken = default);

    /// <summary>Deletes a template.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    ValueTask<bool> DeleteTemplateAsync(TemplateId id, CancellationToken cancellationToken = default);

    /// <summary>Gets the favourite templates of a store, in order.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template ids.</returns>
    ValueTask<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the favourite templates of a store (the limit is the caller's to enforce).</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="templateIds">The template ids, in order, without duplicates.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SetFavouritesAsync(StoreId storeId, IReadOnlyList<TemplateId> templateIds, CancellationToken cancellationToken = default);

    /// <summary>Makes every change of the transaction durable and visible.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when committed.</returns>
    /// <exception cref="InvalidOperationException">The transaction was already committed.</exception>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);
}
