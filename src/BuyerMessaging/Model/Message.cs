using NodaTime;

namespace BuyerMessaging;

/// <summary>One message of a <see cref="Conversation"/>: from the buyer, a reply, a seller note or a forward.</summary>
public sealed record Message
{
    /// <summary>Gets the message's identifier.</summary>
    public required MessageId Id { get; init; }

    /// <summary>Gets the conversation the message belongs to.</summary>
    public required ConversationId ConversationId { get; init; }

    /// <summary>Gets the channel the message arrived on or left by.</summary>
    public required ChannelId ChannelId { get; init; }

    /// <summary>Gets what the message is.</summary>
    public required MessageDirection Direction { get; init; }

    /// <summary>Gets the channel's own id of the message (an IMAP UID with its UIDVALIDITY, an SP-API id), if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the e-mail Message-ID (without angle brackets), if any.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>Gets the Message-ID this message answers (In-Reply-To), if any.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>Gets the Message-IDs of the References header, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Gets the sender.</summary>
    public required MailParticipant From { get; init; }

    /// <summary>Gets the To recipients.</summary>
    public IReadOnlyList<MailParticipant> To { get; init; } = [];

    /// <summary>Gets the Cc recipients.</summary>
    public IReadOnlyList<MailParticipant> Cc { get; init; } = [];

    /// <summary>Gets the subject.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the text: for relay mail the buyer's own words, without Amazon's boilerplate.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Gets the HTML body, if the message had one.</summary>
    public string? Html { get; init; }

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets when the message was received (inbound) or recorded (outbound, notes).</summary>
    public required Instant At { get; init; }

    /// <summary>Gets when the sender says it was sent (the Date header), if known.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>Gets the agent who wrote a reply, note or forward, if any.</summary>
    public AgentId? Author { get; init; }
}
