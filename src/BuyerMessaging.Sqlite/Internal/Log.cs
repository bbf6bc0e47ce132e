using Microsoft.Extensions.Logging;

namespace BuyerMessaging.Internal;

/// <summary>The SQLite store's log events (EventIds 3000-3099). Buyer content is never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "StoreOpened", Level = LogLevel.Information,
        Message = "SQLite store {DataSource} opened (schema version {SchemaVersion}, journal mode {JournalMode}, SQLite {SqliteVersion})")]
    public static partial void StoreOpened(ILogger logger, string dataSource, int schemaVersion, string journalMode, string sqliteVersion);

    [LoggerMessage(EventId = 3001, EventName = "MigrationApplied", Level = LogLevel.Information,
        Message = "SQLite store {DataSource} migrated to schema version {SchemaVersion}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, string dataSource, int schemaVersion, string description);

    [LoggerMessage(EventId = 3002, EventName = "WalUnavailable", Level = LogLevel.Warning,
        Message = "SQLite store {DataSource} runs in journal mode {JournalMode}: write-ahead logging is not available, readers and the writer block each other")]
    public static partial void WalUnavailable(ILogger logger, string dataSource, string journalMode);

    [LoggerMessage(EventId = 3003, EventName = "OpenFailed", Level = LogLevel.Error,
        Message = "SQLite store {DataSource} could not be opened")]
    public static partial void OpenFailed(ILogger logger, string dataSource, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "StoreClosed", Level = LogLevel.Debug,
        Message = "SQLite store {DataSource} closed")]
    public static partial void StoreClosed(ILogger logger, string dataSource);

    [LoggerMessage(EventId = 3005, EventName = "RollbackFailed", Level = LogLevel.Warning,
        Message = "Rolling back a transaction of SQLite store {DataSource} failed; the connection is discarded")]
    public static partial void RollbackFailed(ILogger logger, string dataSource, Exception exception);

    [LoggerMessage(EventId = 3006, EventName = "MemoryStatisticsKept", Level = LogLevel.Debug,
        Message = "SQLite was already initialised in this process (result {ResultCode}): its memory statistics stay on, and every SQLite allocation keeps taking a process-wide lock")]
    public static partial void MemoryStatisticsKept(ILogger logger, int resultCode);
}
