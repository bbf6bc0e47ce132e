using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>
/// Options of <see cref="MimeMessageParser"/>: the limits that bound hostile input, and the data tables (Amazon relay
/// formats, notification types, quote headers) that the parser reads relay mail with.
/// </summary>
/// <remarks>
/// <see cref="MimeMessageParser"/> takes a snapshot of these options when it is constructed; later changes have no
/// effect on a parser that already exists.
/// </remarks>
public sealed class MimeParsingOptions
{
    /// <summary>The default of <see cref="MaxMimeDepth"/>.</summary>
    public const int DefaultMaxMimeDepth = 32;

    /// <summary>The default of <see cref="MaxMessageBytes"/> (50 MiB).</summary>
    public const int DefaultMaxMessageBytes = 50 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxTextLength"/>.</summary>
    public const int DefaultMaxTextLength = 100_000;

    /// <summary>
    /// Gets the default reply-header patterns: the line a mail client writes above a quoted earlier message
    /// ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "-----Original Message-----", Outlook's
    /// "From: … Sent: …" block and their translations).
    /// </summary>
    public static IReadOnlyList<string> DefaultQuoteHeaderPatterns { get; } =
    [
        @"^On\s.{1,250}\swrote\s*:?$",
        @"^Am\s.{1,250}\sschrieb\b.{0,250}:$",
        @"^Am\s.{1,250}<[^<>]*>\s*:$",
        @"^Le\s.{1,250}\sa\s[ée]crit\s*:?$",
        @"^El\s.{1,250}\sescribi[óo]\s*:?$",
        @"^Il\s.{1,250}\sha\sscritto\s*:?$",
        @"^Em\s.{1,250}\sescreveu\s*:?$",
        @"^Op\s.{1,250}\sschreef\b.{0,250}:$",
        @"^\d{4}年\d{1,2}月\d{1,2}日.{0,250}[:：]$",
        @"^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Mensagem original|Oorspronkelijk bericht|元のメッセージ)\s*-{2,}$",
        @"^(?:From|Von|De|Da|Van|差出人)\s*:.{1,250}\s(?:Sent|Gesendet|Envoyé|Enviado|Inviato|Verzonden|送信日時)\s*:",
    ];

    /// <summary>Gets or sets the deepest MIME nesting accepted; deeper messages fail to parse with that reason.</summary>
    /// <value>The default value is 32 (<see cref="DefaultMaxMimeDepth"/>).</value>
    [Range(1, 1024)]
    public int MaxMimeDepth { get; set; } = DefaultMaxMimeDepth;

    /// <summary>Gets or sets the largest raw message accepted, in bytes; larger input fails to parse with that reason.</summary>
    /// <value>The default value is 52,428,800 bytes, 50 MiB (<see cref="DefaultMaxMessageBytes"/>).</value>
    [Range(1, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// Gets or sets the longest <see cref="InboundMessage.Text"/> returned, in characters; longer text is cut (the raw
    /// message keeps everything).
    /// </summary>
    /// <value>The default value is 100,000 characters (<see cref="DefaultMaxTextLength"/>).</value>
    [Range(1, int.MaxValue)]
    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    /// <summary>
    /// Gets the wordings of Amazon relay mail the parser knows. Every format is tried on every message, whatever its
    /// marketplace, because the marker language may follow the seller account rather than the marketplace. Add a
    /// format to teach the parser another language or a new template.
    /// </summary>
    /// <value>The default value is a copy of <see cref="AmazonRelayFormats.Default"/>.</value>
    public IList<AmazonRelayFormat> RelayFormats { get; } = [.. AmazonRelayFormats.Default];

    /// <summary>
    /// Gets the message type of each Amazon <c>X-Space-Notification-Type</c> value. A key matches a header value that
    /// starts with it (ignoring case); the longest matching key wins. Values not listed leave the type to the subject
    /// and the text.
    /// </summary>
    /// <value>The default value is a copy of <see cref="AmazonRelayFormats.NotificationTypes"/>.</value>
    public IDictionary<string, BuyerMessageType> NotificationTypes { get; } =
        new Dictionary<string, BuyerMessageType>(AmazonRelayFormats.NotificationTypes, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the regular expressions that recognise the header line a mail client writes above a quoted earlier
    /// message. Each is matched (ignoring case) against one line, and against that line joined to the next with a
    /// space (for headers that wrap). The text from the first header on is cut.
    /// </summary>
    /// <value>The default value is a copy of <see cref="DefaultQuoteHeaderPatterns"/>.</value>
    public IList<string> QuoteHeaderPatterns { get; } = [.. DefaultQuoteHeaderPatterns];
}
