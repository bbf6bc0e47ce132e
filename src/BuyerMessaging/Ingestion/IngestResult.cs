namespace BuyerMessaging;

/// <summary>The result of ingesting one input.</summary>
public sealed record IngestResult
{
    /// <summary>Gets what happened.</summary>
    public required IngestOutcome Outcome { get; init; }

    /// <summary>Gets the conversation the message is in (also for a duplicate); <see langword="null"/> when quarantined.</summary>
    public ConversationId? ConversationId { get; init; }

    /// <summary>Gets the stored message (the earlier one for a duplicate); <see langword="null"/> when quarantined.</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>Gets the channel the message was assigned to, if any.</summary>
    public ChannelId? ChannelId { get; init; }

    /// <summary>Gets what brought the message into an existing conversation (<see cref="ThreadingMatch.None"/> when it started one or was not ingested).</summary>
    public ThreadingMatch ThreadedBy { get; init; }

    /// <summary>Gets a value indicating whether a Resolved or Awaiting-buyer conversation was reopened.</summary>
    public bool Reopened { get; init; }

    /// <summary>Gets the rules that matched the message, in running order (empty when none did or the input was not ingested).</summary>
    public IReadOnlyList<RuleId> MatchedRules { get; init; } = [];

    /// <summary>
    /// Gets the <see cref="InboundMessage.Warnings"/> of a message that was ingested (created or appended) although part of
    /// its input was damaged; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets why the input was quarantined.</summary>
    public string? QuarantineReason { get; init; }

    /// <summary>Gets the id of the quarantined item.</summary>
    public long? QuarantineId { get; init; }
}
