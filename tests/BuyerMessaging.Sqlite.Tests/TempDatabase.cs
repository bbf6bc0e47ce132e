using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Tests;

/// <summary>
/// A database file in a fresh temporary directory, deleted (with its WAL files) when disposed, together with the stores
/// opened on it through <see cref="OpenStoreAsync"/>.
/// </summary>
public sealed class TempDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _directory;
    private readonly List<SqliteConversationStore> _stores = [];

    public TempDatabase()
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bm-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "inbox.db");
    }

    /// <summary>Gets the path of the database file (not created yet).</summary>
    public string Path { get; }

    /// <summary>Opens a store on the file (another one each call, as another process would); disposed with this.</summary>
    /// <returns>The store.</returns>
    public async Task<IConversationStore> OpenStoreAsync()
    {
        var store = await SqliteConversationStore.OpenAsync(Path);
        _stores.Add(store);
        return store;
    }

    /// <summary>Runs a query on a connection of its own and returns the first value (integers as <see cref="long"/>).</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The value.</returns>
    public object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is long or string or null ? value : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _stores.Clear();
        Dispose();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still open (a failed test); the directory is in the temp folder.
        }
    }
}
