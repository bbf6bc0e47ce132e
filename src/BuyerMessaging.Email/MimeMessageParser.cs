using System.Buffers;
using System.Runtime.InteropServices;
using BuyerMessaging.Internal;
using MimeKit;

namespace BuyerMessaging;

/// <summary>
/// Turns raw MIME (an .eml file, an IMAP download, mail forwarded to a webhook) into a normalised
/// <see cref="InboundMessage"/>, reading Amazon buyer-seller relay mail: the buyer's own words between Amazon's
/// markers, the marketplace, the order id, the buyer's name and the kind of inquiry.
/// </summary>
/// <remarks>
/// <para>Parsing never throws for bad input: a message that cannot be read (not MIME, no From address, nested too
/// deep, too large, no content) gives a failed <see cref="InboundParseResult"/> with the reason and the raw bytes,
/// so it can be quarantined rather than lost.</para>
/// <para>Damaged mail whose text can still be read (a multipart cut short before its closing boundary, an attachment
/// whose base64 is cut short or invalid) is parsed, and the damage is told in <see cref="InboundMessage.Warnings"/> and,
/// for an attachment, in <see cref="MessageAttachment.Defect"/> (the attachment keeps what could be decoded). A body
/// whose base64 decodes to nothing readable fails the parse with the reason when no other body can be read.</para>
/// <para>Instances are immutable and thread-safe; one instance can serve a whole application.</para>
/// </remarks>
public sealed class MimeMessageParser
{
    private const int ReadChunkSize = 81_920;

    /// <summary>Amazon's notification type of its copy of a reply the seller sent through Seller Central.</summary>
    private const string SellerCopyNotification = "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT";

    /// <summary>This thread's MimeKit parser: its read buffers are reused from message to message.</summary>
    [ThreadStatic]
    private static MimeParser? t_mimeReader;

    /// <summary>The options <see cref="t_mimeReader"/> was made with (one per <see cref="MimeMessageParser"/>).</summary>
    [ThreadStatic]
    private static ParserOptions? t_mimeReaderOptions;

    private readonly ParserOptions _parserOptions;
    private readonly int _maxMimeDepth;
    private readonly int _maxMessageBytes;
    private readonly int _maxTextLength;
    private readonly RelayGrammar _grammar;
    private readonly BodyTextExtractor _extractor;
    private readonly ILanguageDetector _languageDetector;

    /// <summary>Initializes a new instance of the <see cref="MimeMessageParser"/> class.</summary>
    /// <param name="options">The limits and relay-mail tables; <see langword="null"/> for the defaults. A snapshot is taken.</param>
    /// <param name="languageDetector">The language detector; <see langword="null"/> for <see cref="BasicLanguageDetector.Instance"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A pattern in <paramref name="options"/> is not a valid regular expression, or a
    /// subject pattern has no group named <c>name</c>; the message lists every invalid entry.</exception>
    public MimeMessageParser(MimeParsingOptions? options = null, ILanguageDetector? languageDetector = null)
    {
        options ??= new MimeParsingOptions();
        ThrowIfLessThanOne(options.MaxMimeDepth, nameof(MimeParsingOptions.MaxMimeDepth), nameof(options));
        ThrowIfLessThanOne(options.MaxMessageBytes, nameof(MimeParsingOptions.MaxMessageBytes), nameof(options));
        ThrowIfLessThanOne(options.MaxTextLength, nameof(MimeParsingOptions.MaxTextLength), nameof(options));

        CodePages.EnsureRegistered();
        _parserOptions = ParserOptions.Default.Clone();
        _parserOptions.MaxMimeDepth = options.MaxMimeDepth;
        _maxMimeDepth = options.MaxMimeDepth;
        _maxMessageBytes = options.MaxMessageBytes;
        _maxTextLength = options.MaxTextLength;
        _grammar = RelayGrammar.Create(options, nameof(options));
        _extractor = new BodyTextExtractor(_grammar);
        _languageDetector = languageDetector ?? BasicLanguageDetector.Instance;
    }

    /// <summary>Reads a message from a stream (at most <see cref="MimeParsingOptions.MaxMessageBytes"/> bytes) and parses it.</summary>
    /// <param name="stream">The stream, read to its end; not closed.</param>
    /// <param name="source">Where the message came from (a file name, a mailbox), kept for diagnostics and quarantine.</param>
    /// <returns>The parsed message, or the reason it could not be read with the raw bytes (cut at the size limit).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public InboundParseResult Parse(Stream stream, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkSize);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (!Append(buffer, chunk, read))
                {
                    return TooLarge(buffer, source);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Parse(buffer.ToArray(), source);
    }

