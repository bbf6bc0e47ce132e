namespace BuyerMessaging.Tests;

/// <summary>A database file in a fresh temporary directory, deleted (with its WAL files) when disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory;

    public TempDatabase()
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bm-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "inbox.db");
    }

    /// <summary>Gets the path of the database file (not created yet).</summary>
    public string Path { get; }

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
