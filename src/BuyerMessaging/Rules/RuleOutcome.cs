namespace BuyerMessaging;

/// <summary>What a rule run decided for one message: the winning action per field, the tags, and which rules matched.</summary>
public sealed record RuleOutcome
{
    /// <summary>Gets an outcome in which no rule matched.</summary>
    public static RuleOutcome None { get; } = new();

    /// <summary>Gets the rules that matched, in running order.</summary>
    public IReadOnlyList<RuleId> MatchedRules { get; init; } = [];

    /// <summary>Gets the rule that stopped processing, if one did.</summary>
    public RuleId? StoppedBy { get; init; }

    /// <summary>
    /// Gets the folder decision: a <see cref="RuleActionKind.MoveToFolder"/> action, or <see langword="null"/> when no rule
    /// moves the conversation.
    /// </summary>
    public RuleDecision? Folder { get; init; }

    /// <summary>
    /// Gets the status decision: a <see cref="RuleActionKind.SetStatus"/> action, or a
    /// <see cref="RuleActionKind.MoveToFolder"/> action to a system folder (which sets that folder's status).
    /// </summary>
    public RuleDecision? Status { get; init; }

    /// <summary>Gets the assignee decision.</summary>
    public RuleDecision? Assignee { get; init; }

    /// <summary>Gets the "no reply needed" decision.</summary>
    public RuleDecision? NoReplyNeeded { get; init; }

    /// <summary>Gets the tags to add, each with the first rule that added it.</summary>
    public IReadOnlyList<RuleDecision> Tags { get; init; } = [];

    /// <summary>Gets a value indicating whether the outcome changes nothing.</summary>
    public bool IsEmpty => Folder is null && Status is null && Assignee is null && NoReplyNeeded is null && Tags.Count == 0;

    /// <summary>Gets the status the outcome sets, if any.</summary>
    public ConversationStatus? TargetStatus => Status?.Action switch
    {
        { Kind: RuleActionKind.SetStatus, Status: { } status } => status,
        { Kind: RuleActionKind.MoveToFolder, Folder: { } folder } => SystemFolders.StatusOf(folder),
        _ => null,
    };
}
