namespace BuyerMessaging.Internal;

/// <summary>The data of an <see cref="InMemoryConversationStore"/>; every access holds <see cref="Gate"/>.</summary>
internal sealed partial class InMemoryStoreState
{
    private RuleSet? _rules;
    private IReadOnlyList<Channel>? _channels;
    private List<UndoEntry>? _spareUndoLog;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public Dictionary<ConversationId, Conversation> Conversations { get; } = [];

    public Dictionary<ConversationId, List<Message>> Messages { get; } = [];

    public Dictionary<ConversationId, List<ConversationChange>> History { get; } = [];

    /// <summary>The addresses that took part in each conversation, in invariant lower case (as <see cref="ThreadingKeys.BuyerKey"/> compares them).</summary>
    public Dictionary<ConversationId, HashSet<string>> Participants { get; } = [];

    /// <summary>
    /// The folded subject (first) and message texts of each conversation, for free-text search: each one apart, as the
    /// query must find its text in the subject or in one message, never across two.
    /// </summary>
    public Dictionary<ConversationId, List<string>> SearchText { get; } = [];

    public Dictionary<(ChannelId Channel, string ExternalId), Message> ByExternalId { get; } = [];

    public Dictionary<(StoreId Store, string InternetMessageId), Message> ByInternetMessageId { get; } = [];

    /// <summary>The messages that name a Message-ID in their In-Reply-To or References, in the order stored, by store and that id.</summary>
    public Dictionary<(StoreId Store, string InternetMessageId), List<Message>> ByReferencedId { get; } = [];

    /// <summary>Conversations by store, buyer key and order id (the relay threading lookup).</summary>
    public Dictionary<(StoreId Store, string BuyerKey, string? OrderId), List<ConversationId>> ByBuyerAndOrder { get; } = [];

    /// <summary>Conversations by channel, buyer key and subject key (the subject fallback lookup).</summary>
    public Dictionary<(ChannelId Channel, string BuyerKey, string SubjectKey), List<ConversationId>> BySubject { get; } = [];

    public Dictionary<StoreId, Store> Stores { get; } = [];

    public Dictionary<ChannelId, Channel> Channels { get; } = [];

    public Dictionary<FolderId, Folder> Folders { get; } = SystemFolders.All.ToDictionary(f => f.Id);

    public List<QuarantinedItem> Quarantine { get; } = [];

    /// <summary>The last id given to a quarantined item: ids are not used again after a delete.</summary>
    public long LastQuarantineId { get; set; }

    /// <summary>The id of the quarantined item of each raw input, by the hex SHA-256 of its bytes.</summary>
    public Dictionary<string, long> QuarantineByHash { get; } = new(StringComparer.Ordinal);

    public Dictionary<RuleId, Rule> Rules { get; } = [];

    public long RulesRevision { get; set; }

    public Dictionary<AgentId, Agent> Agents { get; } = [];

    public Dictionary<TemplateId, Template> Templates { get; } = [];

    public Dictionary<StoreId, IReadOnlyList<TemplateId>> Favourites { get; } = [];

    public long LastConversationId { get; set; }

    public long LastMessageId { get; set; }

    /// <summary>
    /// The undo log for a transaction that begins: the one the previous transaction gave back, if any (transactions
    /// hold <see cref="Gate"/>, so one uses it at a time), to keep a batch's log from growing anew each time.
    /// </summary>
    public List<UndoEntry> RentUndoLog()
    {
        var log = _spareUndoLog ?? [];
        _spareUndoLog = null;
        return log;
    }

    /// <summary>Takes back the undo log of a transaction that ended, emptied.</summary>
    public void ReturnUndoLog(List<UndoEntry> log)
    {
        log.Clear();
        _spareUndoLog = log;
    }

    /// <summary>The most recently updated of <paramref name="ids"/>' conversations, among those with a buyer message at or after <paramref name="inboundSince"/> when given.</summary>
    public Conversation? Latest(List<ConversationId>? ids, NodaTime.Instant? inboundSince = null)
    {
        Conversation? best = null;
        foreach (var id in ids ?? [])
        {
            var c = Conversations[id];
            if ((inboundSince is not { } since || c.LastInboundAt >= since)
                && (best is null || c.UpdatedAt > best.UpdatedAt || (c.UpdatedAt == best.UpdatedAt && string.CompareOrdinal(c.Id.Value, best.Id.Value) > 0)))
            {
                best = c;
            }
        }

        return best;
    }

    public IReadOnlyList<Folder> GetFolders() =>
        [.. Folders.Values.OrderBy(f => f.Kind).ThenBy(f => f.Order).ThenBy(f => f.Id.Value, StringComparer.Ordinal)];

