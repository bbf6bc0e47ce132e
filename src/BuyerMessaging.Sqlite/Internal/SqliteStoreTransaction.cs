using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// A write transaction of a <see cref="SqliteConversationStore"/>: a <c>BEGIN IMMEDIATE</c> transaction on the store's
/// writer connection, holding the store's write gate until disposed. Statements run synchronously on prepared commands.
/// </summary>
internal sealed partial class SqliteStoreTransaction : IStoreTransaction
{
    private const int SqliteConstraintNotNull = 1299;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    private const string ReadIdSql = "SELECT value FROM id_sequences WHERE name = $name";
    private const string WriteIdSql = "UPDATE id_sequences SET value = $value WHERE name = $name";
    private const string SearchDeleteSql = "DELETE FROM search WHERE rowid = $rowid";
    private const string SearchPendingDeleteSql = "DELETE FROM search_pending WHERE fts_rowid = $rowid";
    private const string SearchPendingInsertSql = "INSERT INTO search_pending (fts_rowid, conversation_id, body) VALUES ($rowid, $conversation_id, $body)";
    private const string SearchInsertSql = "INSERT INTO search (rowid, body, conversation_id) VALUES ($rowid, $body, $conversation_id)";

    /// <summary>
    /// Moves the queued documents into the index in ascending rowid order: subject documents (negative rowids) first,
    /// then texts (new rowids). FTS5 writes a new segment whenever a rowid is not above the previous one, so an
    /// unsorted batch would cost a segment per document.
    /// </summary>
    private const string SearchFlushSql =
        "INSERT INTO search (rowid, body, conversation_id) SELECT fts_rowid, body, conversation_id FROM search_pending "
        + "ORDER BY fts_rowid IS NULL, fts_rowid, seq; DELETE FROM search_pending;";

    // The de-duplication and threading look-ups run on statements bound by position (most find nothing). A message
    // look-up reads its location's three columns and nothing else; a conversation look-up reads the seq alone, then the
    // whole row by its seq when one is found.
    private const string FindByExternalIdSql =
        "SELECT id, conversation_id, channel_id FROM messages WHERE channel_id = $channel_id AND external_id = $external_id ORDER BY seq LIMIT 1";

    private const string FindByInternetMessageIdSql =
        "SELECT id, conversation_id, channel_id FROM messages WHERE store_id = $store_id AND internet_message_id = $internet_message_id ORDER BY seq LIMIT 1";

    private static readonly string FindReferencingSql =
        "SELECT m.id, m.conversation_id, m.channel_id FROM (SELECT message_seq FROM message_references "
        + "WHERE store_id = $store_id AND reference = $internet_message_id ORDER BY message_seq "
        + string.Create(CultureInfo.InvariantCulture, $"LIMIT {ThreadingKeys.ReferencingCandidates}) r ")
        + "JOIN messages m ON m.seq = r.message_seq JOIN participants p ON p.conversation_id = m.conversation_id AND p.address = $address "
        + "ORDER BY r.message_seq LIMIT 1";

    private const string InsertReferenceSql =
        "INSERT OR IGNORE INTO message_references (store_id, reference, message_seq) SELECT store_id, $reference, seq FROM messages WHERE seq = $seq";

    private const string FindByBuyerAndOrderSql =
        "SELECT seq FROM conversations WHERE store_id = $store_id AND buyer_key = $buyer_key AND order_id IS $order_id "
        + "ORDER BY updated_at DESC, id DESC LIMIT 1";

    private const string FindBySubjectSql =
        "SELECT seq FROM conversations WHERE channel_id = $channel_id AND buyer_key = $buyer_key "
        + "AND subject_key = $subject_key AND last_inbound_at >= $not_before ORDER BY updated_at DESC, id DESC LIMIT 1";

    private const string IsParticipantSql = "SELECT 1 FROM participants WHERE conversation_id = $conversation_id AND address = $address";

