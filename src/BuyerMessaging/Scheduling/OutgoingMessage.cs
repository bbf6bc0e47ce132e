namespace BuyerMessaging;

/// <summary>
/// A message in the outbox, waiting for an <see cref="IOutboundSender"/>. Recorded before it leaves and marked sent
/// with the channel's message id after, so that a crash never loses it; its idempotency key travels to the sender so
/// that a retry never sends it twice.
/// </summary>
public sealed record OutgoingMessage
{
    /// <summary>Gets why it is sent.</summary>
    public required OutgoingKind Kind { get; init; }

    /// <summary>Gets the conversation.</summary>
    public required ConversationId ConversationId { get; init; }

    /// <summary>Gets the channel it leaves by.</summary>
    public required ChannelId ChannelId { get; init; }

    /// <summary>Gets the sender; <see langword="null"/> for the channel's address and display name.</summary>
    public MailParticipant? From { get; init; }

    /// <summary>Gets the recipients.</summary>
    public required IReadOnlyList<MailParticipant> To { get; init; }

    /// <summary>Gets the subject.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the HTML body, if any.</summary>
    public string? Html { get; init; }

    /// <summary>Gets the Message-ID to send with (without angle brackets); derived from the idempotency key, so a resend carries the same one.</summary>
    public required string InternetMessageId { get; init; }

    /// <summary>Gets the Message-ID this message answers, if any.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>Gets the References Message-IDs, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// Gets the files sent with the message: a person's reply's, or the template's for an automatic reply. They travel
    /// in the outbox item, so what leaves is what was queued even if the template changes meanwhile.
    /// </summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets extra headers (for example <c>Auto-Submitted: auto-replied</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the template the text came from, if any.</summary>
    public TemplateId? TemplateId { get; init; }

    /// <summary>Gets the message already recorded in the conversation for a person's reply; <see langword="null"/> for automatic replies, which are recorded once sent.</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>Gets the buyer message an automatic reply answers, if any.</summary>
    public MessageId? AnswersMessageId { get; init; }

    /// <summary>Gets the agent who wrote a reply, if any.</summary>
    public AgentId? Author { get; init; }
}
