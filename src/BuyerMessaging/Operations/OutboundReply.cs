namespace BuyerMessaging;

/// <summary>A reply the seller sent (or is recording as sent) to the buyer.</summary>
public sealed record OutboundReply
{
    /// <summary>Gets the sender; <see langword="null"/> to record the channel's address.</summary>
    public MailParticipant? From { get; init; }

    /// <summary>Gets the recipients; empty to reply to the buyer.</summary>
    public IReadOnlyList<MailParticipant> To { get; init; } = [];

    /// <summary>Gets the subject; empty for "Re: " and the conversation's subject.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the HTML body, if any.</summary>
    public string? Html { get; init; }

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets the Message-ID the reply was sent with, if known.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>Gets the channel's id of the sent reply, if known.</summary>
    public string? ExternalId { get; init; }
}
