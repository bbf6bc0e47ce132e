using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Internal;

/// <summary>
/// One open connection of a <see cref="SqliteConversationStore"/> with its prepared commands: each SQL text is prepared
/// once per connection and re-executed with new parameter values.
/// </summary>
/// <remarks>Not thread-safe: a session is used by one flow at a time (the write gate or the read pool hands it out).</remarks>
internal sealed class SqliteSession : IDisposable
{
    /// <summary>
    /// The WAL size, in bytes, that triggers a checkpoint (SQLite's default is 1000 pages): 10,000 pages of 4 KiB, 5,000
    /// of 8 KiB. Every checkpoint syncs the file, so checkpointing less often makes one-message transactions markedly
    /// faster; the WAL grows to about 40 MiB between checkpoints and is truncated back to <see cref="JournalSizeLimit"/>
    /// after one.
    /// </summary>
    private const long WalAutoCheckpointBytes = 40L * 1024 * 1024;

    /// <summary>The size, in bytes, the WAL file is truncated to after a checkpoint.</summary>
    private const long JournalSizeLimit = 64L * 1024 * 1024;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    /// <summary>Gets the connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens a connection and applies the per-connection settings.</summary>
    /// <param name="connectionString">The connection string (pooling off).</param>
    /// <param name="busyTimeout">How long a statement waits for a lock held by another connection.</param>
    /// <param name="writer">Whether the session is the store's writer (larger page cache).</param>
    /// <returns>The session.</returns>
    public static SqliteSession Open(string connectionString, TimeSpan busyTimeout, bool writer)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            var timeout = (long)Math.Min(int.MaxValue, busyTimeout.TotalMilliseconds);

            // The page size applies only to a file without tables yet (the writer opens a new file first); an existing
            // file keeps its own, which the checkpoint interval is counted in.
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"{(writer ? $"PRAGMA page_size = {Schema.NewFilePageSize}; " : "")}PRAGMA page_size;");
            var pageSize = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {timeout}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = {(writer ? -16384 : -4096)}; PRAGMA wal_autocheckpoint = {WalAutoCheckpointBytes / pageSize}; PRAGMA journal_size_limit = {JournalSizeLimit};");
            command.ExecuteNonQuery();
            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Gets the prepared command of a SQL text, creating it on first use. Parameters keep their last values.</summary>
    /// <param name="sql">The SQL text (a constant: the cache is keyed by it).</param>
    /// <returns>The command.</returns>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            _commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>Gets the statement of a SQL text bound by position (<see cref="SqliteStatement"/>), preparing it on first use.</summary>
    /// <param name="sql">The SQL text (a constant: the cache is keyed by it).</param>
    /// <returns>The statement.</returns>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = SqliteStatement.Prepare(Connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Runs a statement without parameters.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The number of rows changed.</returns>
    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    /// <summary>Gets the rowid of the last row inserted on this connection.</summary>
    /// <returns>The rowid.</returns>
    public long LastInsertRowId() => SQLitePCL.raw.sqlite3_last_insert_rowid(Connection.Handle);

    /// <summary>Gets a value indicating whether a transaction is open on the connection.</summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        Connection.Dispose();
    }
}
