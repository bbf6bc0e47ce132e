namespace BuyerMessaging;

/// <summary>The values of <see cref="ConversationChange.What"/>.</summary>
public static class ChangeKinds
{
    /// <summary>The conversation was created by a buyer message.</summary>
    public const string Created = "created";

    /// <summary>A buyer message was added.</summary>
    public const string InboundMessage = "inbound";

    /// <summary>A reply was recorded.</summary>
    public const string Reply = "reply";

    /// <summary>A seller note was added.</summary>
    public const string Note = "note";

    /// <summary>The conversation was forwarded outside.</summary>
    public const string Forward = "forward";

    /// <summary>The status changed.</summary>
    public const string Status = "status";

    /// <summary>The folder changed.</summary>
    public const string Folder = "folder";

    /// <summary>The assignee changed.</summary>
    public const string Assignee = "assignee";

    /// <summary>A tag was added.</summary>
    public const string TagAdded = "tag+";

    /// <summary>A tag was removed.</summary>
    public const string TagRemoved = "tag-";

    /// <summary>The conversation was opened by a person.</summary>
    public const string Read = "read";

    /// <summary>"No reply needed" was set or cleared.</summary>
    public const string NoReplyNeeded = "no-reply-needed";

    /// <summary>An auto-reply was sent.</summary>
    public const string AutoReply = "auto-reply";

    /// <summary>"No auto-reply" was set (smart-reply matching failed) or cleared.</summary>
    public const string NoAutoReply = "no-auto-reply";
}
