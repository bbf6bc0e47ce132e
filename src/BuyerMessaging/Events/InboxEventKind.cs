namespace BuyerMessaging;

/// <summary>What an <see cref="InboxEvent"/> announces.</summary>
public enum InboxEventKind
{
    /// <summary>A buyer message arrived (new conversation or follow-up).</summary>
    NewMessage,

    /// <summary>Smart reply matched a template; the reply is scheduled (<see cref="InboxEvent.DueAt"/>).</summary>
    TemplateMatched,

    /// <summary>Smart reply matched no template: the conversation is in the "match failed" folder and a person must answer.</summary>
    MatchFailed,

    /// <summary>An answer is due within the policy's threshold (<see cref="InboxEvent.DueAt"/>).</summary>
    SlaDueSoon,

    /// <summary>The due instant passed without an answer.</summary>
    SlaBreached,

    /// <summary>An auto-reply went out.</summary>
    AutoReplySent,

    /// <summary>An outgoing message failed on its last attempt (<see cref="InboxEvent.Detail"/> says why); nothing was sent.</summary>
    SendFailed,

    /// <summary>Scheduled work other than a send failed on its last attempt (<see cref="InboxEvent.Detail"/> says why).</summary>
    WorkFailed,
}
