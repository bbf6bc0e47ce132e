namespace BuyerMessaging;

/// <summary>What a <see cref="RuleAction"/> does.</summary>
public enum RuleActionKind
{
    /// <summary>
    /// Moves the conversation to <see cref="RuleAction.Folder"/>. A custom folder keeps the status; a system folder takes
    /// the conversation out of its custom folder and sets that folder's status.
    /// </summary>
    MoveToFolder,

    /// <summary>Assigns the conversation to <see cref="RuleAction.Agent"/>.</summary>
    AssignAgent,

    /// <summary>Sets the status to <see cref="RuleAction.Status"/>.</summary>
    SetStatus,

    /// <summary>Adds <see cref="RuleAction.Tag"/>.</summary>
    AddTag,

    /// <summary>Marks that no reply is needed (no SLA clock runs).</summary>
    MarkNoReplyNeeded,
}
