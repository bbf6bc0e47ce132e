namespace BuyerMessaging;

/// <summary>What brought an ingested message into an existing conversation (<see cref="IngestResult.ThreadedBy"/>), in the order threading tries them.</summary>
public enum ThreadingMatch
{
    /// <summary>Nothing: the message started a conversation, or it was not ingested.</summary>
    None,

    /// <summary>A stored message it names in In-Reply-To or References (a reply to it, or to a later message of its thread).</summary>
    References,

    /// <summary>A stored reply that names this message: the reply arrived first.</summary>
    LaterReply,

    /// <summary>A stored message that names the same missing message (none of the messages this one names is stored).</summary>
    SharedReference,

    /// <summary>The same Amazon relay alias and order id in the store.</summary>
    RelayAliasAndOrder,

    /// <summary>The same subject (without reply prefixes) from the same sender on the channel, within the fallback window.</summary>
    Subject,
}
