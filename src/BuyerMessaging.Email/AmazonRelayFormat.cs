namespace BuyerMessaging;

/// <summary>
/// The wording of Amazon buyer-seller relay mail in one language or template: the marker lines around the buyer's
/// text, Amazon's opening and boilerplate lines, the suffixes Amazon adds to display names, the subject forms that
/// carry the buyer's name, and keywords that tell the kind of inquiry.
/// </summary>
/// <remarks>
/// <para>A format is data, not code. <see cref="AmazonRelayFormats.Default"/> holds the known wordings; add a format
/// to <see cref="MimeParsingOptions.RelayFormats"/> to teach the parser another language or template. The parser
/// merges all formats and tries every one on every message.</para>
/// <para>Text comparisons ignore case. Keywords also ignore accents on Latin letters and runs of white space.</para>
/// </remarks>
public sealed class AmazonRelayFormat
{
    /// <summary>Gets the name of the format, for diagnostics (for example "en" or "de").</summary>
    public required string Name { get; init; }

    /// <summary>Gets the BCP-47 tag of the language the format is written in, if it has one.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Gets the words of the marker lines that open the buyer's text, without the dashes around them (for example
    /// "Begin message" for the line <c>------------- Begin message -------------</c>).
    /// </summary>
    /// <remarks>A marker line starts with at least three dashes; the words must match the whole line between the dashes.</remarks>
    public IReadOnlyList<string> BeginMarkers { get; init; } = [];

    /// <summary>Gets the words of the marker lines that close the buyer's text (for example "End message").</summary>
    public IReadOnlyList<string> EndMarkers { get; init; } = [];

    /// <summary>
    /// Gets the starts of lines Amazon writes above the buyer's text (for example "You have received a message."),
    /// dropped when a message has no markers.
    /// </summary>
    public IReadOnlyList<string> PreambleStarts { get; init; } = [];

    /// <summary>
    /// Gets the starts of the line that opens Amazon's copy of a reply the seller sent (for example "Here is a copy of the
    /// e-mail that you sent to"), followed by the buyer's name. Such mail is the seller's words, not a buyer's: the parser
    /// marks it <see cref="MessageDirection.OutboundReply"/> (as it does for <c>X-Space-Notification-Type:
    /// BBC_MESSAGE_CONFIRMATION_TO_MERCHANT</c>), and the line is dropped like a preamble.
    /// </summary>
    public IReadOnlyList<string> SellerCopyStarts { get; init; } = [];

    /// <summary>
    /// Gets the starts of the lines where Amazon's boilerplate begins (for example "For Your Information:"); the text
    /// from such a line on is not the buyer's.
    /// </summary>
    public IReadOnlyList<string> BoilerplateStarts { get; init; } = [];

    /// <summary>
    /// Gets the suffixes Amazon adds to the buyer's display name (for example "- Amazon Marketplace"), removed to get
    /// the buyer's name.
    /// </summary>
    public IReadOnlyList<string> DisplayNameSuffixes { get; init; } = [];

    /// <summary>Gets display names that stand for "name unknown" (for example "Amazon Buyer").</summary>
    public IReadOnlyList<string> AnonymousBuyerNames { get; init; } = [];

    /// <summary>
    /// Gets regular expressions that find the buyer's name in the subject, in a group named <c>name</c> (for example
    /// <c>from Amazon customer\s+(?&lt;name&gt;[^()]+?)\s*(?:\(|$)</c>). Matched ignoring case.
    /// </summary>
    public IReadOnlyList<string> SubjectBuyerNamePatterns { get; init; } = [];

    /// <summary>
    /// Gets the phrases of Amazon's subjects that name the kind of inquiry (for example "Product details inquiry"),
    /// by message type.
    /// </summary>
    /// <remarks>
    /// A keyword in a script written with spaces matches whole words; a trailing <c>*</c> matches any ending
    /// ("refund*" matches "refunded"). Keywords in Japanese or Chinese match anywhere. Where keywords overlap, the
    /// longest that starts first takes the words, and the keywords starting inside it do not count ("zwrot pieniędzy",
    /// a refund, is not the return of "zwrot"); keywords of <see cref="BuyerMessageType.Other"/> count for nothing and
    /// only hide the words inside them ("ordered the wrong", the buyer's own mistake, is no wrong item). When keywords
    /// of several types match, the most specific type wins, in this order: A-to-Z claim, damaged or defective, wrong
    /// item, return, refund, cancellation, address change, invoice, shipping, customisation, product details, order
    /// information.
    /// </remarks>
    public IReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>> SubjectKeywords { get; init; } =
        new Dictionary<BuyerMessageType, IReadOnlyList<string>>();

    /// <summary>
    /// Gets the words buyers use for each kind of inquiry (for example "damaged", "wrong item"), matched against the
    /// buyer's text; the more specific of this type and the subject's wins. Ordinary (non-Amazon) mail is classified
    /// with the same words. Matching works as for <see cref="SubjectKeywords"/>.
    /// </summary>
    public IReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>> BodyKeywords { get; init; } =
        new Dictionary<BuyerMessageType, IReadOnlyList<string>>();
}
