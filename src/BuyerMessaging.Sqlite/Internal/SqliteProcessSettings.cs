using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace BuyerMessaging.Internal;

/// <summary>The process-wide SQLite settings the store applies once, before its first connection opens.</summary>
internal static class SqliteProcessSettings
{
    private static readonly Lock Gate = new();

    /// <summary>Gets whether the memory statistics were turned off: <see langword="null"/> before the first try.</summary>
    public static bool? MemoryStatisticsDisabled { get; private set; }

    /// <summary>
    /// Turns off SQLite's memory statistics (<c>SQLITE_CONFIG_MEMSTATUS</c>), once per process. They take a global
    /// mutex on every <c>sqlite3_malloc</c> and <c>sqlite3_free</c>; SQLite can only be reconfigured before it is
    /// initialised, so when another component got there first the call fails harmlessly and is logged.
    /// </summary>
    public static void DisableMemoryStatistics(ILogger logger)
    {
        lock (Gate)
        {
            if (MemoryStatisticsDisabled is not null)
            {
                return;
            }

            // Microsoft.Data.Sqlite chooses and loads the native library in SqliteConnection's static constructor.
            using (new SqliteConnection())
            {
            }

            var result = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
            MemoryStatisticsDisabled = result == raw.SQLITE_OK;
            if (result != raw.SQLITE_OK)
            {
                Log.MemoryStatisticsKept(logger, result);
            }
        }
    }
}
