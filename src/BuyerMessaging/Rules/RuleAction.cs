namespace BuyerMessaging;

/// <summary>
/// One action of a <see cref="Rule"/>. Only the member its <see cref="Kind"/> names is used; build actions with the
/// factory methods.
/// </summary>
public sealed record RuleAction
{
    /// <summary>Gets what the action does.</summary>
    public required RuleActionKind Kind { get; init; }

    /// <summary>Gets the folder of <see cref="RuleActionKind.MoveToFolder"/>.</summary>
    public FolderId? Folder { get; init; }

    /// <summary>Gets the agent of <see cref="RuleActionKind.AssignAgent"/>.</summary>
    public AgentId? Agent { get; init; }

    /// <summary>Gets the status of <see cref="RuleActionKind.SetStatus"/>.</summary>
    public ConversationStatus? Status { get; init; }

    /// <summary>Gets the tag of <see cref="RuleActionKind.AddTag"/>.</summary>
    public string? Tag { get; init; }

    /// <summary>Moves the conversation to a folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The action.</returns>
    public static RuleAction MoveToFolder(FolderId folder) => new() { Kind = RuleActionKind.MoveToFolder, Folder = folder };

    /// <summary>Assigns the conversation to an agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>The action.</returns>
    public static RuleAction AssignAgent(AgentId agent) => new() { Kind = RuleActionKind.AssignAgent, Agent = agent };

    /// <summary>Sets the status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The action.</returns>
    public static RuleAction SetStatus(ConversationStatus status) => new() { Kind = RuleActionKind.SetStatus, Status = status };

    /// <summary>Adds a tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The action.</returns>
    public static RuleAction AddTag(string tag) => new() { Kind = RuleActionKind.AddTag, Tag = tag };

    /// <summary>Marks that no reply is needed.</summary>
    /// <returns>The action.</returns>
    public static RuleAction MarkNoReplyNeeded() => new() { Kind = RuleActionKind.MarkNoReplyNeeded };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RuleActionKind.MoveToFolder => $"move to folder '{Folder}'",
        RuleActionKind.AssignAgent => $"assign to agent '{Agent}'",
        RuleActionKind.SetStatus => $"set status {Status}",
        RuleActionKind.AddTag => $"add tag '{Tag}'",
        RuleActionKind.MarkNoReplyNeeded => "mark no reply needed",
        _ => Kind.ToString(),
    };
}
