using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// An <see cref="IOutboundSender"/> that writes each outgoing message as an .eml file into a folder: an outbox to read,
/// to hand to another program, or to make the flow visible in a demo.
/// </summary>
/// <remarks>
/// <para>The file is named after the idempotency key (<c>{SHA-256 of the key, 32 hex digits}.eml</c>), so a second send
/// with the same key finds the file, writes nothing and returns the same <see cref="SendReceipt"/>: the file name.</para>
/// <para>A file appears whole or not at all: the message is written to a temporary file in the same folder, flushed to
/// disk, then renamed without replacing an existing file. Two concurrent sends of one key leave one file.</para>
/// <para>The message carries the conversation's threading (<c>Message-ID</c>, <c>In-Reply-To</c>, <c>References</c>)
/// and the message's extra headers; auto-replies are marked <c>Auto-Submitted: auto-replied</c> (RFC 3834) even when
/// the message does not say so. The message's <see cref="OutgoingMessage.Attachments"/> are attached. Bodies use 7-bit transfer encodings. <c>Date</c> is the injected clock's time of the first send. Lines end with CRLF.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class FileSystemOutboundSender : IOutboundSender
{
    /// <summary>The extension of the files.</summary>
    public const string FileExtension = ".eml";

    /// <summary>The header that names the channel a message leaves by.</summary>
    public const string ChannelHeader = "X-BuyerMessaging-Channel";

    /// <summary>The header that names the conversation a message belongs to.</summary>
    public const string ConversationHeader = "X-BuyerMessaging-Conversation";

    /// <summary>The header that says why a message is sent (<see cref="OutgoingKind"/>).</summary>
    public const string KindHeader = "X-BuyerMessaging-Kind";

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Message-ID", "In-Reply-To", "References", "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID",
    };

    private static readonly FormatOptions Format = CreateFormat();

    private readonly string _folder;
    private readonly IClock _clock;

    /// <summary>Initializes a new instance of the <see cref="FileSystemOutboundSender"/> class.</summary>
    /// <param name="folder">The folder the files are written to; created at the first send when missing.</param>
    /// <param name="clock">The clock that dates the messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty or white space.</exception>
    public FileSystemOutboundSender(string folder, IClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(clock);
        _folder = Path.GetFullPath(folder);
        _clock = clock;
    }

    /// <summary>Gets the full path of the folder the files are written to.</summary>
    public string Folder => _folder;

    /// <summary>Gets the file name a message sent with an idempotency key is written to.</summary>
    /// <param name="idempotencyKey">The idempotency key.</param>
    /// <returns>The file name (without folder): 32 lowercase hex digits and <see cref="FileExtension"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is <see langword="null"/>, empty or white space.</exception>
    public static string FileNameFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16)) + FileExtension;
    }

    /// <summary>Builds the MIME message the sender writes for an outgoing message.</summary>
    /// <param name="channel">The channel it leaves by.</param>
    /// <param name="message">The message.</param>
    /// <param name="date">The date of the message.</param>
    /// <returns>The MIME message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The message has no recipient, or an extra header has an invalid name.</exception>
    public static MimeMessage ToMimeMessage(Channel channel, OutgoingMessage message, Instant date)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        if (message.To is not { Count: > 0 })
        {
            throw new ArgumentException("The message has no recipient.", nameof(message));
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date.ToDateTimeOffset(),
            MessageId = message.InternetMessageId,
        };
        if (message.From is { } from)
        {
            mime.From.Add(new MailboxAddress(from.Name, from.Address));
        }
        else if (channel.Address is { } address)
        {
            mime.From.Add(new MailboxAddress(channel.SenderDisplayName ?? channel.StoreName, address));
        }

        foreach (var to in message.To)
        {
            mime.To.Add(new MailboxAddress(to.Name, to.Address));
        }

        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            mime.InReplyTo = inReplyTo;
        }

        foreach (var reference in message.References)
        {
            mime.References.Add(reference);
        }

        foreach (var (name, value) in message.Headers)
        {
            if (!ReservedHeaders.Contains(name))
            {
                mime.Headers.Replace(name, value);
            }
        }

        if (message.Kind == OutgoingKind.AutoReply)
        {
            mime.Headers.Replace(HeaderId.AutoSubmitted, "auto-replied");
        }

        mime.Headers.Replace(ChannelHeader, channel.Id.Value);
        mime.Headers.Replace(ConversationHeader, message.ConversationId.Value);
        mime.Headers.Replace(KindHeader, message.Kind.ToString());
        var body = new BodyBuilder { TextBody = message.Text };
        if (message.Html is { Length: > 0 } html)
        {
            body.HtmlBody = html;
        }

        foreach (var attachment in message.Attachments)
        {
            // A type that does not parse (a template's typo) goes as bytes rather than failing the send.
            var type = ContentType.TryParse(attachment.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), type);
        }

        mime.Body = body.ToMessageBody();

        // 7-bit transfer encodings (quoted-printable or base64 for non-ASCII text) pass every relay unchanged.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is empty or white space, or the message has no recipient.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<SendReceipt> SendAsync(Channel channel, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        var name = FileNameFor(idempotencyKey);
        var path = Path.Combine(_folder, name);
        var receipt = new SendReceipt(name);
        if (File.Exists(path))
        {
            return receipt;
        }

        using var mime = ToMimeMessage(channel, message, _clock.GetCurrentInstant());
        Directory.CreateDirectory(_folder);
        var temp = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $".{name}.{Path.GetRandomFileName()}.tmp"));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await mime.WriteToAsync(Format, stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another send of the same key got there first: its file is the message.
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return receipt;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
