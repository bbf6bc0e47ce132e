using Microsoft.Data.Sqlite;
using NodaTime;
using SQLitePCL;

namespace BuyerMessaging.Internal;

/// <summary>
/// A statement prepared once on a session's connection and bound by position, for the few statements every ingested
/// message runs. <see cref="SqliteCommand"/> looks each parameter up by name on every execution (two native calls and
/// a UTF-8 copy of the name per parameter) and wraps every run in a data reader; with thirty parameters per
/// conversation row that was a large part of an ingest. Errors surface as <see cref="SqliteException"/>, as with a
/// command.
/// </summary>
/// <remarks>Not thread-safe: used by the session's single flow. Finalized when the session is disposed.</remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    private SqliteStatement(sqlite3 db, sqlite3_stmt stmt)
    {
        _db = db;
        _stmt = stmt;
    }

    /// <summary>Prepares a statement (one SQL statement, no trailing text) for repeated use.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The statement.</returns>
    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var stmt, out var tail);
        Check(db, rc);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            stmt.Dispose();
            throw new ArgumentException("Only one SQL statement can be prepared.", nameof(sql));
        }

        return new SqliteStatement(db, stmt);
    }

    /// <summary>Gets the position of a named parameter (looked up once).</summary>
    /// <param name="name">The name with its prefix, such as <c>$id</c>.</param>
    /// <returns>The position.</returns>
    public int Index(string name)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            index = raw.sqlite3_bind_parameter_index(_stmt, name);
            if (index == 0)
            {
                throw new ArgumentException($"The statement has no parameter '{name}'.", nameof(name));
            }

            _indexes.Add(name, index);
        }

        return index;
    }

    public SqliteStatement Bind(string name, string? value) => Bind(Index(name), value);

    public SqliteStatement Bind(string name, long value) => Bind(Index(name), value);

    public SqliteStatement Bind(string name, long? value) => value is { } v ? Bind(Index(name), v) : BindNull(Index(name));

    public SqliteStatement Bind(string name, Instant value) => Bind(Index(name), value.ToUnixTimeTicks());

    public SqliteStatement Bind(string name, Instant? value) => Bind(name, value?.ToUnixTimeTicks());

    public SqliteStatement Bind(int index, string? value)
    {
        Check(_db, value is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text(_stmt, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(_db, raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    /// <summary>Binds a value of a row: <see langword="null"/>, <see cref="string"/>, <see cref="long"/> or a byte array.</summary>
    public SqliteStatement Bind(int index, object? value) => value switch
    {
        null => BindNull(index),
        string text => Bind(index, text),
        long number => Bind(index, number),
        byte[] blob => BindBlob(index, blob),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be bound.", nameof(value)),
    };

    public SqliteStatement BindNull(int index)
    {
        Check(_db, raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    /// <summary>Runs the statement to completion.</summary>
    /// <returns>The number of rows changed.</returns>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
            {
            }

            Check(_db, rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Runs a query for one integer: the first column of the first row, or <see langword="null"/> without a row. For the
    /// look-ups every ingested message runs, which mostly find nothing: no data reader, no boxing.
    /// </summary>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public long? QueryInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_int64(_stmt, 0);
            }

            Check(_db, rc);
            return null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Runs a query for one row: the first row, read by <paramref name="read"/> while the statement is on it, or
    /// <see langword="null"/> without a row.
    /// </summary>
    /// <typeparam name="T">What a row is read into.</typeparam>
    /// <param name="read">Reads the row (through <see cref="GetString"/>); called at most once.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public T? QueryRow<T>(Func<SqliteStatement, T> read)
        where T : struct
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
            {
                return read(this);
            }

            Check(_db, rc);
            return null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Gets a text column of the row the statement is on (during <see cref="QueryRow{T}"/>).</summary>
    /// <param name="index">The column's position, from 0.</param>
    /// <returns>The text; empty for NULL.</returns>
    public string GetString(int index) => raw.sqlite3_column_text(_stmt, index).utf8_to_string() ?? string.Empty;

    /// <inheritdoc />
    public void Dispose() => _stmt.Dispose();

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(
                $"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private SqliteStatement BindBlob(int index, byte[] value)
    {
        Check(_db, raw.sqlite3_bind_blob(_stmt, index, value));
        return this;
    }

    /// <summary>Makes the statement ready for the next run and drops its bound values (large texts are not kept alive).</summary>
    private void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }
}