    public IReadOnlyList<Store> GetStores() => [.. Stores.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal)];

    /// <summary>The rules in order, kept until <see cref="RulesChanged"/> (ingest reads them for every message).</summary>
    public RuleSet GetRules() =>
        _rules ??= new(Array.AsReadOnly([.. Rules.Values.OrderBy(r => r.Order).ThenBy(r => r.Id.Value, StringComparer.Ordinal)]), RulesRevision);

    /// <summary>Forgets the ordered rules after <see cref="Rules"/> or <see cref="RulesRevision"/> changed (or was restored).</summary>
    public void RulesChanged() => _rules = null;

    public IReadOnlyList<Agent> GetAgents() => [.. Agents.Values.OrderBy(a => a.Id.Value, StringComparer.Ordinal)];

    public IReadOnlyList<Template> GetTemplates(StoreId? storeId) =>
        [.. Templates.Values.Where(t => storeId is null || t.StoreId is null || t.StoreId == storeId).OrderBy(t => t.Id.Value, StringComparer.Ordinal)];

    /// <summary>The channels by id, kept until <see cref="ChannelsChanged"/> (ingest reads them for every message).</summary>
    public IReadOnlyList<Channel> GetChannels() =>
        _channels ??= Array.AsReadOnly([.. Channels.Values.OrderBy(c => c.Id.Value, StringComparer.Ordinal)]);

    /// <summary>Forgets the ordered channels after <see cref="Channels"/> changed (or was restored).</summary>
    public void ChannelsChanged() => _channels = null;

    public InboxPage Query(InboxQuery query, InboxCursor? cursor)
    {
        var folded = string.IsNullOrWhiteSpace(query.Text) ? null : TextFolding.Fold(query.Text.Trim());
        var matches = Conversations.Values.Where(c => Matches(c, query, folded) && (cursor is null || cursor.Precedes(c)));
        var ordered = query.Sort == InboxSort.SlaDue
            ? matches.OrderBy(c => InboxCursor.KeyOf(c, query.Sort))
            : matches.OrderByDescending(c => InboxCursor.KeyOf(c, query.Sort));
        var page = ordered.ThenByDescending(c => c.Id.Value, StringComparer.Ordinal).Take(query.PageSize + 1).ToList();
        string? next = null;
        if (page.Count > query.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            next = InboxCursor.After(page[^1], query.Sort).Encode();
        }

        return new InboxPage(page, next);
    }

    public InboxCounts Count(InboxScope? scope)
    {
        var byFolder = Folders.Keys.ToDictionary(id => id, _ => 0);
        var byStatus = Enum.GetValues<ConversationStatus>().ToDictionary(s => s, _ => 0);
        int unread = 0, total = 0;
        foreach (var c in Conversations.Values)
        {
            if (scope is not null && (!InScope(scope.Stores, c.StoreId) || !InScope(scope.Channels, c.ChannelId)))
            {
                continue;
            }

            total++;
            byStatus[c.Status]++;
            var folder = c.FolderId ?? SystemFolders.For(c.Status);
            byFolder[folder] = byFolder.GetValueOrDefault(folder) + 1;
            if (c.IsUnread)
            {
                unread++;
            }
        }

        return new InboxCounts { ByFolder = byFolder, ByStatus = byStatus, Unread = unread, Total = total };
    }

    private bool Matches(Conversation c, InboxQuery q, string? folded)
    {
        if (!InScope(q.Stores, c.StoreId) || !InScope(q.Channels, c.ChannelId) || !InScope(q.Statuses, c.Status)
            || !InScope(q.MessageTypes, c.MessageType))
        {
            return false;
        }

        if (q.Folder is { } folder)
        {
            var status = SystemFolders.StatusOf(folder);
            if (status is { } s ? c.Status != s || c.FolderId is not null : c.FolderId != folder)
            {
                return false;
            }
        }

        if ((q.Assignee is { } agent && c.Assignee != agent) || (q.Unassigned && c.Assignee is not null))
        {
            return false;
        }

        if (q.Languages is { Count: > 0 } languages
            && (c.Language is null || !languages.Contains(c.Language, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if ((q.HasOrder is { } hasOrder && c.HasOrder != hasOrder) || (q.Unread is { } unread && c.IsUnread != unread))
        {
            return false;
        }

        return folded is null
            || (SearchText.TryGetValue(c.Id, out var texts) && texts.Exists(text => text.Contains(folded, StringComparison.Ordinal)));
    }

    private static bool InScope<T>(IReadOnlyList<T>? filter, T value) => filter is not { Count: > 0 } || filter.Contains(value);
}
