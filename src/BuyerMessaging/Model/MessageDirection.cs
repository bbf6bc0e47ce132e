namespace BuyerMessaging;

/// <summary>What a message is, seen from the seller.</summary>
public enum MessageDirection
{
    /// <summary>A message from the buyer.</summary>
    Inbound,

    /// <summary>A reply the seller sent to the buyer (カスタマー返信).</summary>
    OutboundReply,

    /// <summary>A note for the seller's team; never sent to the buyer (出品者メモ).</summary>
    SellerNote,

    /// <summary>The conversation forwarded to an outside address (外部メッセージ).</summary>
    ExternalForward,

    /// <summary>An automatic reply the SDK sent (自動返信; marked Auto-Submitted: auto-replied); not counted as a seller reply.</summary>
    AutoReply,
}
