namespace BuyerMessaging;

/// <summary>
/// The entry points the outbound paths use: a text about to leave through a channel, and a template being saved.
/// </summary>
public static class ContentCheckerExtensions
{
    /// <summary>
    /// Checks a text about to be sent through <paramref name="channel"/>. Amazon's rules apply to Amazon channels only:
    /// for a support mailbox the result is <see cref="ContentCheckResult.Clean"/>. The marketplace (and so the expected
    /// language) comes from the channel. A subject that only answers the buyer's ("Re: …") is not checked, because its
    /// words are the buyer's.
    /// </summary>
    /// <param name="checker">The checker.</param>
    /// <param name="channel">The channel the text leaves through.</param>
    /// <param name="kind">What kind of text it is.</param>
    /// <param name="text">The text (body).</param>
    /// <param name="subject">The subject, if any.</param>
    /// <param name="html">The HTML body, if any.</param>
    /// <param name="attachments">The attachments, if any.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checker"/>, <paramref name="channel"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    public static ContentCheckResult CheckForChannel(
        this IContentChecker checker, Channel channel, OutboundTextKind kind, string text, string? subject = null, string? html = null, IReadOnlyList<MessageAttachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(text);
        if (channel.Kind != ChannelKind.Amazon)
        {
            return ContentCheckResult.Clean;
        }

        return checker.Check(new ContentCheckRequest
        {
            Text = text,
            Subject = subject is null || IsReplySubject(subject) ? null : subject,
            Html = html,
            Attachments = attachments ?? [],
            Marketplace = MarketplaceOf(channel),
            Kind = kind,
        });
    }

    /// <summary>
    /// Checks a template when it is saved (subject, body and attachments), so that a template that breaks Amazon's rules
    /// is refused before any auto-reply or smart reply uses it. Liquid tags and variables are left as written.
    /// </summary>
    /// <param name="checker">The checker.</param>
    /// <param name="template">The template.</param>
    /// <param name="marketplace">The Amazon marketplace (country code) the template is for, to check its language; <see langword="null"/> to skip that check.</param>
    /// <returns>The findings; a template service refuses the save when <see cref="ContentCheckResult.IsBlocked"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checker"/> or <paramref name="template"/> is <see langword="null"/>.</exception>
    public static ContentCheckResult CheckTemplate(this IContentChecker checker, Template template, string? marketplace = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(template);
        return checker.Check(new ContentCheckRequest
        {
            Text = template.Body,
            Html = template.IsHtml ? template.Body : null,
            Subject = string.IsNullOrEmpty(template.Subject) ? null : template.Subject,
            Attachments = template.Attachments,
            Marketplace = marketplace,
            Kind = OutboundTextKind.Template,
        });
    }

    internal static OutboundTextKind ToTextKind(this OutgoingKind kind) => kind switch
    {
        OutgoingKind.AutoReply => OutboundTextKind.AutoReply,
        OutgoingKind.SmartReply => OutboundTextKind.SmartReply,
        _ => OutboundTextKind.Reply,
    };

    private static string? MarketplaceOf(Channel channel) =>
        channel.CountryCode ?? (AmazonMarketplaces.TryGetById(channel.MarketplaceId, out var marketplace) ? marketplace.CountryCode : null);

    /// <summary>The reply prefixes mail programs write: English and Japanese, German "AW:", Dutch "Antw:", Polish "Odp:", Swedish "SV:", Turkish "YNT:".</summary>
    private static readonly string[] ReplyPrefixes = ["Re:", "Re：", "AW:", "Antw:", "Odp:", "SV:", "YNT:"];

    private static bool IsReplySubject(string subject)
    {
        var trimmed = subject.TrimStart();
        foreach (var prefix in ReplyPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
