using System.Collections.Concurrent;
using System.Globalization;
using BuyerMessaging.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BuyerMessaging;

/// <summary>
/// The embedded <see cref="IConversationStore"/>: one SQLite file in write-ahead-log mode, its schema created and
/// migrated on open. Open it with <see cref="OpenAsync"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe. Write transactions run on one connection, one at a time per store object, as
/// <c>BEGIN IMMEDIATE</c> transactions: writers in other store objects or processes on the same file wait for the
/// lock (up to <see cref="SqliteStoreOptions.BusyTimeout"/>) instead of failing. Reads outside a transaction run on
/// a small pool of other connections and see the last committed state; in WAL mode they never block the writer.</para>
/// <para>Scheduled work and the outbox are leased inside those write transactions, so a lease is exclusive across every
/// store object and process on the file; an expired lease is taken over by the next worker that leases.</para>
/// <para>Microsoft.Data.Sqlite runs every statement synchronously, so the asynchronous methods complete on the
/// calling thread; a writer that waits for another process's lock blocks its thread.</para>
/// </remarks>
public sealed partial class SqliteConversationStore : IConversationStore, IAsyncDisposable, IDisposable
{
    private const string ConfigVersionSql = "SELECT value FROM id_sequences WHERE name = 'config'";

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly int _maxIdleReaders;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private SqliteSession? _writer;
    private int _idleReaders;
    private volatile bool _disposed;
    private ConfigSnapshot<Store>? _stores;
    private ConfigSnapshot<Channel>? _channels;
    private ConfigSnapshot<Folder>? _folders;

    private SqliteConversationStore(string connectionString, string dataSource, SqliteStoreOptions options, ILogger logger, SqliteSession writer)
    {
        _connectionString = connectionString;
        DataSource = dataSource;
        _busyTimeout = options.BusyTimeout;
        _maxIdleReaders = options.MaxIdleReadConnections;
        _logger = logger;
        _writer = writer;
    }

    /// <summary>Gets or sets how many documents wait in <c>search_pending</c> before they move into the full-text index.</summary>
    internal int SearchBatchSize { get; set; } = 512;

    /// <summary>Gets the database file the store was opened on.</summary>
    public string DataSource { get; }

