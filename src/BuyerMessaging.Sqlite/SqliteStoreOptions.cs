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
}
