namespace BuyerMessaging;

/// <summary>What kind of outbound text is checked.</summary>
public enum OutboundTextKind
{
    /// <summary>A reply a person writes.</summary>
    Reply,

    /// <summary>An auto-reply (schedule window).</summary>
    AutoReply,

    /// <summary>A smart reply chosen from templates.</summary>
    SmartReply,

    /// <summary>An AI draft.</summary>
    AiDraft,

    /// <summary>A template being saved.</summary>
    Template,
}
