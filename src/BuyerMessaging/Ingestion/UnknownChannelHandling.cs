namespace BuyerMessaging;

/// <summary>What the ingestor does with mail for a channel that is not configured.</summary>
public enum UnknownChannelHandling
{
    /// <summary>Keep it in quarantine with the reason (the default for configured desks).</summary>
    Quarantine,

    /// <summary>
    /// Create the channel in <see cref="IngestionOptions.DefaultStoreId"/>: one per Amazon marketplace, one per receiving
    /// mailbox address (for a quick start without configuration).
    /// </summary>
    CreateChannel,
}
