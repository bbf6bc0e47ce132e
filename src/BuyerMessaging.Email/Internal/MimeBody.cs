using MimeKit;
using MimeKit.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// The body and attachments of a message, collected in one bounded walk of its MIME tree: the first plain-text and
/// HTML bodies (further inline plain-text parts of a multipart/mixed are appended), and every other part as an
/// attachment. An embedded message (message/rfc822) is one attachment, not walked into.
/// </summary>
internal sealed class MimeBody
{
    private readonly int _maxDepth;
    private readonly MimeEntity? _root;

    private MimeBody(MimeMessage message, int maxDepth)
    {
        _maxDepth = maxDepth;
        _root = message.Body;
        if (_root is not null)
        {
            Walk(_root, 1, inAlternative: false);
        }

        // A multipart whose boundaries do not match leaves everything in its preamble: keep that rather than nothing.
        if (Plain is null && Html is null && OtherText is null && _root is Multipart { Preamble: { } preamble }
            && !string.IsNullOrWhiteSpace(preamble))
        {
            OtherText = preamble;
        }
    }

    /// <summary>Gets the plain-text body, if any.</summary>
    public string? Plain { get; private set; }

    /// <summary>Gets the HTML body, if any.</summary>
    public string? Html { get; private set; }

    /// <summary>Gets the text of another inline text part (text/enriched), used when there is no plain or HTML body.</summary>
    public string? OtherText { get; private set; }

    /// <summary>Gets the attachments.</summary>
    public List<MessageAttachment> Attachments { get; } = [];

    /// <summary>Gets a value indicating whether the MIME tree is nested deeper than the limit.</summary>
    public bool TooDeep { get; private set; }

    public static MimeBody Collect(MimeMessage message, int maxDepth) => new(message, maxDepth);

    private void Walk(MimeEntity entity, int depth, bool inAlternative)
    {
        if (depth > _maxDepth)
        {
            TooDeep = true;
            return;
        }

        switch (entity)
        {
            case Multipart multipart:
                var alternative = inAlternative || multipart.ContentType.IsMimeType("multipart", "alternative");
                var signed = multipart.ContentType.IsMimeType("multipart", "signed");
                for (var i = 0; i < multipart.Count && !TooDeep; i++)
                {
                    if (signed && i > 0 && multipart[i].ContentType.MediaSubtype.EndsWith("signature", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // the signature of a signed message is not content
                    }

                    Walk(multipart[i], depth + 1, alternative);
                }

                break;

            case MessagePart messagePart:
                AddMessage(messagePart);
                break;

            case MimePart part:
                if (part.ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase))
                {
                    // MimeKit stops descending at ParserOptions.MaxMimeDepth and leaves the rest as one leaf.
                    TooDeep = true;
                    return;
                }

                if (part is TextPart text && IsBody(text) && TakeBody(text, inAlternative))
                {
                    return;
                }

                AddPart(part);
                break;

            default:
                break;
        }
    }

    private bool IsBody(TextPart part) =>
        !part.IsAttachment && (string.IsNullOrEmpty(part.FileName) || ReferenceEquals(part, _root));

    private bool TakeBody(TextPart part, bool inAlternative)
    {
        if (part.IsPlain)
        {
            var text = GetText(part);
            if (Plain is null)
            {
                Plain = text;
            }
            else if (!inAlternative && !string.IsNullOrWhiteSpace(text))
            {
                Plain = Plain.TrimEnd() + "\n\n" + text;
            }

            return true;
        }

        if (part.IsHtml)
        {
            Html ??= GetText(part);
            return true;
        }

        if (part.IsEnriched || part.IsRichText)
        {
            OtherText ??= GetText(part);
            return true;
        }

        return false;
    }

    private static string GetText(TextPart part)
    {
        // A byte-order mark the charset's decoder left (UTF-16, UTF-8 with BOM) is not the buyer's text.
        var text = (part.Text ?? string.Empty).TrimStart('\uFEFF');
        if (part.IsFlowed)
        {
            var delsp = part.ContentType.Parameters.TryGetValue("delsp", out string? value)
                && value.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = delsp }.Convert(text);
        }

        return text;
    }

    private void AddPart(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        Attachments.Add(new MessageAttachment
        {
            FileName = FileNames.Sanitize(part.FileName) ?? FileNames.Generate(Attachments.Count + 1, mimeType),
            ContentType = mimeType,
            Content = content.ToArray(),
        });
    }

    private void AddMessage(MessagePart part)
    {
        using var content = new MemoryStream();
        part.Message?.WriteTo(FormatOptions.Default, content);
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        var name = part.ContentDisposition?.FileName ?? part.ContentType.Name;
        Attachments.Add(new MessageAttachment
        {
            FileName = FileNames.Sanitize(name) ?? FileNames.Generate(Attachments.Count + 1, mimeType, ".eml"),
            ContentType = mimeType,
            Content = content.ToArray(),
        });
    }
}
