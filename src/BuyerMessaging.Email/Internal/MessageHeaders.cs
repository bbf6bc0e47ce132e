using MimeKit;
using MimeKit.Utils;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>Reads the headers <see cref="InboundMessage"/> needs, leniently: a header that cannot be read is left out.</summary>
internal static class MessageHeaders
{
    private static readonly string[] EnvelopeHeaders = ["Delivered-To", "X-Original-To"];

    public static MailParticipant? From(MimeMessage message)
    {
        foreach (var mailbox in message.From.Mailboxes)
        {
            if (!string.IsNullOrWhiteSpace(mailbox.Address))
            {
                return Participant(mailbox);
            }
        }

        return null;
    }

    public static List<MailParticipant> Participants(InternetAddressList list) =>
        [.. list.Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Address)).Select(m => Recipient(Participant(m)))];

    /// <summary>Envelope recipients from Delivered-To and X-Original-To, in header order, without duplicates.</summary>
    public static List<string> DeliveredTo(MimeMessage message)
    {
        var result = new List<string>();
        foreach (var header in message.Headers)
        {
            if (!EnvelopeHeaders.Any(name => header.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var value = header.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (InternetAddressList.TryParse(value, out var addresses) && addresses.Mailboxes.Any())
            {
                foreach (var mailbox in addresses.Mailboxes)
                {
                    AddDistinct(result, mailbox.Address);
                }
            }
            else
            {
                AddDistinct(result, value.Trim('<', '>', ' '));
            }
        }

        return result;
    }

    /// <summary>
    /// When the newest (topmost) Received header says the message arrived: the date after its last ';' (RFC 5322
    /// section 3.6.7); null when there is no Received header or its date is unreadable.
    /// </summary>
    public static Instant? ReceivedAt(MimeMessage message)
    {
        var index = message.Headers.IndexOf(HeaderId.Received);
        if (index < 0)
        {
            return null;
        }

        var value = message.Headers[index].Value;
        var semicolon = value.LastIndexOf(';');
        return semicolon >= 0 && DateUtils.TryParse(value[(semicolon + 1)..].Trim(), out var date)
            ? Instant.FromDateTimeOffset(date)
            : null;
    }

    /// <summary>The Date header as an instant; null when missing or unreadable.</summary>
    public static Instant? SentAt(MimeMessage message)
    {
        var value = message.Headers[HeaderId.Date];
        return !string.IsNullOrWhiteSpace(value) && DateUtils.TryParse(value, out var date)
            ? Instant.FromDateTimeOffset(date)
            : null;
    }

    /// <summary>The Message-IDs of References, oldest first, without angle brackets.</summary>
    public static List<string> References(MimeMessage message) =>
        [.. message.References.Select(StripBrackets).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];

    public static string? Header(MimeMessage message, string field)
    {
        var value = message.Headers[field];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The subject, decoded, on one line.</summary>
    public static string Subject(MimeMessage message) => OneLine(message.Subject);

    public static string? MessageId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var stripped = StripBrackets(id);
        return stripped.Length == 0 ? null : stripped;
    }

    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // A byte-order mark (UTF-16 and UTF-8 encoded-words may start with one) is not text.
        if (text.Contains('\uFEFF', StringComparison.Ordinal))
        {
            text = text.Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        }

        return string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// The recipients this thread read last: mail arrives at the seller's few own addresses, so a recipient is nearly
    /// always one of them, and one shared (immutable) record then serves every message instead of a record and its
    /// strings each, which the pipeline's waiting batches and the in-memory store would keep.
    /// </summary>
    [ThreadStatic]
    private static MailParticipant?[]? t_recentRecipients;

    [ThreadStatic]
    private static int t_nextRecipient;

    private static MailParticipant Participant(MailboxAddress mailbox)
    {
        var name = OneLine(mailbox.Name);
        return new(name.Length == 0 ? null : name, mailbox.Address.Trim());
    }

    /// <summary>An equal recipient read lately on this thread, else <paramref name="participant"/> (remembered).</summary>
    private static MailParticipant Recipient(MailParticipant participant)
    {
        var recent = t_recentRecipients ??= new MailParticipant?[4];
        foreach (var seen in recent)
        {
            if (participant.Equals(seen))
            {
                return seen;
            }
        }

        recent[t_nextRecipient] = participant;
        t_nextRecipient = (t_nextRecipient + 1) % recent.Length;
        return participant;
    }

    private static string StripBrackets(string id) => id.Trim().TrimStart('<').TrimEnd('>').Trim();

    private static void AddDistinct(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }
}