    private static readonly string ConversationBySeqSql = $"SELECT {Rows.ConversationColumns} FROM conversations c WHERE c.seq = $seq";

    private static readonly string InsertMessageSql =
        "INSERT INTO messages (id, conversation_id, store_id, channel_id, direction, external_id, internet_message_id, in_reply_to, reference_ids, "
        + "from_name, from_address, to_json, cc_json, subject, text, html, attachment_count, at, sent_at, author) "
        + "VALUES ($id, $conversation_id, (SELECT store_id FROM conversations WHERE id = $conversation_id), $channel_id, $direction, $external_id, "
        + "$internet_message_id, $in_reply_to, $reference_ids, $from_name, $from_address, $to_json, $cc_json, $subject, $text, $html, "
        + "$attachment_count, $at, $sent_at, $author)";

    private const int ParticipantsPerInsert = 4;

    private static readonly string[] ParticipantParameters = [.. Enumerable.Range(0, ParticipantsPerInsert).Select(i => $"$a{i}")];

    /// <summary>The inserts of 1 to <see cref="ParticipantsPerInsert"/> participants of one conversation.</summary>
    private static readonly string[] InsertParticipantsSql =
    [
        .. Enumerable.Range(1, ParticipantsPerInsert).Select(n =>
            "INSERT OR IGNORE INTO participants (conversation_id, address) VALUES "
            + string.Join(", ", ParticipantParameters.Take(n).Select(p => $"($conversation_id, {p})"))),
    ];

    private readonly SqliteConversationStore _store;
    private readonly SqliteSession _session;

    /// <summary>The conversations this transaction read or wrote, as stored: the base of a minimal update.</summary>
    private Dictionary<ConversationId, Known>? _known;
    private long? _configVersion;

    /// <summary>The channel policies this transaction read, by channel (see <see cref="GetChannelPoliciesAsync"/>).</summary>
    private Dictionary<ChannelId, ChannelPolicies?>? _policies;

    /// <summary>
    /// The conversation and message id sequences as this transaction advanced them: read once, counted in memory and
    /// written back before the commit (the write lock keeps anyone else from using them meanwhile), instead of an
    /// UPDATE per id.
    /// </summary>
    private IdSequence _conversationIds = new(Schema.ConversationSequence);
    private IdSequence _messageIds = new(Schema.MessageSequence);
    private bool _configChanged;
    private List<Savepoint>? _savepoints;

    /// <summary>
    /// The folded texts this transaction added for the full-text index, written just before the commit (see
    /// <see cref="WriteSearchTexts"/>). Every entry was added after the last savepoint was created (creating one writes
    /// the queue first), so a rollback to any savepoint drops them all.
    /// </summary>
    private readonly List<SearchText> _searchTexts = [];
    private bool _committed;
    private bool _disposed;

    public SqliteStoreTransaction(SqliteConversationStore store, SqliteSession session)
    {
        _store = store;
        _session = session;
    }

