using System.Text;
using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>
/// Fills <c>{{ buyer_name }}</c>, <c>{{ order_id }}</c>, <c>{{ store_name }}</c> and <c>{{ channel_name }}</c>, HTML-escaped in
/// HTML templates, and refuses any other Liquid markup so that nothing half-rendered reaches a buyer.
/// </summary>
internal sealed partial class SimpleTemplateRenderer : ITemplateRenderer
{
    public static readonly SimpleTemplateRenderer Instance = new();

    public Task<RenderedTemplate> RenderAsync(Template template, Conversation conversation, Channel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(channel);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["buyer_name"] = conversation.Buyer.Name ?? string.Empty,
            ["order_id"] = conversation.OrderId ?? string.Empty,
            ["store_name"] = channel.StoreName ?? channel.Name,
            ["channel_name"] = channel.Name,
        };
        var subject = Render(template, "Subject", template.Subject, values, html: false);
        var body = Render(template, "Body", template.Body, values, template.IsHtml);
        return Task.FromResult(template.IsHtml
            ? new RenderedTemplate(subject, HtmlToText(body), body)
            : new RenderedTemplate(subject, body, null));
    }

    private static string Render(Template template, string member, string text, Dictionary<string, string> values, bool html)
    {
        var rendered = Variable().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? (html ? System.Net.WebUtility.HtmlEncode(value) : value)
            : m.Value);
        var leftover = Markup().Match(rendered);
        return leftover.Success
            ? throw new InvalidOperationException($"Template '{template.Id}' {member} uses '{leftover.Value}', which the simple renderer does not support; register a Liquid ITemplateRenderer.")
            : rendered;
    }

    private static string HtmlToText(string html)
    {
        var text = new StringBuilder(Tags().Replace(Breaks().Replace(html, "\n"), string.Empty));
        return System.Net.WebUtility.HtmlDecode(text.ToString()).Trim();
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
