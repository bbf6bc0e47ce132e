using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A buyer message normalised by an adapter (MIME, IMAP, SP-API), independent of where it came from. The
/// <see cref="ConversationIngestor"/> turns it into a <see cref="Message"/> of a <see cref="Conversation"/>.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Gets the kind of channel the message came through: Amazon relay mail or ordinary e-mail.</summary>
    public required ChannelKind ChannelKind { get; init; }

    /// <summary>Gets the channel, when the adapter knows it; otherwise it is resolved from the marketplace and recipients.</summary>
    public ChannelId? ChannelId { get; init; }

    /// <summary>Gets the Amazon marketplace's country code (for example "US", "JP", "DE"), for relay mail.</summary>
    public string? Marketplace { get; init; }

    /// <summary>Gets the channel's own id of the message (an IMAP UID with UIDVALIDITY, an SP-API id), if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the Message-ID header without angle brackets, if any.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>Gets the In-Reply-To Message-ID, if any.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>Gets the References Message-IDs, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Gets the sender.</summary>
    public required MailParticipant From { get; init; }

    /// <summary>Gets the To recipients.</summary>
    public IReadOnlyList<MailParticipant> To { get; init; } = [];

    /// <summary>Gets the Cc recipients.</summary>
    public IReadOnlyList<MailParticipant> Cc { get; init; } = [];

    /// <summary>Gets envelope recipients from Delivered-To or X-Original-To headers, if any.</summary>
    public IReadOnlyList<string> DeliveredTo { get; init; } = [];

    /// <summary>Gets the subject.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the text: for relay mail, the buyer's own words without Amazon's boilerplate.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Gets the HTML body, if any.</summary>
    public string? Html { get; init; }

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Gets when the message reached the seller (IMAP INTERNALDATE, the newest Received header), if the adapter knows;
    /// the ingestor uses the clock otherwise, and never a time in the future.
    /// </summary>
    public Instant? ReceivedAt { get; init; }

    /// <summary>Gets the Date header, if it could be read.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>Gets the Amazon order id (NNN-NNNNNNN-NNNNNNN), if any.</summary>
    public string? OrderId { get; init; }

    /// <summary>
    /// Gets the message's direction: <see cref="MessageDirection.Inbound"/> (the default) for a buyer's message, or
    /// <see cref="MessageDirection.OutboundReply"/> for a copy of a reply the seller sent elsewhere (Amazon's copy of a
    /// reply written in Seller Central, a Sent folder).
    /// </summary>
    /// <remarks>
    /// A copy is recorded as the seller's reply in the buyer's conversation (found as for a buyer message, through the
    /// relay alias it comes from, else the first recipient): the reply count rises, an open conversation then awaits the
    /// buyer, the reply clock stops and pending automatic replies are cancelled; no rule runs and nothing is sent. A copy
    /// that belongs to no conversation opens one that awaits the buyer. Any other direction is quarantined.
    /// </remarks>
    public MessageDirection Direction { get; init; } = MessageDirection.Inbound;

    /// <summary>Gets the buyer's name, if known.</summary>
    /// <remarks>
    /// When <see langword="null"/>, a conversation takes the sender's display name instead, except for mail from an
    /// Amazon relay alias (<see cref="IsFromRelayAlias"/>), whose display name may be a placeholder such as "Amazon
    /// Customer" or carry Amazon's suffix: an adapter of relay mail sets the buyer's name here.
    /// </remarks>
    public string? BuyerName { get; init; }

    /// <summary>Gets the kind of inquiry.</summary>
    public BuyerMessageType MessageType { get; init; }

    /// <summary>Gets the language of the text (BCP-47 primary tag), if known.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the value of the Auto-Submitted header, if any (loop protection).</summary>
    public string? AutoSubmitted { get; init; }

    /// <summary>Gets the value of the Precedence header, if any ("bulk", "list" and "junk" mark mail no auto-reply answers).</summary>
    public string? Precedence { get; init; }

    /// <summary>Gets the value of the List-Id header, if any (mailing-list mail gets no auto-reply).</summary>
    public string? ListId { get; init; }

    /// <summary>Gets Amazon's X-Space-Notification-Type header, if any (A-to-Z claims, returns, refunds).</summary>
    public string? AmazonNotificationType { get; init; }

    /// <summary>
    /// Gets what the adapter found damaged in the input without it stopping the message from being read, in words a
    /// person can act on (a multipart cut short before its closing boundary, an attachment whose base64 is invalid); empty
    /// for a message read cleanly.
    /// </summary>
    /// <remarks>
    /// The message is ingested all the same, so that the buyer's text is not lost; the ingestor reports the warnings in
    /// <see cref="IngestResult.Warnings"/> and logs them. A damaged attachment also carries its own
    /// <see cref="MessageAttachment.Defect"/>, which is stored with it. Input whose text cannot be read at all is not a
    /// message with warnings: the adapter fails it, and it is quarantined with the reason.
    /// </remarks>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets where the message was read from (a file name, a mailbox), for diagnostics and quarantine.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the raw bytes the message was parsed from, if the adapter keeps them.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Gets a value indicating whether the sender is an Amazon relay alias.</summary>
    public bool IsFromRelayAlias => ChannelKind == ChannelKind.Amazon && AmazonMarketplaces.IsRelayAddress(From.Address);

    /// <summary>
    /// Gets a value indicating whether this is Amazon's own mail rather than a buyer's: mail of an Amazon channel that
    /// does not come from a relay alias (A-to-z claim, return, refund, cancellation and opt-out notices from
    /// <c>donotreply@amazon.*</c> and the like). Nobody can answer it by mail, so it starts no reply clock: a
    /// conversation it opens is marked no reply needed, and it does not reopen or restart the clock of one it joins.
    /// </summary>
    public bool IsAmazonNotice => ChannelKind == ChannelKind.Amazon && !IsFromRelayAlias;
}