    /// <summary>
    /// Opens (and creates, if missing) a store: switches the file to write-ahead logging and migrates the schema to the
    /// version this library uses.
    /// </summary>
    /// <param name="connectionString">
    /// The path of the database file, or a Microsoft.Data.Sqlite connection string (any value that parses as one, such as
    /// <c>Data Source=inbox.db</c>). A missing directory of a plain path is created. Pooling is always turned off: the
    /// store keeps its own connections.
    /// </param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The open store. Dispose it to close its connections.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="connectionString"/> is empty, names an in-memory database (use <see cref="InMemoryConversationStore"/>),
    /// or opens the file read-only.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="SqliteStoreOptions.BusyTimeout"/> or <see cref="SqliteStoreOptions.MaxIdleReadConnections"/> is negative.
    /// </exception>
    /// <exception cref="NotSupportedException">The file was written by a newer version of this library.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static Task<SqliteConversationStore> OpenAsync(string connectionString, SqliteStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Open(connectionString, options));
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_writeGate.Wait(0))
        {
            return WaitAndStartAsync(cancellationToken);
        }

        try
        {
            return Task.FromResult<IStoreTransaction>(StartTransaction());
        }
        catch (Exception ex)
        {
            return Task.FromException<IStoreTransaction>(ex);
        }
    }

    /// <inheritdoc />
    public Task<Conversation?> GetConversationAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        Read(s => LoadConversation(s, id, out _), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        GetMessagesAsync(id, MessageReading.Whole, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationId id, MessageReading reading, CancellationToken cancellationToken = default) =>
        Read(s => LoadMessages(s, id, reading), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationChange>> GetHistoryAsync(ConversationId id, CancellationToken cancellationToken = default) =>
        Read(s => LoadHistory(s, id), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The query's page size is not between 1 and <see cref="InboxQuery.MaxPageSize"/>.</exception>
    public Task<InboxPage> QueryAsync(InboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, InboxQuery.MaxPageSize, nameof(query));
        var cursor = InboxCursor.FromQuery(query);
        return Read(s => InboxSql.Query(s, query, cursor), cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxCounts> CountAsync(InboxScope? scope = null, CancellationToken cancellationToken = default) =>
        Read(s => InboxSql.Count(s, scope, GetFolders(s, ReadConfigVersion(s))), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Folder>> GetFoldersAsync(CancellationToken cancellationToken = default) =>
        Read(s => GetFolders(s, ReadConfigVersion(s)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default) =>
        Read(s => GetStores(s, ReadConfigVersion(s)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken = default) =>
        Read(s => GetChannels(s, ReadConfigVersion(s)), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is zero or negative.</exception>
    public Task<IReadOnlyList<QuarantinedItem>> GetQuarantineAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read<IReadOnlyList<QuarantinedItem>>(
            s =>
            {
                var command = s.Command("SELECT id, at, source, reason, channel_id, raw FROM quarantine ORDER BY id DESC LIMIT $limit").Set("$limit", limit);
                using var reader = command.ExecuteReader();
                var items = new List<QuarantinedItem>();
                while (reader.Read())
                {
                    items.Add(Rows.ReadQuarantine(reader));
                }

                return items;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is zero or negative.</exception>
    public Task<IReadOnlyList<QuarantineEntry>> GetQuarantineEntriesAsync(int limit = 100, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read<IReadOnlyList<QuarantineEntry>>(
            s =>
            {
                var command = s.Command("SELECT id, at, source, reason, channel_id, length(raw) FROM quarantine WHERE id < $before ORDER BY id DESC LIMIT $limit")
                    .Set("$before", beforeId ?? long.MaxValue)
                    .Set("$limit", limit);
                using var reader = command.ExecuteReader();
                var entries = new List<QuarantineEntry>();
                while (reader.Read())
                {
                    entries.Add(Rows.ReadQuarantineEntry(reader));
                }

                return entries;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<QuarantinedItem?> GetQuarantinedItemAsync(long id, CancellationToken cancellationToken = default) =>
        Read(s => Rows.ReadQuarantineItem(s, id), cancellationToken);

    /// <summary>Closes the store's connections. A transaction still open is rolled back first (its disposal waits).</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _writeGate.WaitAsync().ConfigureAwait(false);
        Close();
    }

    /// <summary>Closes the store's connections. A transaction still open is rolled back first (its disposal waits).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writeGate.Wait();
        Close();
    }

    internal static SqliteConversationStore Open(string connectionString, SqliteStoreOptions? options)
    {
        options ??= new SqliteStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIdleReadConnections, nameof(options));
        var builder = ParseConnectionString(connectionString, nameof(connectionString));
        var logger = options.LoggerFactory?.CreateLogger<SqliteConversationStore>() ?? (ILogger)NullLogger.Instance;
        var dataSource = builder.DataSource;
        if (options.DisableSqliteMemoryStatistics)
        {
            SqliteProcessSettings.DisableMemoryStatistics(logger);
        }

        SqliteSession? writer = null;
        try
        {
            writer = SqliteSession.Open(builder.ConnectionString, options.BusyTimeout, writer: true);
            var journalMode = Convert.ToString(writer.Command("PRAGMA journal_mode = WAL").ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                Log.WalUnavailable(logger, dataSource, journalMode);
            }

            Schema.Migrate(writer, logger, dataSource);
            var version = Convert.ToString(writer.Command("SELECT sqlite_version()").ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
            Log.StoreOpened(logger, dataSource, Schema.CurrentVersion, journalMode, version);
            return new SqliteConversationStore(builder.ConnectionString, dataSource, options, logger, writer);
        }
        catch (Exception ex)
        {
            Log.OpenFailed(logger, dataSource, ex);
            writer?.Dispose();
            throw;
        }
    }

    internal static SqliteConnectionStringBuilder ParseConnectionString(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        SqliteConnectionStringBuilder? builder = null;
        if (value.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                builder = new SqliteConnectionStringBuilder(value);
            }
            catch (ArgumentException)
            {
                // Not a connection string: a path with '=' in it.
            }
        }

        var isPath = builder is null;
        builder ??= new SqliteConnectionStringBuilder { DataSource = value };
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("An in-memory SQLite database is not supported (the store uses several connections); use InMemoryConversationStore.", paramName);
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The store writes to its database (schema migrations, ingestion); open it read-write.", paramName);
        }

        if (isPath && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        builder.Pooling = false;
        return builder;
    }

    internal long ReadConfigVersion(SqliteSession session) => (long)session.Command(ConfigVersionSql).ExecuteScalar()!;

    internal IReadOnlyList<Store> GetStores(SqliteSession session, long? version) => Cached(ref _stores, session, version, LoadStores);

    internal IReadOnlyList<Channel> GetChannels(SqliteSession session, long? version) => Cached(ref _channels, session, version, LoadChannels);

    internal IReadOnlyList<Folder> GetFolders(SqliteSession session, long? version) => Cached(ref _folders, session, version, LoadFolders);

    internal static Conversation? LoadConversation(SqliteSession session, ConversationId id, out long seq)
    {
        var command = session.Command($"SELECT {Rows.ConversationColumns} FROM conversations c WHERE c.id = $id").Set("$id", id.Value);
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            return Rows.ReadConversation(reader, out seq);
        }

        seq = 0;
        return null;
    }

    internal static IReadOnlyList<Message> LoadMessages(SqliteSession session, ConversationId id, MessageReading reading)
    {
        var messages = new List<Message>();
        List<long>? withAttachments = null;
        var command = session.Command($"SELECT {Rows.MessageColumns} FROM messages m WHERE m.conversation_id = $id ORDER BY m.at, m.seq").Set("$id", id.Value);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                messages.Add(Rows.ReadMessage(reader, out var seq, out var attachments));
                if (attachments > 0 && reading == MessageReading.Whole)
                {
                    (withAttachments ??= []).Add(seq);
                    withAttachments.Add(messages.Count - 1);
                }
            }
        }

        if (withAttachments is not null)
        {
            var byMessage = new Dictionary<long, List<MessageAttachment>>();
            var attachmentCommand = session.Command(
                "SELECT a.message_seq, a.file_name, a.content_type, a.content, a.defect FROM attachments a JOIN messages m ON m.seq = a.message_seq "
                + "WHERE m.conversation_id = $id ORDER BY a.message_seq, a.ordinal").Set("$id", id.Value);
            using (var reader = attachmentCommand.ExecuteReader())
            {
                while (reader.Read())
                {
                    var seq = reader.GetInt64(0);
                    if (!byMessage.TryGetValue(seq, out var list))
                    {
                        list = [];
                        byMessage.Add(seq, list);
                    }

                    list.Add(new MessageAttachment
                    {
                        FileName = reader.GetString(1),
                        ContentType = reader.GetString(2),
                        Content = reader.GetBlob(3),
                        Defect = reader.IsDBNull(4) ? null : reader.GetString(4),
                    });
                }
            }

            for (var i = 0; i < withAttachments.Count; i += 2)
            {
                var index = (int)withAttachments[i + 1];
                messages[index] = messages[index] with { Attachments = byMessage.TryGetValue(withAttachments[i], out var list) ? list : [] };
            }
        }

        return messages;
    }

    internal void ReleaseWriter(SqliteSession session, bool discard)
    {
        if (discard || _disposed)
        {
            session.Dispose();
            if (ReferenceEquals(_writer, session))
            {
                _writer = null;
            }
        }

        _writeGate.Release();
    }

    internal void LogRollbackFailed(Exception exception) => Log.RollbackFailed(_logger, DataSource, exception);

    private static IReadOnlyList<ConversationChange> LoadHistory(SqliteSession session, ConversationId id)
    {
        var command = session.Command("SELECT at, actor, what, from_value, to_value FROM history WHERE conversation_id = $id ORDER BY seq").Set("$id", id.Value);
        using var reader = command.ExecuteReader();
        var changes = new List<ConversationChange>();
        while (reader.Read())
        {
            changes.Add(new ConversationChange(id, reader.GetInstant(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4)));
        }

        return changes;
    }

    private static IReadOnlyList<Store> LoadStores(SqliteSession session)
    {
        using var reader = session.Command("SELECT id, name FROM stores ORDER BY id").ExecuteReader();
        var stores = new List<Store>();
        while (reader.Read())
        {
            stores.Add(new Store { Id = new StoreId(reader.GetString(0)), Name = reader.GetString(1) });
        }

        return OrdinalOrder.ById(stores, s => s.Id.Value);
    }

    private static IReadOnlyList<Channel> LoadChannels(SqliteSession session)
    {
        using var reader = session.Command($"SELECT {Rows.ChannelColumns} FROM channels ORDER BY id").ExecuteReader();
        var channels = new List<Channel>();
        while (reader.Read())
        {
            channels.Add(Rows.ReadChannel(reader));
        }

        return OrdinalOrder.ById(channels, c => c.Id.Value);
    }

    private static IReadOnlyList<Folder> LoadFolders(SqliteSession session)
    {
        using var reader = session.Command(
            $"SELECT {Rows.FolderColumns} FROM folders ORDER BY CASE kind WHEN 'System' THEN 0 ELSE 1 END, sort_order, id").ExecuteReader();
        var folders = new List<Folder>();
        while (reader.Read())
        {
            folders.Add(Rows.ReadFolder(reader));
        }

        // The SQL order is the contract's but for the id's collation (see OrdinalOrder): ties on kind and order are rare.
        return Array.AsReadOnly([.. folders.OrderBy(f => f.Kind).ThenBy(f => f.Order).ThenBy(f => f.Id.Value, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Returns stores, channels or folders from the cache when it holds the data of <paramref name="version"/> (the
    /// config counter the session sees); otherwise loads them and caches them. A <see langword="null"/> version (a
    /// transaction that changed them and has not committed) always loads and never caches.
    /// </summary>
    private static IReadOnlyList<T> Cached<T>(ref ConfigSnapshot<T>? slot, SqliteSession session, long? version, Func<SqliteSession, IReadOnlyList<T>> load)
    {
        if (version is not { } v)
        {
            return load(session);
        }

        var snapshot = Volatile.Read(ref slot);
        if (snapshot is not null && snapshot.Version == v)
        {
            return snapshot.Items;
        }

        var items = load(session);
        Volatile.Write(ref slot, new ConfigSnapshot<T>(v, items));
        return items;
    }

    private async Task<IStoreTransaction> WaitAndStartAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return StartTransaction();
    }

    /// <summary>Starts a transaction; the caller holds the write gate, which the transaction releases when disposed.</summary>
    private SqliteStoreTransaction StartTransaction()
    {
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = _writer ??= SqliteSession.Open(_connectionString, _busyTimeout, writer: true);
            session.Execute("BEGIN IMMEDIATE");
            return new SqliteStoreTransaction(this, session);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Runs a read on a pooled read connection, in one read transaction (one snapshot), as a completed task.</summary>
    private Task<T> Read<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(ReadCore(read));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private T ReadCore<T>(Func<SqliteSession, T> read)
    {
        SqliteSession session;
        if (_readers.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleReaders);
            session = idle;
        }
        else
        {
            session = SqliteSession.Open(_connectionString, _busyTimeout, writer: false);
        }

        var reusable = false;
        try
        {
            session.Execute("BEGIN");
            var result = read(session);
            session.Execute("COMMIT");
            reusable = true;
            return result;
        }
        catch (Exception ex) when (ex is not SqliteException)
        {
            // Not a database failure (a bad argument found late): the connection is sound.
            reusable = TryRollback(session);
            throw;
        }
        finally
        {
            if (reusable && !_disposed && Interlocked.Increment(ref _idleReaders) <= _maxIdleReaders)
            {
                _readers.Add(session);
                if (_disposed && _readers.TryTake(out var late))
                {
                    late.Dispose();
                }
            }
            else
            {
                if (reusable && !_disposed)
                {
                    Interlocked.Decrement(ref _idleReaders);
                }

                session.Dispose();
            }
        }
    }

    private static bool TryRollback(SqliteSession session)
    {
        try
        {
            if (session.InTransaction)
            {
                session.Execute("ROLLBACK");
            }

            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Lets SQLite refresh the statistics its query planner uses, as it recommends before closing a connection.</summary>
    private static void TryOptimize(SqliteSession session)
    {
        try
        {
            session.Execute("PRAGMA optimize");
        }
        catch (SqliteException)
        {
            // Busy or read-only at this moment: the statistics are refreshed another time.
        }
    }

    private void Close()
    {
        try
        {
            if (_writer is not null)
            {
                TryOptimize(_writer);
                _writer.Dispose();
                _writer = null;
            }

            while (_readers.TryTake(out var reader))
            {
                Interlocked.Decrement(ref _idleReaders);
                reader.Dispose();
            }

            Log.StoreClosed(_logger, DataSource);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private sealed record ConfigSnapshot<T>(long Version, IReadOnlyList<T> Items);
}
