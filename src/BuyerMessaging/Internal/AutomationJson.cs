using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging.Internal;

/// <summary>The payload of the automation work kinds (auto-reply, smart match, smart reply, SLA checks).</summary>
internal sealed class AutomationPayload
{
    public string ConversationId { get; set; } = string.Empty;

    public string? MessageId { get; set; }

    public string? TemplateId { get; set; }

    public string? DueAt { get; set; }

    public bool FollowUp { get; set; }
}

internal sealed class OutgoingMessageDto
{
    public OutgoingKind Kind { get; set; }

    public string ConversationId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public ParticipantDto? From { get; set; }

    public List<ParticipantDto> To { get; set; } = [];

    public string Subject { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Html { get; set; }

    public string InternetMessageId { get; set; } = string.Empty;

    public string? InReplyTo { get; set; }

    public List<string> References { get; set; } = [];

    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Gets or sets the attachments; <see langword="null"/> (left out) when there are none, as in payloads written before they travelled.</summary>
    public List<AttachmentDto>? Attachments { get; set; }

    public string? TemplateId { get; set; }

    public string? MessageId { get; set; }

    public string? AnswersMessageId { get; set; }

    public string? Author { get; set; }
}

internal sealed class AttachmentDto
{
    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    /// <summary>Gets or sets the content (base64 in JSON); <see langword="null"/> once the reply was sent and its payload compacted (<see cref="AutomationJson.WithoutAttachmentContent"/>).</summary>
    public byte[]? Content { get; set; }

    /// <summary>Gets or sets the size in bytes, written when the content is dropped.</summary>
    public long? Size { get; set; }
}

internal sealed class ParticipantDto
{
    public string? Name { get; set; }

    public string Address { get; set; } = string.Empty;
}

internal sealed class InboxEventDto
{
    public string Id { get; set; } = string.Empty;

    public InboxEventKind Kind { get; set; }

    public string At { get; set; } = string.Empty;

    public string? ConversationId { get; set; }

    public string? ChannelId { get; set; }

    public string? MessageId { get; set; }

    public string? TemplateId { get; set; }

    public string? DueAt { get; set; }