    public ValueTask<ConversationId> NewConversationIdAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(new ConversationId(NextId(ref _conversationIds)));
    }

    public ValueTask<MessageId> NewMessageIdAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(new MessageId(NextId(ref _messageIds)));
    }

    public ValueTask<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(_store.GetChannels(_session, ConfigVersion()));
    }

    public ValueTask<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(_store.GetStores(_session, ConfigVersion()));
    }

    public ValueTask<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(_store.GetFolders(_session, ConfigVersion()));
    }

    public ValueTask<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        var conversation = SqliteConversationStore.LoadConversation(_session, id, out var seq);
        return ValueTask.FromResult(Remember(conversation, seq));
    }

    public ValueTask<MessageLocation?> FindMessageByExternalIdAsync(ChannelId channelId, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        Check(cancellationToken);
        return ValueTask.FromResult(
            _session.Statement(FindByExternalIdSql).Bind("$channel_id", channelId.Value).Bind("$external_id", externalId).QueryRow(ReadLocation));
    }

    public ValueTask<MessageLocation?> FindMessageByInternetMessageIdAsync(StoreId storeId, string internetMessageId, CancellationToken cancellationToken = default) =>
        FindInStore(FindByInternetMessageIdSql, storeId, internetMessageId, null, cancellationToken);

    public ValueTask<MessageLocation?> FindMessageReferencingAsync(StoreId storeId, string internetMessageId, string participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return FindInStore(FindReferencingSql, storeId, internetMessageId, participant.ToLowerInvariant(), cancellationToken);
    }

    public ValueTask<Conversation?> FindConversationByBuyerAndOrderAsync(StoreId storeId, string buyerKey, string? orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buyerKey);
        Check(cancellationToken);
        var seq = _session.Statement(FindByBuyerAndOrderSql).Bind("$store_id", storeId.Value).Bind("$buyer_key", buyerKey).Bind("$order_id", orderId).QueryInt64();
        return ValueTask.FromResult(LoadConversation(seq));
    }

    public ValueTask<Conversation?> FindConversationBySubjectAsync(ChannelId channelId, string buyerKey, string subjectKey, Instant notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buyerKey);
        ArgumentNullException.ThrowIfNull(subjectKey);
        Check(cancellationToken);
        var seq = _session.Statement(FindBySubjectSql)
            .Bind("$channel_id", channelId.Value)
            .Bind("$buyer_key", buyerKey)
            .Bind("$subject_key", subjectKey)
            .Bind("$not_before", notBefore)
            .QueryInt64();
        return ValueTask.FromResult(LoadConversation(seq));
    }

    public ValueTask<bool> IsParticipantAsync(ConversationId id, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        Check(cancellationToken);
        var found = _session.Statement(IsParticipantSql)
            .Bind("$conversation_id", id.Value)
            .Bind("$address", address.ToLowerInvariant())
            .QueryInt64();
        return ValueTask.FromResult(found is not null);
    }

    public ValueTask AddParticipantsAsync(ConversationId id, IEnumerable<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        Check(cancellationToken);
        // Up to ParticipantsPerInsert addresses per statement: a message has a sender and a recipient or two.
        Span<string?> chunk = new string?[ParticipantsPerInsert];
        var count = 0;
        foreach (var address in addresses)
        {
            if (!string.IsNullOrWhiteSpace(address))
            {
                chunk[count++] = address.ToLowerInvariant();
                if (count == ParticipantsPerInsert)
                {
                    InsertParticipants(id, chunk[..count]);
                    count = 0;
                }
            }
        }

        if (count > 0)
        {
            InsertParticipants(id, chunk[..count]);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask InsertConversationAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Check(cancellationToken);
        var values = ConversationRow.Values(conversation);
        var statement = _session.Statement(ConversationRow.InsertSql);
        ConversationRow.BindInsert(statement, values);
        try
        {
            statement.Execute();
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey)
        {
            throw new InvalidOperationException($"Conversation {conversation.Id} exists.", ex);
        }

        var seq = _session.LastInsertRowId();
        IndexSubject(seq, conversation.Id, conversation.Subject);
        (_known ??= [])[conversation.Id] = new Known(seq, conversation);
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateConversationAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Check(cancellationToken);
        var known = GetKnown(conversation.Id) ?? throw new ConcurrencyException(conversation.Id);
        var values = ConversationRow.Values(conversation);
        var mask = ConversationRow.Changed(known.Values ??= ConversationRow.Values(known.Conversation), values);
        var statement = _session.Statement(ConversationRow.UpdateSql(mask));
        ConversationRow.BindUpdate(statement, mask, values, conversation.Version - 1);
        if (statement.Execute() == 0)
        {
            throw new ConcurrencyException(conversation.Id);
        }

        if (!string.Equals(known.Conversation.Subject, conversation.Subject, StringComparison.Ordinal))
        {
            WriteSearchTexts();
            _session.Command(SearchDeleteSql).Set("$rowid", -known.Seq).ExecuteNonQuery();
            _session.Command(SearchPendingDeleteSql).Set("$rowid", -known.Seq).ExecuteNonQuery();
            IndexSubject(known.Seq, conversation.Id, conversation.Subject);
        }

        _known![conversation.Id] = new Known(known.Seq, conversation);
        return ValueTask.CompletedTask;
    }

    public ValueTask InsertMessageAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Check(cancellationToken);
        var statement = _session.Statement(InsertMessageSql);
        Rows.BindMessage(statement, message);
        try
        {
            statement.Execute();
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqliteConstraintNotNull or SqliteConstraintForeignKey)
        {
            throw new InvalidOperationException($"Conversation {message.ConversationId} does not exist.", ex);
        }

        var seq = _session.LastInsertRowId();
        foreach (var reference in ThreadingKeys.ReferencedIds(message.InReplyTo, message.References, message.InternetMessageId))
        {
            _session.Statement(InsertReferenceSql).Bind("$reference", reference).Bind("$seq", seq).Execute();
        }

        if (message.Attachments.Count > 0)
        {
            var insert = _session.Command(
                "INSERT INTO attachments (message_seq, ordinal, file_name, content_type, content, defect) VALUES ($message_seq, $ordinal, $file_name, $content_type, $content, $defect)")
                .Set("$message_seq", seq);
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var attachment = message.Attachments[i];
                insert.Set("$ordinal", i)
                    .Set("$file_name", attachment.FileName)
                    .Set("$content_type", attachment.ContentType)
                    .SetBlob("$content", attachment.Content)
                    .Set("$defect", attachment.Defect)
                    .ExecuteNonQuery();
            }

            insert.Set("$content", (object?)null);
        }

        if (message.Text.Length > 0)
        {
            AddSearchText(null, message.ConversationId, message.Text);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AppendHistoryAsync(IEnumerable<ConversationChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Check(cancellationToken);
        var statement = _session.Statement(
            "INSERT INTO history (conversation_id, seq, at, actor, what, from_value, to_value) VALUES ($conversation_id, "
            + "(SELECT coalesce(max(seq), 0) + 1 FROM history WHERE conversation_id = $conversation_id), $at, $actor, $what, $from_value, $to_value)");
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            statement.Bind("$conversation_id", change.ConversationId.Value)
                .Bind("$at", change.At)
                .Bind("$actor", change.Actor)
                .Bind("$what", change.What)
                .Bind("$from_value", change.From)
                .Bind("$to_value", change.To)
                .Execute();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ConversationId>> GetConversationIdsInFolderAsync(FolderId folderId, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        using var reader = _session.Command("SELECT id FROM conversations WHERE folder_id = $folder_id ORDER BY seq").Set("$folder_id", folderId.Value).ExecuteReader();
        var ids = new List<ConversationId>();
        while (reader.Read())
        {
            ids.Add(new ConversationId(reader.GetString(0)));
        }

        return ValueTask.FromResult<IReadOnlyList<ConversationId>>(ids);
    }

    public ValueTask<long> InsertQuarantineAsync(QuarantinedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        Check(cancellationToken);
        var hash = item.Raw.IsEmpty ? null : SHA256.HashData(item.Raw.Span);
        if (hash is not null
            && _session.Command("SELECT id FROM quarantine WHERE raw_sha256 = $hash ORDER BY id LIMIT 1").Set("$hash", hash).ExecuteScalar() is long existing)
        {
            return ValueTask.FromResult(existing);
        }

        var command = _session.Command("INSERT INTO quarantine (at, source, reason, channel_id, raw, raw_sha256) VALUES ($at, $source, $reason, $channel_id, $raw, $hash)")
            .Set("$hash", hash)
            .Set("$at", item.At)
            .Set("$source", item.Source)
            .Set("$reason", item.Reason)
            .Set("$channel_id", item.ChannelId?.Value)
            .SetBlob("$raw", item.Raw);
        command.ExecuteNonQuery();
        command.Set("$raw", (object?)null);
        return ValueTask.FromResult(_session.LastInsertRowId());
    }

    public ValueTask<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(Rows.ReadQuarantineItem(_session, id));
    }

    public ValueTask<bool> DeleteQuarantinedItemAsync(long id, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(_session.Command("DELETE FROM quarantine WHERE id = $id").Set("$id", id).ExecuteNonQuery() > 0);
    }

    public ValueTask SaveStoreAsync(Store store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        Check(cancellationToken);
        _session.Command("INSERT INTO stores (id, name) VALUES ($id, $name) ON CONFLICT (id) DO UPDATE SET name = excluded.name")
            .Set("$id", store.Id.Value)
            .Set("$name", store.Name)
            .ExecuteNonQuery();
        ConfigChanged();
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveChannelAsync(Channel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Check(cancellationToken);
        var command = _session.Command(
            $"INSERT OR REPLACE INTO channels ({Rows.ChannelColumns}) VALUES ($id, $store_id, $kind, $name, $enabled, $country_code, $marketplace_id, "
            + "$language, $address, $store_name, $sender_display_name, $promised_response_ns, $time_zone_id)");
        Rows.BindChannel(command, channel);
        command.ExecuteNonQuery();
        ConfigChanged();
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveFolderAsync(Folder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Check(cancellationToken);
        var command = _session.Command(
            "INSERT OR REPLACE INTO folders (id, name, kind, status, hidden, sort_order) VALUES ($id, $name, $kind, $status, $hidden, $order)");
        Rows.BindFolder(command, folder);
        command.ExecuteNonQuery();
        ConfigChanged();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteFolderAsync(FolderId folderId, CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        var deleted = _session.Command("DELETE FROM folders WHERE id = $id").Set("$id", folderId.Value).ExecuteNonQuery() > 0;
        if (deleted)
        {
            ConfigChanged();
        }

        return ValueTask.FromResult(deleted);
    }

    public ValueTask CreateSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalidSavepoint(name);
        Check(cancellationToken);
        WriteSearchTexts();
        _session.Execute("SAVEPOINT " + name);
        (_savepoints ??= []).Add(new Savepoint(name, _configChanged, _configVersion, _conversationIds, _messageIds));
        return ValueTask.CompletedTask;
    }

    public ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = FindSavepoint(name, cancellationToken);
        _session.Execute("ROLLBACK TO " + name);
        var savepoint = _savepoints![index];
        _savepoints.RemoveRange(index + 1, _savepoints.Count - index - 1);

        // The rows read or written since are as they were: forget what this transaction remembered of them.
        _known = null;
        _policies = null;
        _searchTexts.Clear();
        _configChanged = savepoint.ConfigChanged;
        _configVersion = savepoint.ConfigVersion;
        _conversationIds = savepoint.ConversationIds;
        _messageIds = savepoint.MessageIds;
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = FindSavepoint(name, cancellationToken);
        _session.Execute("RELEASE " + name);
        _savepoints!.RemoveRange(index, _savepoints.Count - index);
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        WriteSearchTexts();
        WriteId(_conversationIds);
        WriteId(_messageIds);
        _session.Execute("COMMIT");
        _committed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        var discard = false;
        if (!_committed)
        {
            try
            {
                if (_session.InTransaction)
                {
                    _session.Execute("ROLLBACK");
                }
            }
            catch (SqliteException ex)
            {
                _store.LogRollbackFailed(ex);
                discard = true;
            }
        }

        _store.ReleaseWriter(_session, discard);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SavepointName();

    private static void ThrowIfInvalidSavepoint(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SavepointName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a savepoint name: use an ASCII letter or underscore, then letters, digits or underscores.", nameof(name));
        }
    }

    private int FindSavepoint(string name, CancellationToken cancellationToken)
    {
        ThrowIfInvalidSavepoint(name);
        Check(cancellationToken);
        var index = _savepoints?.FindLastIndex(s => s.Name == name) ?? -1;
        return index >= 0 ? index : throw new InvalidOperationException($"No savepoint is named '{name}'.");
    }

    private void InsertParticipants(ConversationId id, ReadOnlySpan<string?> addresses)
    {
        var statement = _session.Statement(InsertParticipantsSql[addresses.Length - 1]).Bind("$conversation_id", id.Value);
        for (var i = 0; i < addresses.Length; i++)
        {
            statement.Bind(ParticipantParameters[i], addresses[i]);
        }

        statement.Execute();
    }

    private string NextId(ref IdSequence sequence)
    {
        var last = sequence.Last ?? (long)_session.Command(ReadIdSql).Set("$name", sequence.Name).ExecuteScalar()!;
        sequence = sequence with { Last = last + 1, Changed = true };
        return (last + 1).ToString(CultureInfo.InvariantCulture);
    }

    private void WriteId(IdSequence sequence)
    {
        if (sequence.Changed)
        {
            _session.Command(WriteIdSql).Set("$name", sequence.Name).Set("$value", sequence.Last!.Value).ExecuteNonQuery();
        }
    }

    private long? ConfigVersion()
    {
        if (_configChanged)
        {
            return null;
        }

        return _configVersion ??= _store.ReadConfigVersion(_session);
    }

    private void ConfigChanged()
    {
        if (!_configChanged)
        {
            _session.Execute("UPDATE id_sequences SET value = value + 1 WHERE name = 'config'");
            _configChanged = true;
        }
    }

    /// <summary>Reads a row of <c>id, conversation_id, channel_id</c> of <c>messages</c>.</summary>
    /// <summary>Runs a message look-up of a store by a Message-ID (<c>$store_id</c>, <c>$internet_message_id</c>, and <c>$address</c> when given).</summary>
    private ValueTask<MessageLocation?> FindInStore(string sql, StoreId storeId, string internetMessageId, string? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(internetMessageId);
        Check(cancellationToken);
        var statement = _session.Statement(sql).Bind("$store_id", storeId.Value).Bind("$internet_message_id", internetMessageId);
        if (address is not null)
        {
            statement.Bind("$address", address);
        }

        return ValueTask.FromResult(statement.QueryRow(ReadLocation));
    }

    private static MessageLocation ReadLocation(SqliteStatement row) =>
        new(new MessageId(row.GetString(0)), new ConversationId(row.GetString(1)), new ChannelId(row.GetString(2)));

    private Conversation? LoadConversation(long? found)
    {
        if (found is not { } value)
        {
            return null;
        }

        using var reader = _session.Command(ConversationBySeqSql).Set("$seq", value).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var conversation = Rows.ReadConversation(reader, out var seq);
        return Remember(conversation, seq);
    }

    private Conversation? Remember(Conversation? conversation, long seq)
    {
        if (conversation is not null)
        {
            (_known ??= [])[conversation.Id] = new Known(seq, conversation);
        }

        return conversation;
    }

    private Known? GetKnown(ConversationId id)
    {
        if (_known is not null && _known.TryGetValue(id, out var known))
        {
            return known;
        }

        var conversation = SqliteConversationStore.LoadConversation(_session, id, out var seq);
        Remember(conversation, seq);
        return conversation is null ? null : _known![id];
    }

    private void IndexSubject(long seq, ConversationId id, string subject)
    {
        if (subject.Length > 0)
        {
            AddSearchText(-seq, id, subject);
        }
    }

    /// <summary>Queues folded text for the full-text index, in memory until <see cref="WriteSearchTexts"/>.</summary>
    private void AddSearchText(long? ftsRowId, ConversationId id, string text) =>
        _searchTexts.Add(new SearchText(ftsRowId, id.Value, TextFolding.Fold(text)));

    /// <summary>
    /// Writes the queued texts, in this transaction. Indexing one document per transaction would write and merge an
    /// FTS segment at every commit (several times the cost of the rest of an ingest), so a few documents wait in
    /// <c>search_pending</c>, which queries scan, and move into the index in batches; a queue of at least
    /// <see cref="SqliteConversationStore.SearchBatchSize"/> documents (a batch ingest) goes straight into the index
    /// after what waits there, instead of through <c>search_pending</c>.
    /// </summary>
    private void WriteSearchTexts()
    {
        if (_searchTexts.Count == 0)
        {
            return;
        }

        if (_searchTexts.Count >= _store.SearchBatchSize)
        {
            _session.Command(SearchFlushSql).ExecuteNonQuery();

            // Ascending rowids, as SearchFlushSql orders them: subject documents (negative rowids), then texts (new rowids).
            var statement = _session.Statement(SearchInsertSql);
            foreach (var text in _searchTexts.Where(t => t.FtsRowId is not null).OrderBy(t => t.FtsRowId).Concat(_searchTexts.Where(t => t.FtsRowId is null)))
            {
                statement.Bind("$rowid", text.FtsRowId).Bind("$body", text.Body).Bind("$conversation_id", text.ConversationId).Execute();
            }
        }
        else
        {
            var statement = _session.Statement(SearchPendingInsertSql);
            foreach (var text in _searchTexts)
            {
                statement.Bind("$rowid", text.FtsRowId).Bind("$conversation_id", text.ConversationId).Bind("$body", text.Body).Execute();
            }

            if (_session.LastInsertRowId() >= _store.SearchBatchSize)
            {
                _session.Command(SearchFlushSql).ExecuteNonQuery();
            }
        }

        _searchTexts.Clear();
    }

    /// <summary>Runs a statement group of a port method on this transaction's connection.</summary>
    private ValueTask<T> Run<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        Check(cancellationToken);
        return ValueTask.FromResult(work(_session));
    }

    /// <summary>Runs a statement group of a port method on this transaction's connection.</summary>
    private ValueTask Run(Action<SqliteSession> work, CancellationToken cancellationToken)
    {
        Check(cancellationToken);
        work(_session);
        return ValueTask.CompletedTask;
    }

    private void Check(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The transaction was already committed.");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>An open savepoint and the transaction's own state when it was created.</summary>
    private sealed record Savepoint(string Name, bool ConfigChanged, long? ConfigVersion, IdSequence ConversationIds, IdSequence MessageIds);

    /// <summary>A document queued for the full-text index.</summary>
    /// <param name="FtsRowId">The rowid in the index (the negated conversation seq for a subject), or <see langword="null"/> for a new one.</param>
    /// <param name="ConversationId">The conversation.</param>
    /// <param name="Body">The folded text.</param>
    private readonly record struct SearchText(long? FtsRowId, string ConversationId, string Body);

    /// <summary>An id sequence as this transaction counts it.</summary>
    /// <param name="Name">The row of <c>id_sequences</c>.</param>
    /// <param name="Last">The last value handed out, once read.</param>
    /// <param name="Changed">Whether the row must be written back before the commit.</param>
    private readonly record struct IdSequence(string Name, long? Last = null, bool Changed = false);

    /// <summary>
    /// A conversation as this transaction knows it is stored. Its column values are made when it is updated, not kept
    /// from its insert or last update: a batch of 500 messages held them all until the commit, for the few conversations
    /// a batch updates twice (promoted 0.47 -> 0.36 KB a message in the store stage, CPU time unchanged).
    /// </summary>
    private sealed class Known(long seq, Conversation conversation)
    {
        public long Seq { get; } = seq;

        public Conversation Conversation { get; } = conversation;

        /// <summary>Gets or sets the column values of <see cref="Conversation"/>, once an update has needed them.</summary>
        public object?[]? Values { get; set; }
    }
}
