namespace BuyerMessaging;

/// <summary>A template rendered for one conversation.</summary>
/// <param name="Subject">The subject; empty for "Re: " and the conversation's subject.</param>
/// <param name="Text">The text.</param>
/// <param name="Html">The HTML body, if the template is HTML.</param>
public sealed record RenderedTemplate(string Subject, string Text, string? Html)
{
    /// <summary>Gets the template's files, sent with the reply.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];
}