    public string? Detail { get; set; }
}

/// <summary>Source-generated JSON of work payloads (camelCase, enums as strings, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AutomationPayload))]
[JsonSerializable(typeof(OutgoingMessageDto))]
[JsonSerializable(typeof(InboxEventDto))]
internal sealed partial class AutomationJsonContext : JsonSerializerContext;

/// <summary>Converts work payloads to and from JSON.</summary>
internal static class AutomationJson
{
    /// <summary>
    /// Formats an instant as <see cref="InstantPattern.ExtendedIso"/> does ("2026-11-23T09:30:00.5Z": the fraction of
    /// the second to the nanosecond, trailing zeros and an empty fraction left out). Every ingested message formats a
    /// few (its event and SLA payloads); the pattern's general machinery took several times as long as this does.
    /// </summary>
    public static string Format(Instant instant)
    {
        var utc = instant.InUtc();
        if (utc.Year < 1)
        {
            return InstantPattern.ExtendedIso.Format(instant);
        }

        var nanos = utc.NanosecondOfSecond;
        var digits = 9;
        while (nanos != 0 && nanos % 10 == 0)
        {
            nanos /= 10;
            digits--;
        }

        Span<char> text = stackalloc char[30];
        Write(text, 0, utc.Year, 4);
        text[4] = '-';
        Write(text, 5, utc.Month, 2);
        text[7] = '-';
        Write(text, 8, utc.Day, 2);
        text[10] = 'T';
        Write(text, 11, utc.Hour, 2);
        text[13] = ':';
        Write(text, 14, utc.Minute, 2);
        text[16] = ':';
        Write(text, 17, utc.Second, 2);
        var length = 19;
        if (nanos != 0)
        {
            text[length] = '.';
            Write(text, length + 1, nanos, digits);
            length += 1 + digits;
        }

        text[length++] = 'Z';
        return new string(text[..length]);

        static void Write(Span<char> text, int at, int value, int width)
        {
            for (var i = at + width - 1; i >= at; i--)
            {
                text[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }

    public static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    public static string Serialize(AutomationPayload payload) => JsonSerializer.Serialize(payload, AutomationJsonContext.Default.AutomationPayload);

    public static AutomationPayload DeserializePayload(string json) =>
        JsonSerializer.Deserialize(json, AutomationJsonContext.Default.AutomationPayload) ?? throw new JsonException("The payload is null.");

    public static string Serialize(OutgoingMessage m) => JsonSerializer.Serialize(
        new OutgoingMessageDto
        {
            Kind = m.Kind,
            ConversationId = m.ConversationId.Value,
            ChannelId = m.ChannelId.Value,
            From = m.From is { } from ? new() { Name = from.Name, Address = from.Address } : null,
            To = [.. m.To.Select(p => new ParticipantDto { Name = p.Name, Address = p.Address })],
            Subject = m.Subject,
            Text = m.Text,
            Html = m.Html,
            InternetMessageId = m.InternetMessageId,
            InReplyTo = m.InReplyTo,
            References = [.. m.References],
            Headers = new(m.Headers, StringComparer.OrdinalIgnoreCase),
            Attachments = m.Attachments.Count == 0
                ? null
                : [.. m.Attachments.Select(a => new AttachmentDto { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content.ToArray() })],
            TemplateId = m.TemplateId?.Value,
            MessageId = m.MessageId?.Value,
            AnswersMessageId = m.AnswersMessageId?.Value,
            Author = m.Author?.Value,
        },
        AutomationJsonContext.Default.OutgoingMessageDto);

    public static OutgoingMessage DeserializeOutgoing(string json)
    {
        var d = JsonSerializer.Deserialize(json, AutomationJsonContext.Default.OutgoingMessageDto) ?? throw new JsonException("The payload is null.");
        return new OutgoingMessage
        {
            Kind = d.Kind,
            ConversationId = new(d.ConversationId),
            ChannelId = new(d.ChannelId),
            From = d.From is { } from ? new(from.Name, from.Address) : null,
            To = [.. d.To.Select(p => new MailParticipant(p.Name, p.Address))],
            Subject = d.Subject,
            Text = d.Text,
            Html = d.Html,
            InternetMessageId = d.InternetMessageId,
            InReplyTo = d.InReplyTo,
            References = d.References,
            Headers = d.Headers,
            Attachments = d.Attachments is null
                ? []
                : [.. d.Attachments.Select(a => new MessageAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content ?? [] })],
            TemplateId = d.TemplateId is { } t ? new(t) : null,
            MessageId = d.MessageId is { } mid ? new(mid) : null,
            AnswersMessageId = d.AnswersMessageId is { } a ? new(a) : null,
            Author = d.Author is { } author ? new(author) : null,
        };
    }

    /// <summary>
    /// The outbox payload <paramref name="json"/> with each attachment's content replaced by its size, for an item that
    /// has been sent: the conversation keeps the files with the reply, and a sent item is never sent again.
    /// </summary>
    /// <returns>The compacted payload; <see langword="null"/> when it carries no attachment content.</returns>
    public static string? WithoutAttachmentContent(string json)
    {
        var d = JsonSerializer.Deserialize(json, AutomationJsonContext.Default.OutgoingMessageDto) ?? throw new JsonException("The payload is null.");
        if (d.Attachments is null || d.Attachments.TrueForAll(a => a.Content is null))
        {
            return null;
        }

        foreach (var a in d.Attachments)
        {
            if (a.Content is { } content)
            {
                a.Size = content.Length;
                a.Content = null;
            }
        }

        return JsonSerializer.Serialize(d, AutomationJsonContext.Default.OutgoingMessageDto);
    }

    public static string Serialize(InboxEvent e) => JsonSerializer.Serialize(
        new InboxEventDto
        {
            Id = e.Id,
            Kind = e.Kind,
            At = Format(e.At),
            ConversationId = e.ConversationId?.Value,
            ChannelId = e.ChannelId?.Value,
            MessageId = e.MessageId?.Value,
            TemplateId = e.TemplateId?.Value,
            DueAt = e.DueAt is { } due ? Format(due) : null,
            Detail = e.Detail,
        },
        AutomationJsonContext.Default.InboxEventDto);

    public static InboxEvent DeserializeEvent(string json)
    {
        var d = JsonSerializer.Deserialize(json, AutomationJsonContext.Default.InboxEventDto) ?? throw new JsonException("The payload is null.");
        return new InboxEvent
        {
            Id = d.Id,
            Kind = d.Kind,
            At = ParseInstant(d.At),
            ConversationId = d.ConversationId is { } c ? new(c) : null,
            ChannelId = d.ChannelId is { } ch ? new(ch) : null,
            MessageId = d.MessageId is { } m ? new(m) : null,
            TemplateId = d.TemplateId is { } t ? new(t) : null,
            DueAt = d.DueAt is { } due ? ParseInstant(due) : null,
            Detail = d.Detail,
        };
    }
}
