using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// The body and attachments of a message, collected in one bounded walk of its MIME tree: the first plain-text and
/// HTML bodies (further inline plain-text parts of a multipart/mixed are appended), and every other part as an
/// attachment. An embedded message (message/rfc822) is one attachment, not walked into.
/// </summary>
/// <remarks>
/// Damage that does not stop the message from being read is kept as <see cref="Warnings"/>: a multipart that ends
/// without its closing boundary (the file was cut, or the boundaries do not match) and a part whose base64 content is
/// cut short or holds characters outside base64 (MimeKit decodes what it can and says nothing). Such an attachment keeps
/// what could be decoded and carries a <see cref="MessageAttachment.Defect"/>; a damaged body part whose text is still
/// readable is taken, one that is not is left out and named in <see cref="UnreadableText"/>.
/// </remarks>
internal sealed class MimeBody
{
    /// <summary>The bytes base64 text may hold: the alphabet, padding and the white space MIME allows between lines.</summary>
    private static readonly SearchValues<byte> Base64Text =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    private readonly int _maxDepth;
    private readonly MimeEntity? _root;
    private readonly ReadOnlyMemory<byte> _raw;

    private MimeBody(MimeMessage message, ReadOnlyMemory<byte> raw, int maxDepth)
    {
        _maxDepth = maxDepth;
        _raw = raw;
        _root = message.Body;
        if (_root is not null)
        {
            Walk(_root, 1, inAlternative: false, cutShort: false);
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

    /// <summary>Gets what is damaged in the message but did not stop it from being read, in words a person can act on.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Gets why a body part's text could not be read (damaged base64 that decodes to nothing readable), if one could not.</summary>
    public string? UnreadableText { get; private set; }

    /// <summary>Collects the body and attachments of a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="raw">The raw bytes it was read from (or MimeKit's serialization of it, which leaves out a closing
    /// boundary the input did not have).</param>
    /// <param name="maxDepth">The deepest nesting walked.</param>
    public static MimeBody Collect(MimeMessage message, ReadOnlyMemory<byte> raw, int maxDepth) => new(message, raw, maxDepth);

    /// <summary>
    /// Walks an entity; <paramref name="cutShort"/> tells that it is the last of a multipart without its closing boundary,
    /// so the input may end inside it.
    /// </summary>
    private void Walk(MimeEntity entity, int depth, bool inAlternative, bool cutShort)
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

                var open = !HasClosingBoundary(multipart);
                if (open)
                {
                    Warnings.Add(multipart.Count == 0
                        ? $"the {Describe(multipart)} holds no part (its boundary never appears): the whole body is read as its text"
                        : $"the {Describe(multipart)} ends without its closing boundary: the message may have been cut short");
                }

                for (var i = 0; i < multipart.Count && !TooDeep; i++)
                {
                    if (signed && i > 0 && multipart[i].ContentType.MediaSubtype.EndsWith("signature", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // the signature of a signed message is not content
                    }

                    Walk(multipart[i], depth + 1, alternative, (open || cutShort) && i == multipart.Count - 1);
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

                var damage = Base64Damage(part);
                if (part is TextPart text && IsBody(text) && TakeBody(text, inAlternative, damage))
                {
                    if (cutShort)
                    {
                        Warnings.Add("the message ends inside a text part, without the closing boundary: the text may be cut short");
                    }

                    return;
                }

                AddPart(part, damage, cutShort);
                break;

            default:
                break;
        }
    }

    private bool IsBody(TextPart part) =>
        !part.IsAttachment && (string.IsNullOrEmpty(part.FileName) || ReferenceEquals(part, _root));

    /// <summary>
    /// Takes a text part as a body; one whose base64 is damaged (<paramref name="damage"/> says how) only when its text is
    /// still readable. Returns whether the part was a body (and so is no attachment).
    /// </summary>
    private bool TakeBody(TextPart part, bool inAlternative, string? damage)
    {
        if (!part.IsPlain && !part.IsHtml && !part.IsEnriched && !part.IsRichText)
        {
            return false;
        }

        if (damage is not null)
        {
            var kind = part.IsPlain ? "text" : part.IsHtml ? "HTML" : "rich text";
            if (!IsReadable(GetText(part)))
            {
                UnreadableText ??= $"the {kind} part's base64 content {damage}, and what could be decoded is no readable text";
                return true;
            }

            Warnings.Add($"the {kind} part's base64 content {damage}: the text may be incomplete or garbled where it is damaged");
        }

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

    /// <summary>
    /// Adds a part as an attachment with what could be decoded and, when its base64 is damaged (<paramref name="damage"/>)
    /// or the input may end inside it (<paramref name="cutShort"/>), the defect.
    /// </summary>
    private void AddPart(MimePart part, string? damage, bool cutShort)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        var number = Attachments.Count + 1;
        var defect = damage is not null
            ? string.Create(CultureInfo.InvariantCulture, $"its base64 content {damage}: the {content.Length:N0} bytes that could be decoded are kept, and the file may be incomplete or damaged")
            : cutShort
                ? "the message ends inside this file, without the closing boundary: the file may be incomplete"
                : null;
        if (defect is not null)
        {
            // Named by number and type, not by file name: warnings are logged, and file names are the buyer's.
            Warnings.Add($"attachment {number} ({mimeType}): {defect}");
        }

        Attachments.Add(new MessageAttachment
        {
            FileName = FileNames.Sanitize(part.FileName) ?? FileNames.Generate(number, mimeType),
            ContentType = mimeType,
            Content = content.ToArray(),
            Defect = defect,
        });
    }

    /// <summary>
    /// What is wrong with a base64 part's content, in words that follow "its base64 content": it holds characters
    /// outside base64 (MimeKit skips them), or it is cut short (its length, without line breaks, is no multiple of four,
    /// or its padding is misplaced); <see langword="null"/> when it is valid or not base64.
    /// </summary>
    private static string? Base64Damage(MimePart part)
    {
        if (part.ContentTransferEncoding != ContentEncoding.Base64 || part.Content?.Stream is not { } stream)
        {
            return null;
        }

        var position = stream.Position;
        try
        {
            stream.Position = 0;
            var length = (int)Math.Min(stream.Length, Array.MaxLength);
            var encoded = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var span = encoded.AsSpan(0, stream.ReadAtLeast(encoded.AsSpan(0, length), length, throwOnEndOfStream: false));
                if (Base64.IsValid(span))
                {
                    return null;
                }

                return span.IndexOfAnyExcept(Base64Text) >= 0
                    ? "holds characters outside base64, which were skipped"
                    : "is cut short";
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }
        finally
        {
            stream.Position = position;
        }
    }

    /// <summary>
    /// Whether text decoded from damaged base64 is readable: not blank, and less than a tenth of its visible characters
    /// are the replacement character the charset decoder puts for bytes that are no text (base64 decoded out of step).
    /// </summary>
    private static bool IsReadable(string text)
    {
        int visible = 0, replaced = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                visible++;
                replaced += c == '\uFFFD' ? 1 : 0;
            }
        }

        return visible > 0 && replaced * 10 < visible;
    }

    /// <summary>
    /// Whether the input holds the multipart's closing boundary line (<c>--BOUNDARY--</c>). MimeKit's parser notes a
    /// missing one only internally (to leave it out when the message is written again), so the raw bytes are searched.
    /// </summary>
    private bool HasClosingBoundary(Multipart multipart)
    {
        if (string.IsNullOrEmpty(multipart.Boundary))
        {
            return true; // MimeKit reads no parts without a boundary; the preamble fallback takes its text.
        }

        var close = Encoding.UTF8.GetBytes($"--{multipart.Boundary}--");
        var raw = _raw.Span;
        for (var from = 0; from < raw.Length;)
        {
            var at = raw[from..].IndexOf(close);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + close.Length;
            if ((at == 0 || raw[at - 1] == (byte)'\n') && (end == raw.Length || raw[end] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t'))
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    private static string Describe(Multipart multipart) => $"{multipart.ContentType.MimeType.ToLowerInvariant()} body";

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
