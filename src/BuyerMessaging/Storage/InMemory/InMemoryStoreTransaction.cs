using System.Globalization;
using System.Security.Cryptography;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>A write transaction of the in-memory store: holds the gate, applies writes at once, undoes them on rollback.</summary>
internal sealed partial class InMemoryStoreTransaction(InMemoryStoreState state) : IStoreTransaction
{
    private readonly List<UndoEntry> _undo = state.RentUndoLog();
    private bool _committed;
    private bool _disposed;

    public ValueTask<ConversationId> NewConversationIdAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        return ValueTask.FromResult(new ConversationId((++state.LastConversationId).ToString(CultureInfo.InvariantCulture)));
    }

    public ValueTask<MessageId> NewMessageIdAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        return ValueTask.FromResult(new MessageId((++state.LastMessageId).ToString(CultureInfo.InvariantCulture)));
    }

    public ValueTask<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default) => Done(state.GetChannels());

    public ValueTask<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default) => Done(state.GetStores());

    public ValueTask<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default) => Done(state.GetFolders());

    public ValueTask<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        Done(state.Conversations.GetValueOrDefault(id));

    public ValueTask<MessageLocation?> FindMessageByExternalIdAsync(ChannelId channelId, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Done(state.ByExternalId.TryGetValue((channelId, externalId), out var message) ? MessageLocation.Of(message) : (MessageLocation?)null);
    }

    public ValueTask<MessageLocation?> FindMessageByInternetMessageIdAsync(StoreId storeId, string internetMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(internetMessageId);
        return Done(state.ByInternetMessageId.TryGetValue((storeId, internetMessageId), out var message) ? MessageLocation.Of(message) : (MessageLocation?)null);
    }

    public ValueTask<MessageLocation?> FindMessageReferencingAsync(StoreId storeId, string internetMessageId, string participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(internetMessageId);
        ArgumentNullException.ThrowIfNull(participant);
        ThrowIfDone();
        if (!state.ByReferencedId.TryGetValue((storeId, internetMessageId), out var naming))
        {
            return ValueTask.FromResult<MessageLocation?>(null);
        }

        var address = participant.ToLowerInvariant();
        for (var i = 0; i < naming.Count && i < ThreadingKeys.ReferencingCandidates; i++)
        {
            var message = naming[i];
            if (state.Participants.TryGetValue(message.ConversationId, out var set) && set.Contains(address))
            {
                return ValueTask.FromResult<MessageLocation?>(MessageLocation.Of(message));
            }
        }

        return ValueTask.FromResult<MessageLocation?>(null);
    }

    public ValueTask<Conversation?> FindConversationByBuyerAndOrderAsync(StoreId storeId, string buyerKey, string? orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buyerKey);
        return Done(state.Latest(state.ByBuyerAndOrder.GetValueOrDefault((storeId, buyerKey, orderId))));
    }

    public ValueTask<Conversation?> FindConversationBySubjectAsync(ChannelId channelId, string buyerKey, string subjectKey, Instant notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buyerKey);
        ArgumentNullException.ThrowIfNull(subjectKey);
        return Done(state.Latest(state.BySubject.GetValueOrDefault((channelId, buyerKey, subjectKey)), notBefore));
    }

    public ValueTask<bool> IsParticipantAsync(ConversationId id, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Done(state.Participants.TryGetValue(id, out var set) && set.Contains(address.ToLowerInvariant()));
    }

    public ValueTask AddParticipantsAsync(ConversationId id, IEnumerable<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ThrowIfDone();
        if (!state.Participants.TryGetValue(id, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            state.Participants[id] = set;
            _undo.Add(UndoEntry.RemoveParticipants(id));
        }

        foreach (var address in addresses)
        {
            if (string.IsNullOrWhiteSpace(address))
            {
                continue;
            }

            var added = address.ToLowerInvariant();
            if (set.Add(added))
            {
                _undo.Add(UndoEntry.RemoveParticipant(set, added));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask InsertConversationAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ThrowIfDone();
        if (!state.Conversations.TryAdd(conversation.Id, conversation))
        {
            throw new InvalidOperationException($"Conversation {conversation.Id} exists.");
        }

        var id = conversation.Id;
        state.SearchText[id] = [TextFolding.Fold(conversation.Subject)];
        var buyerKey = ThreadingKeys.BuyerKey(conversation.Buyer.Address);
        Index(state.ByBuyerAndOrder, (conversation.StoreId, buyerKey, conversation.OrderId), id);
        Index(state.BySubject, (conversation.ChannelId, buyerKey, ThreadingKeys.SubjectKey(conversation.Subject)), id);
        _undo.Add(UndoEntry.RemoveConversation(id));
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateConversationAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ThrowIfDone();
        if (!state.Conversations.TryGetValue(conversation.Id, out var old) || old.Version + 1 != conversation.Version)
        {
            throw new ConcurrencyException(conversation.Id);
        }

        state.Conversations[conversation.Id] = conversation;
        _undo.Add(UndoEntry.RestoreConversation(old));
        if (!string.Equals(old.Subject, conversation.Subject, StringComparison.Ordinal) && state.SearchText.TryGetValue(old.Id, out var texts))
        {
            var oldSubject = texts[0];
            texts[0] = TextFolding.Fold(conversation.Subject);
            _undo.Add(UndoEntry.Run(() => texts[0] = oldSubject));
        }

        var buyerKey = ThreadingKeys.BuyerKey(conversation.Buyer.Address);
        var oldBuyerKey = ThreadingKeys.BuyerKey(old.Buyer.Address);
        if (old.OrderId != conversation.OrderId || oldBuyerKey != buyerKey)
        {
            Unindex(state.ByBuyerAndOrder, (old.StoreId, oldBuyerKey, old.OrderId), old.Id);
            Index(state.ByBuyerAndOrder, (conversation.StoreId, buyerKey, conversation.OrderId), conversation.Id);
        }

        var subjectKey = ThreadingKeys.SubjectKey(conversation.Subject);
        var oldSubjectKey = ThreadingKeys.SubjectKey(old.Subject);
        if (oldSubjectKey != subjectKey || oldBuyerKey != buyerKey)
        {
            Unindex(state.BySubject, (old.ChannelId, oldBuyerKey, oldSubjectKey), old.Id);
            Index(state.BySubject, (conversation.ChannelId, buyerKey, subjectKey), conversation.Id);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask InsertMessageAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfDone();
        var conversation = state.Conversations.GetValueOrDefault(message.ConversationId)
            ?? throw new InvalidOperationException($"Conversation {message.ConversationId} does not exist.");
        if (!state.Messages.TryGetValue(message.ConversationId, out var list))
        {
            list = [];
            state.Messages[message.ConversationId] = list;
        }

        list.Add(message);
        _undo.Add(UndoEntry.RemoveMessage(list, message));
        if (message.ExternalId is { } external && state.ByExternalId.TryAdd((message.ChannelId, external), message))
        {
            _undo.Add(UndoEntry.RemoveExternalId(message));
        }

        if (message.InternetMessageId is { } mid && state.ByInternetMessageId.TryAdd((conversation.StoreId, mid), message))
        {
            _undo.Add(UndoEntry.RemoveInternetMessageId(conversation.StoreId, message));
        }

        foreach (var referenced in ThreadingKeys.ReferencedIds(message.InReplyTo, message.References, message.InternetMessageId))
        {
            var key = (conversation.StoreId, referenced);
            if (!state.ByReferencedId.TryGetValue(key, out var naming))
            {
                naming = [];
                state.ByReferencedId[key] = naming;
            }

            naming.Add(message);
            _undo.Add(UndoEntry.RemoveReference(naming, message, conversation.StoreId, referenced));
        }

        if (state.SearchText.TryGetValue(message.ConversationId, out var texts) && message.Text.Length > 0)
        {
            texts.Add(TextFolding.Fold(message.Text));
            _undo.Add(UndoEntry.RemoveLastText(texts));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AppendHistoryAsync(IEnumerable<ConversationChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ThrowIfDone();
        foreach (var change in changes)
        {
            if (!state.History.TryGetValue(change.ConversationId, out var list))
            {
                list = [];
                state.History[change.ConversationId] = list;
            }

            list.Add(change);
            _undo.Add(UndoEntry.RemoveLastChange(list));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ConversationId>> GetConversationIdsInFolderAsync(FolderId folderId, CancellationToken cancellationToken = default) =>
        Done<IReadOnlyList<ConversationId>>([.. state.Conversations.Values.Where(c => c.FolderId == folderId).Select(c => c.Id)]);

    public ValueTask<long> InsertQuarantineAsync(QuarantinedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfDone();
        var hash = item.Raw.IsEmpty ? null : Convert.ToHexStringLower(SHA256.HashData(item.Raw.Span));
        if (hash is not null && state.QuarantineByHash.TryGetValue(hash, out var existing))
        {
            return ValueTask.FromResult(existing);
        }

        var stored = item with { Id = ++state.LastQuarantineId };
        state.Quarantine.Add(stored);
        _undo.Add(UndoEntry.Run(() =>
        {
            state.Quarantine.Remove(stored);
            state.LastQuarantineId--;
        }));
        if (hash is not null)
        {
            state.QuarantineByHash.Add(hash, stored.Id);
            _undo.Add(UndoEntry.Run(() => state.QuarantineByHash.Remove(hash)));
        }

        return ValueTask.FromResult(stored.Id);
    }

    public ValueTask<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        return ValueTask.FromResult(state.Quarantine.Find(q => q.Id == id));
    }

    public ValueTask<bool> DeleteQuarantinedItemAsync(long id, CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        var index = state.Quarantine.FindIndex(q => q.Id == id);
        if (index < 0)
        {
            return ValueTask.FromResult(false);
        }

        var item = state.Quarantine[index];
        state.Quarantine.RemoveAt(index);
        _undo.Add(UndoEntry.Run(() => state.Quarantine.Insert(index, item)));
        var hash = item.Raw.IsEmpty ? null : Convert.ToHexStringLower(SHA256.HashData(item.Raw.Span));
        if (hash is not null && state.QuarantineByHash.TryGetValue(hash, out var byHash) && byHash == id)
        {
            state.QuarantineByHash.Remove(hash);
            _undo.Add(UndoEntry.Run(() => state.QuarantineByHash.Add(hash, id)));
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask SaveStoreAsync(Store store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        Replace(state.Stores, store.Id, store);
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveChannelAsync(Channel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Replace(state.Channels, channel.Id, channel);
        Changed(state.ChannelsChanged);
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveFolderAsync(Folder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Replace(state.Folders, folder.Id, folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteFolderAsync(FolderId folderId, CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        if (!state.Folders.Remove(folderId, out var old))
        {
            return ValueTask.FromResult(false);
        }

        _undo.Add(UndoEntry.Run(() => state.Folders[folderId] = old));
        return ValueTask.FromResult(true);
    }

    public ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) => Done(state.GetRules());

    public ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Replace(state.Rules, rule.Id, rule);
        BumpRulesRevision();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        if (!state.Rules.Remove(id, out var old))
        {
            return ValueTask.FromResult(false);
        }

        _undo.Add(UndoEntry.Run(() => state.Rules[id] = old));
        BumpRulesRevision();
        return ValueTask.FromResult(true);
    }

    public ValueTask<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) => Done(state.GetAgents());

    public ValueTask SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Replace(state.Agents, agent.Id, agent);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        Done(state.Templates.GetValueOrDefault(id));

    public ValueTask<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) =>
        Done(state.GetTemplates(storeId));

    public ValueTask SaveTemplateAsync(Template template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        Replace(state.Templates, template.Id, template);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteTemplateAsync(TemplateId id, CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        if (!state.Templates.Remove(id, out var old))
        {
            return ValueTask.FromResult(false);
        }

        _undo.Add(UndoEntry.Run(() => state.Templates[id] = old));
        return ValueTask.FromResult(true);
    }

    public ValueTask<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) =>
        Done<IReadOnlyList<TemplateId>>(state.Favourites.TryGetValue(storeId, out var list) ? [.. list] : []);

    public ValueTask SetFavouritesAsync(StoreId storeId, IReadOnlyList<TemplateId> templateIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(templateIds);
        Replace<StoreId, IReadOnlyList<TemplateId>>(state.Favourites, storeId, [.. templateIds]);
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDone();
        _committed = true;
        _undo.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        try
        {
            if (!_committed)
            {
                for (var i = _undo.Count - 1; i >= 0; i--)
                {
                    _undo[i].Apply(state);
                }
            }
        }
        finally
        {
            state.ReturnUndoLog(_undo);
            state.Gate.Release();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Drops a snapshot of the state now, and again after a rollback has restored what it was made from.</summary>
    private void Changed(Action forget)
    {
        forget();
        _undo.Add(UndoEntry.Run(forget));
    }

    /// <summary>Advances the rules revision (part of the ordered rules the state keeps, which it therefore drops).</summary>
    private void BumpRulesRevision()
    {
        var revision = state.RulesRevision;
        state.RulesRevision = revision + 1;
        _undo.Add(UndoEntry.Run(() => state.RulesRevision = revision));
        Changed(state.RulesChanged);
    }

    private void Index<TKey>(Dictionary<TKey, List<ConversationId>> index, TKey key, ConversationId id)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(id);
        _undo.Add(UndoEntry.RemoveFromIndex(list, id));
    }

    private void Unindex<TKey>(Dictionary<TKey, List<ConversationId>> index, TKey key, ConversationId id)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list) && list.Remove(id))
        {
            _undo.Add(UndoEntry.Run(() => list.Add(id)));
        }
    }

    private void Replace<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        ThrowIfDone();
        if (map.TryGetValue(key, out var old))
        {
            _undo.Add(UndoEntry.Run(() => map[key] = old));
        }
        else
        {
            _undo.Add(UndoEntry.Run(() => map.Remove(key)));
        }

        map[key] = value;
    }

    private ValueTask<T> Done<T>(T value)
    {
        ThrowIfDone();
        return ValueTask.FromResult(value);
    }

    private void ThrowIfDone()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The transaction was already committed.");
        }
    }
}
