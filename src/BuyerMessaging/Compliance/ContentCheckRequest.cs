namespace BuyerMessaging;

/// <summary>An outbound text to check against Amazon's buyer-seller messaging rules.</summary>
public sealed record ContentCheckRequest
{
    /// <summary>Gets the text (body).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the subject, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the HTML body, if any.</summary>
    public string? Html { get; init; }

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets the Amazon marketplace (country code such as "JP"), which sets the expected language; <see langword="null"/> when unknown.</summary>
    public string? Marketplace { get; init; }

    /// <summary>Gets what kind of text it is.</summary>
    public OutboundTextKind Kind { get; init; } = OutboundTextKind.Reply;
}
