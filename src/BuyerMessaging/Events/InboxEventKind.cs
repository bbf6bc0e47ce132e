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

    /// <summary>
    /// A smart reply went out: <see cref="InboxEvent.TemplateId"/> is the matched template, <see cref="InboxEvent.MessageId"/>
    /// the reply as recorded in the conversation.
    /// </summary>
    SmartReplySent,

    /// <summary>
    /// A scheduled auto-reply or smart reply fell due but was not sent, because the seller's settings changed since it was
    /// scheduled (<see cref="InboxEvent.Detail"/> says how: the channel disabled, the policy paused or no longer naming the
    /// template, the template deleted, paused or not for the channel). Nobody answered the buyer: the conversation keeps
    /// its SLA clock (<see cref="InboxEvent.DueAt"/>) for a person. Not raised when a person answered, resolved the
    /// conversation or marked it "no reply needed" in the meantime: that is the reply's expected end.
    /// </summary>
    AutomaticReplySkipped,
}
