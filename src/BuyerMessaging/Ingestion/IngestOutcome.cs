namespace BuyerMessaging;

/// <summary>What an ingest did with a message.</summary>
public enum IngestOutcome
{
    /// <summary>The message started a new conversation.</summary>
    Created,

    /// <summary>The message was threaded into an existing conversation.</summary>
    Appended,

    /// <summary>The message was already stored (same channel and external id, or same Message-ID); nothing changed.</summary>
    Duplicate,

    /// <summary>The input was kept in quarantine with the reason (unparseable, unknown or disabled channel).</summary>
    Quarantined,
}