    /// <summary>Reads a message from a stream asynchronously (at most <see cref="MimeParsingOptions.MaxMessageBytes"/> bytes) and parses it.</summary>
    /// <param name="stream">The stream, read to its end; not closed.</param>
    /// <param name="source">Where the message came from (a file name, a mailbox), kept for diagnostics and quarantine.</param>
    /// <param name="cancellationToken">The token to cancel reading.</param>
    /// <returns>The parsed message, or the reason it could not be read with the raw bytes (cut at the size limit).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<InboundParseResult> ParseAsync(Stream stream, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (!Append(buffer, chunk, read))
                {
                    return TooLarge(buffer, source);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Parse(buffer.ToArray(), source);
    }

    /// <summary>Parses a message from its raw bytes.</summary>
    /// <param name="raw">The raw message, kept in <see cref="InboundMessage.Raw"/> (not copied: do not change it afterwards).</param>
    /// <param name="source">Where the message came from (a file name, a mailbox), kept for diagnostics and quarantine.</param>
    /// <returns>The parsed message, or the reason it could not be read with the raw bytes.</returns>
    public InboundParseResult Parse(ReadOnlyMemory<byte> raw, string? source = null) => Parse(raw, source, fromMbox: false);

    /// <summary>
    /// Parses a quarantined item's raw bytes again the way they were first read, for
    /// <see cref="ConversationIngestor.RetryQuarantinedAsync"/>: a message of an mbox (its source is the mbox's followed by
    /// <c>#</c> and its number, as <see cref="ParseMbox"/> names it) with the writer's <c>&gt;From </c> quoting undone in
    /// its text, anything else as <see cref="Parse(ReadOnlyMemory{byte}, string?)"/> parses an .eml. A message retried this
    /// way is stored as a first ingest with the right configuration would have stored it.
    /// </summary>
    /// <param name="item">The quarantined item.</param>
    /// <returns>The parsed message, or the reason it could not be read with the raw bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public InboundParseResult ParseAgain(QuarantinedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Parse(item.Raw, item.Source, fromMbox: IsMboxMessageSource(item.Source));
    }

    /// <summary>Whether a source names a message of an mbox: text, <c>#</c>, and a number from 1 (see <see cref="ParseMbox"/>).</summary>
    private static bool IsMboxMessageSource(string? source) =>
        source?.LastIndexOf('#') is int hash and > 0
        && hash < source.Length - 1
        && source.AsSpan(hash + 1).IndexOfAnyExceptInRange('0', '9') < 0
        && source[hash + 1] != '0';

    private InboundParseResult Parse(ReadOnlyMemory<byte> raw, string? source, bool fromMbox)
    {
        if (raw.Length > _maxMessageBytes)
        {
            return InboundParseResult.Failed(OverLimit(raw.Length, cut: false), raw, source);
        }

        if (raw.Span.Trim("\r\n\t "u8).IsEmpty)
        {
            return InboundParseResult.Failed("empty input: no message", raw, source);
        }

        MimeMessage message;
        try
        {
            using var stream = AsStream(raw);
            message = ReadMime(stream);
        }
        catch (FormatException ex)
        {
            // MimeKit's ParseException is a FormatException.
            return InboundParseResult.Failed($"not a readable MIME message: {ex.Message}", raw, source);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return InboundParseResult.Failed($"could not read the message: {ex.GetType().Name}: {ex.Message}", raw, source);
        }

        // Disposed once read (everything kept is copied out): MimeKit's entities have finalizers, and an undisposed message
        // survives a garbage collection on the finalizer queue, which made every collection a gen-1 one.
        using (message)
        {
            return Build(message, raw, source, fromMbox);
        }
    }

    /// <summary>
    /// Returns whether input is in mbox format (what mail clients, Google Takeout and Unix mail tools export a mailbox
    /// as): it starts with a <c>From </c> separator line rather than a header. Such a file may hold many messages: read it
    /// with <see cref="ParseMbox"/>, not <see cref="Parse(ReadOnlyMemory{byte}, string?)"/>, which would read everything
    /// after the first message as that message's text.
    /// </summary>
    /// <param name="start">The first bytes of the input (eight are enough: a UTF-8 byte order mark may come first).</param>
    /// <returns><see langword="true"/> for mbox input.</returns>
    public static bool IsMbox(ReadOnlySpan<byte> start) => SkipByteOrderMark(start).StartsWith("From "u8);

    /// <summary>
    /// Parses every message of an mbox (see <see cref="IsMbox"/>), one result per message in file order, read as the
    /// sequence is enumerated (a large export is never held in memory at once). Each result's raw bytes are the
    /// message's own bytes in the file, without its <c>From </c> line and the line break before the next one (which
    /// belongs to the separator), and its source is <paramref name="source"/>
    /// followed by <c>#</c> and the message's number from 1 (<c>inbox.mbox#3</c>). Each message is parsed as
    /// <see cref="Parse(ReadOnlyMemory{byte}, string?)"/> parses an .eml, except that the writer's <c>&gt;From </c>
    /// quoting is undone in its text.
    /// </summary>
    /// <remarks>
    /// <para>A message ends at a <c>From </c> line that looks like a real envelope line, <c>From SENDER DATE</c> with a
    /// date in asctime form (<c>Mon Nov 23 10:00:00 2026</c>, with or without seconds and a zone) or RFC 5322 form, or
    /// without a date <c>From -</c> (Mozilla) and <c>From ADDRESS</c>, and that is followed by a header line. A body line
    /// that only starts with "From " ("From now on I will…"), which mboxo and mboxcl writers do not quote, stays in its
    /// message. Where a message has a <c>Content-Length</c> header (mboxcl2) and the file has a <c>From </c> line (or
    /// its end) exactly where that length ends the body, perhaps after one blank line, nothing before that point ends
    /// the message; a Content-Length the file does not agree with is ignored.</para>
    /// </remarks>
    /// <param name="stream">The mbox, read once from its current position to its end; not closed. It need not seek.</param>
    /// <param name="source">Where the mbox came from (a file name), for the sources of the results.</param>
    /// <returns>The results. A message that cannot be read is a failed result with the reason and its bytes (its first
    /// <see cref="MimeParsingOptions.MaxMessageBytes"/> bytes when it is longer); input that does not start with a
    /// <c>From </c> line is one failed result holding it, so nothing is dropped unseen.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream could not be read (thrown while the results are enumerated).</exception>
    public IEnumerable<InboundParseResult> ParseMbox(Stream stream, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ParseMboxCore(stream, source ?? "mbox");
    }

    private IEnumerable<InboundParseResult> ParseMboxCore(Stream stream, string source)
    {
        var reader = new MboxReader(stream, _maxMessageBytes);
        for (var number = 1; reader.TryRead(out var entry); number++)
        {
            var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source}#{number}");
            if (!entry.IsMbox)
            {
                yield return InboundParseResult.Failed(
                    $"mbox message {number} cannot be read: the input does not start with a \"From \" line", entry.Bytes, name);
            }
            else if (entry.Length > _maxMessageBytes)
            {
                yield return InboundParseResult.Failed(OverLimit(entry.Length, cut: true), entry.Bytes, name);
            }
            else
            {
                yield return Parse(entry.Bytes, name, fromMbox: true);
            }
        }
    }

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes;

    /// <summary>Parses a message that MimeKit (or MailKit) has already read; its serialized form becomes the raw bytes.</summary>
    /// <param name="message">The message; still the caller's, who disposes it (MimeKit's entities have finalizers: an
    /// undisposed message costs the garbage collector a collection more), nothing of it is kept.</param>
    /// <param name="source">Where the message came from (a file name, a mailbox), kept for diagnostics and quarantine.</param>
    /// <returns>The parsed message, or the reason it could not be read with the raw bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public InboundParseResult Parse(MimeMessage message, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer);
        ReadOnlyMemory<byte> raw = buffer.ToArray();
        return raw.Length > _maxMessageBytes
            ? InboundParseResult.Failed(OverLimit(raw.Length, cut: false), raw, source)
            : Build(message, raw, source, fromMbox: false);
    }

    private InboundParseResult Build(MimeMessage message, ReadOnlyMemory<byte> raw, string? source, bool fromMbox)
    {
        try
        {
            return BuildCore(message, raw, source, fromMbox);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Hostile input must not escape as an exception: quarantine it with the reason.
            return InboundParseResult.Failed($"could not read the message: {ex.GetType().Name}: {ex.Message}", raw, source);
        }
    }

    private InboundParseResult BuildCore(MimeMessage message, ReadOnlyMemory<byte> raw, string? source, bool fromMbox)
    {
        var from = MessageHeaders.From(message);
        if (from is null)
        {
            return InboundParseResult.Failed("no From address", raw, source);
        }

        var content = MimeBody.Collect(message, raw, _maxMimeDepth);
        if (content.TooDeep)
        {
            return InboundParseResult.Failed($"MIME nesting deeper than {_maxMimeDepth} levels", raw, source);
        }

        var subject = MessageHeaders.Subject(message);
        var htmlText = content.Html is null ? null : HtmlText.Convert(content.Html);
        var fromPlain = !string.IsNullOrWhiteSpace(content.Plain);
        var body = new[] { content.Plain, htmlText?.Text, content.OtherText }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? string.Empty;
        if (fromMbox)
        {
            // The writer's ">From " quoting is not the buyer's: undone before quoted replies are recognised.
            body = MboxText.Unescape(body);
        }
        var warnings = content.Warnings;
        if (content.UnreadableText is { } unreadable)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                // The buyer's words are in the message but cannot be read: a person must look at it, not an empty message.
                return InboundParseResult.Failed($"the text cannot be read: {unreadable}", raw, source);
            }

            warnings.Add($"{unreadable}; the text is taken from another part");
        }

        if (string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(content.Html) && content.Attachments.Count == 0
            && subject.Length == 0)
        {
            return InboundParseResult.Failed("no usable body: no subject, text, HTML or attachment", raw, source);
        }

        var notificationType = MessageHeaders.Header(message, "X-Space-Notification-Type");
        var marketplaceId = MessageHeaders.Header(message, "X-Marketplace-ID");
        var isRelay = AmazonMarketplaces.TryGetByRelayAddress(from.Address, out var marketplace);
        var isAmazon = isRelay
            || ((notificationType is not null || marketplaceId is not null) && AmazonMail.IsAmazonSender(from.Address));
        if (isAmazon && marketplace is null && !AmazonMarketplaces.TryGetById(marketplaceId, out marketplace))
        {
            marketplace = AmazonMail.MarketplaceOfSender(from.Address);
        }

        var text = isAmazon
            ? _extractor.ExtractRelayText(body, fromPlain ? [] : htmlText?.PreBlocks ?? [])
            : _extractor.ExtractMailText(body);
        text = Truncate(text, _maxTextLength);

        string? buyerName;
        BuyerMessageType messageType;
        string? copiedTo = null;
        var isSellerCopy = isAmazon
            && (_grammar.IsSellerCopy(body, out copiedTo) || string.Equals(notificationType, SellerCopyNotification, StringComparison.OrdinalIgnoreCase));
        if (isSellerCopy)
        {
            // Amazon's copy of the seller's own reply: the seller's words, recorded as a reply, never as the buyer's.
            buyerName = copiedTo ?? _grammar.BuyerNameFromSubject(subject);
            messageType = BuyerMessageType.Other;
        }
        else if (isAmazon)
        {
            buyerName = (isRelay ? _grammar.CleanBuyerName(from.Name) : null) ?? _grammar.BuyerNameFromSubject(subject);
            messageType = Classify(notificationType, subject, text, buyerName);
        }
        else
        {
            buyerName = from.Name;
            messageType = Classify(null, subject, text, buyerName);
        }

        var inbound = new InboundMessage
        {
            ChannelKind = isAmazon ? ChannelKind.Amazon : ChannelKind.Mailbox,
            Direction = isSellerCopy ? MessageDirection.OutboundReply : MessageDirection.Inbound,
            Marketplace = isAmazon ? marketplace?.CountryCode : null,
            InternetMessageId = MessageHeaders.MessageId(message.MessageId),
            InReplyTo = MessageHeaders.MessageId(message.InReplyTo),
            References = OrShared(MessageHeaders.References(message)),
            From = from,
            To = OrShared(MessageHeaders.Participants(message.To)),
            Cc = OrShared(MessageHeaders.Participants(message.Cc)),
            DeliveredTo = OrShared(MessageHeaders.DeliveredTo(message)),
            Subject = subject,
            Text = text,
            Html = content.Html,
            Attachments = OrShared(content.Attachments),
            SentAt = MessageHeaders.SentAt(message),
            ReceivedAt = MessageHeaders.ReceivedAt(message),
            OrderId = AmazonMail.FindOrderId(subject) ?? AmazonMail.FindOrderId(body),
            BuyerName = buyerName,
            MessageType = messageType,
            Language = DetectLanguage(text, isAmazon ? marketplace?.Language : null, isAmazon, message),
            AutoSubmitted = MessageHeaders.Header(message, "Auto-Submitted"),
            AmazonNotificationType = notificationType,
            Warnings = OrShared(warnings),
            Source = source,
            Raw = raw,
        };
        return InboundParseResult.Parsed(inbound);
    }

    /// <summary>
    /// An empty list as the one shared empty array: most messages have no attachment, warning, Cc, References or
    /// Delivered-To, and an empty <see cref="List{T}"/> (an object each) lives as long as the parsed message: through the
    /// pipeline's batches waiting for the store, and in the in-memory store for good.
    /// </summary>
    private static IReadOnlyList<T> OrShared<T>(List<T> list)
    {
        // Not a conditional expression: there `[]` would take the type of the other branch and make a new empty list.
        if (list.Count == 0)
        {
            return [];
        }

        return list;
    }

    /// <summary>
    /// The notification type when Amazon names one (relay mail only); otherwise the more specific of the type in Amazon's subject and
    /// the type of the buyer's words (a "Shipping inquiry" asking to change the address is an address change); when
    /// neither tells, the buyer's kind of words in the subject.
    /// </summary>
    private BuyerMessageType Classify(string? notificationType, string subject, string text, string? buyerName)
    {
        if (_grammar.TypeOfNotification(notificationType) is { } fromNotification)
        {
            return fromNotification;
        }

        var fromSubject = _grammar.SubjectClassifier.Classify(subject);
        var fromText = _grammar.BodyClassifier.Classify(text);
        var type = KeywordClassifier.MoreSpecific(fromSubject, fromText);
        if (type != BuyerMessageType.Other)
        {
            return type;
        }

        var subjectWords = buyerName is null ? subject : subject.Replace(buyerName, " ", StringComparison.OrdinalIgnoreCase);
        return _grammar.BodyClassifier.Classify(subjectWords);
    }

    /// <summary>
    /// The detected language, the marketplace's language (relay mail) deciding only what the text cannot (Japanese or
    /// Chinese in Han characters alone, see <see cref="ILanguageDetector.Detect(string, string)"/>); when unknown, relay
    /// mail gets none (no guessing from the marketplace), other mail the primary tag of its Content-Language header, if any.
    /// </summary>
    private string? DetectLanguage(string text, string? marketplaceLanguage, bool isAmazon, MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            // One line: detectors that split words on spaces must not glue the last word of a line to the next.
            var detection = _languageDetector.Detect(text.ReplaceLineEndings(" "), marketplaceLanguage);
            if (detection.IsKnown)
            {
                return detection.Language;
            }
        }

        if (isAmazon)
        {
            return null;
        }

        var declared = MessageHeaders.Header(message, "Content-Language") ?? message.Body?.Headers["Content-Language"];
        var primary = declared?.Split([',', '-', '_', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        return primary is { Length: >= 2 and <= 3 } && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : null;
    }

    /// <summary>
    /// Reads a message with this thread's MimeKit parser, reset for each message (<c>MimeMessage.Load</c> makes a new
    /// parser and its buffers every time), and lets go of the stream afterwards. A thread that alternates between
    /// parsers with different options makes a new MimeKit parser at each switch.
    /// </summary>
    private MimeMessage ReadMime(Stream stream)
    {
        var reader = t_mimeReader;
        if (reader is null || !ReferenceEquals(t_mimeReaderOptions, _parserOptions))
        {
            t_mimeReader = reader = new MimeParser(_parserOptions, stream, MimeFormat.Entity);
            t_mimeReaderOptions = _parserOptions;
        }
        else
        {
            reader.SetStream(stream, MimeFormat.Entity);
        }

        try
        {
            return reader.ParseMessage();
        }
        finally
        {
            reader.SetStream(Stream.Null, MimeFormat.Entity);
        }
    }

    private bool Append(MemoryStream buffer, byte[] chunk, int read)
    {
        var room = _maxMessageBytes - buffer.Length;
        if (read > room)
        {
            buffer.Write(chunk, 0, (int)room);
            return false;
        }

        buffer.Write(chunk, 0, read);
        return true;
    }

    private InboundParseResult TooLarge(MemoryStream buffer, string? source) =>
        InboundParseResult.Failed(OverLimit(null, cut: true), buffer.ToArray(), source);

    /// <summary>The reason for a message over <see cref="MimeParsingOptions.MaxMessageBytes"/>.</summary>
    /// <param name="length">Its length, when known (a stream read stops at the limit).</param>
    /// <param name="cut">Whether the raw bytes kept are only its first bytes.</param>
    private string OverLimit(long? length, bool cut) =>
        string.Concat(
            length is null ? "message is" : $"message of {length} bytes is",
            $" larger than the limit of {_maxMessageBytes} bytes (MaxMessageBytes)",
            cut ? $"; the raw bytes kept are its first {_maxMessageBytes}" : string.Empty);

    private static MemoryStream AsStream(ReadOnlyMemory<byte> raw) =>
        MemoryMarshal.TryGetArray(raw, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(raw.ToArray(), writable: false);

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut];
    }

    private static void ThrowIfLessThanOne(int value, string option, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"MimeParsingOptions.{option} must be at least 1.");
        }
    }
}
