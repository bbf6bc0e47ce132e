namespace BuyerMessaging;

/// <summary>Why an <see cref="OutgoingMessage"/> is sent.</summary>
public enum OutgoingKind
{
    /// <summary>A person's reply (<see cref="ConversationEditor.SendReplyAsync"/>).</summary>
    Reply,

    /// <summary>An auto-reply; marked <c>Auto-Submitted: auto-replied</c>.</summary>
    AutoReply,

    /// <summary>A smart reply: a matched template sent when no person answered in time.</summary>
    SmartReply,
}
