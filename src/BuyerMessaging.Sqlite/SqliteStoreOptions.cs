using Microsoft.Extensions.Logging;

namespace BuyerMessaging;

/// <summary>Options of a <see cref="SqliteConversationStore"/>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets how long a statement waits for a lock held by another connection or process before it fails.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many idle read connections the store keeps open for reuse.</summary>
    /// <value>The default value is 8.</value>
    public int MaxIdleReadConnections { get; set; } = 8;

    /// <summary>Gets or sets the logger factory the store logs open and migration events to, if any.</summary>
    /// <value>The default value is <see langword="null"/> (no logging).</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets whether the first store opened in the process turns off SQLite's memory statistics
    /// (<c>SQLITE_CONFIG_MEMSTATUS</c>), which take a process-wide lock on every SQLite allocation: ingesting is about
    /// a tenth faster without them.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    /// <remarks>
    /// The setting is process-wide and can only change before SQLite is first used in the process; when it is already in
    /// use (another component opened a database first), the statistics stay on and nothing else changes. Without them
    /// SQLite's <c>sqlite3_memory_used</c>, <c>sqlite3_memory_highwater</c>, <c>sqlite3_status64</c> and heap limits
    /// no longer work; Microsoft.Data.Sqlite does not use them. Set <see langword="false"/> when another component of
    /// the application does.
    /// </remarks>
    public bool DisableSqliteMemoryStatistics { get; set; } = true;
}
