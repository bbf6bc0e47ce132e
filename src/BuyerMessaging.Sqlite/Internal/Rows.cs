using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>The column lists of the tables and the mapping between rows and records.</summary>
internal static class Rows
{
    /// <summary>The columns <see cref="ReadConversation"/> reads, in order (alias <c>c</c>).</summary>
    public const string ConversationColumns =
        "c.seq, c.id, c.store_id, c.channel_id, c.buyer_name, c.buyer_address, c.buyer_is_relay, c.order_id, c.subject, c.message_type, "
        + "c.language, c.status, c.folder_id, c.assignee, c.tags, c.read_at, c.seller_reply_count, c.message_count, c.first_inbound_at, "
        + "c.last_inbound_at, c.first_outbound_at, c.last_outbound_at, c.updated_at, c.sla_due_at, c.no_reply_needed, c.version, "
        + "c.sla_paused_remaining_ns, c.no_auto_reply";

    /// <summary>The columns <see cref="ReadMessage"/> reads, in order (alias <c>m</c>).</summary>
    public const string MessageColumns =
        "m.seq, m.id, m.conversation_id, m.channel_id, m.direction, m.external_id, m.internet_message_id, m.in_reply_to, m.reference_ids, "
        + "m.from_name, m.from_address, m.to_json, m.cc_json, m.subject, m.text, m.html, m.attachment_count, m.at, m.sent_at, m.author";

    /// <summary>The columns <see cref="ReadChannel"/> reads, in order.</summary>
    public const string ChannelColumns =
        "id, store_id, kind, name, enabled, country_code, marketplace_id, language, address, store_name, sender_display_name, promised_response_ns, time_zone_id";

    /// <summary>The columns <see cref="ReadFolder"/> reads, in order.</summary>
    public const string FolderColumns = "id, name, kind, status, hidden, sort_order";

    public static Conversation ReadConversation(SqliteDataReader r, out long seq)
    {
        seq = r.GetInt64(0);
        return new Conversation
        {
            Id = new ConversationId(r.GetString(1)),
            StoreId = new StoreId(r.GetString(2)),
            ChannelId = new ChannelId(r.GetString(3)),
            Buyer = new Buyer(r.GetNullableString(4), r.GetString(5), r.GetInt64(6) != 0),
            OrderId = r.GetNullableString(7),
            Subject = r.GetString(8),
            MessageType = Enum.Parse<BuyerMessageType>(r.GetString(9)),
            Language = r.GetNullableString(10),
            Status = Enum.Parse<ConversationStatus>(r.GetString(11)),
            FolderId = r.IsDBNull(12) ? null : new FolderId(r.GetString(12)),
            Assignee = r.IsDBNull(13) ? null : new AgentId(r.GetString(13)),
            Tags = r.IsDBNull(14) ? [] : JsonSerializer.Deserialize(r.GetString(14), SqliteJsonContext.Default.IReadOnlyListString) ?? [],
            ReadAt = r.GetNullableInstant(15),
            SellerReplyCount = r.GetInt32(16),
            MessageCount = r.GetInt32(17),
            FirstInboundAt = r.GetInstant(18),
            LastInboundAt = r.GetInstant(19),
            FirstOutboundAt = r.GetNullableInstant(20),
            LastOutboundAt = r.GetNullableInstant(21),
            UpdatedAt = r.GetInstant(22),
            SlaDueAt = r.GetNullableInstant(23),
            NoReplyNeeded = r.GetInt64(24) != 0,
            Version = r.GetInt64(25),
            SlaPausedRemaining = r.IsDBNull(26) ? null : Duration.FromNanoseconds(r.GetInt64(26)),
            NoAutoReply = r.GetInt64(27) != 0,
        };
    }

    /// <summary>Reads a message without its attachments.</summary>
    public static Message ReadMessage(SqliteDataReader r, out long seq, out int attachmentCount)
    {
        seq = r.GetInt64(0);
        attachmentCount = r.GetInt32(16);
        return new Message
        {
            Id = new MessageId(r.GetString(1)),
            ConversationId = new ConversationId(r.GetString(2)),
            ChannelId = new ChannelId(r.GetString(3)),
            Direction = Enum.Parse<MessageDirection>(r.GetString(4)),
            ExternalId = r.GetNullableString(5),
            InternetMessageId = r.GetNullableString(6),
            InReplyTo = r.GetNullableString(7),
            References = r.IsDBNull(8) ? [] : JsonSerializer.Deserialize(r.GetString(8), SqliteJsonContext.Default.IReadOnlyListString) ?? [],
            From = new MailParticipant(r.GetNullableString(9), r.GetString(10)),
            To = ReadParticipants(r, 11),
            Cc = ReadParticipants(r, 12),
            Subject = r.GetString(13),
            Text = r.GetString(14),
            Html = r.GetNullableString(15),
            At = r.GetInstant(17),
            SentAt = r.GetNullableInstant(18),
            Author = r.IsDBNull(19) ? null : new AgentId(r.GetString(19)),
        };
    }

    public static void BindMessage(SqliteStatement statement, Message m)
    {
        statement.Bind("$id", m.Id.Value)
            .Bind("$conversation_id", m.ConversationId.Value)
            .Bind("$channel_id", m.ChannelId.Value)
            .Bind("$direction", Name(m.Direction))
            .Bind("$external_id", m.ExternalId)
            .Bind("$internet_message_id", m.InternetMessageId)
            .Bind("$in_reply_to", m.InReplyTo)
            .Bind("$reference_ids", m.References is { Count: > 0 } refs ? JsonSerializer.Serialize(refs, SqliteJsonContext.Default.IReadOnlyListString) : null)
            .Bind("$from_name", m.From.Name)
            .Bind("$from_address", m.From.Address)
            .Bind("$to_json", Participants(m.To))
            .Bind("$cc_json", Participants(m.Cc))
            .Bind("$subject", m.Subject)
            .Bind("$text", m.Text)
            .Bind("$html", m.Html)
            .Bind("$attachment_count", m.Attachments.Count)
            .Bind("$at", m.At)
            .Bind("$sent_at", m.SentAt)
            .Bind("$author", m.Author?.Value);
    }

    public static Channel ReadChannel(SqliteDataReader r) => new()
    {
        Id = new ChannelId(r.GetString(0)),
        StoreId = new StoreId(r.GetString(1)),
        Kind = Enum.Parse<ChannelKind>(r.GetString(2)),
        Name = r.GetString(3),
        Enabled = r.GetInt64(4) != 0,
        CountryCode = r.GetNullableString(5),
        MarketplaceId = r.GetNullableString(6),
        Language = r.GetNullableString(7),
        Address = r.GetNullableString(8),
        StoreName = r.GetNullableString(9),
        SenderDisplayName = r.GetNullableString(10),
        PromisedResponseTime = r.IsDBNull(11) ? null : Duration.FromNanoseconds(r.GetInt64(11)),
        TimeZoneId = r.GetNullableString(12),
    };

    public static void BindChannel(SqliteCommand command, Channel c)
    {
        command.Set("$id", c.Id.Value)
            .Set("$store_id", c.StoreId.Value)
            .Set("$kind", Name(c.Kind))
            .Set("$name", c.Name)
            .Set("$enabled", c.Enabled)
            .Set("$country_code", c.CountryCode)
            .Set("$marketplace_id", c.MarketplaceId)
            .Set("$language", c.Language)
            .Set("$address", c.Address)
            .Set("$store_name", c.StoreName)
            .Set("$sender_display_name", c.SenderDisplayName)
            .Set("$promised_response_ns", c.PromisedResponseTime is { } d ? d.ToInt64Nanoseconds() : null)
            .Set("$time_zone_id", c.TimeZoneId);
    }

    public static Folder ReadFolder(SqliteDataReader r) => new()
    {
        Id = new FolderId(r.GetString(0)),
        Name = r.GetString(1),
        Kind = Enum.Parse<FolderKind>(r.GetString(2)),
        Status = r.IsDBNull(3) ? null : Enum.Parse<ConversationStatus>(r.GetString(3)),
        Hidden = r.GetInt64(4) != 0,
        Order = r.GetInt32(5),
    };

    public static void BindFolder(SqliteCommand command, Folder f)
    {
        command.Set("$id", f.Id.Value)
            .Set("$name", f.Name)
            .Set("$kind", Name(f.Kind))
            .Set("$status", f.Status is { } s ? Name(s) : null)
            .Set("$hidden", f.Hidden)
            .Set("$order", f.Order);
    }

    /// <summary>The quarantined item with this id, with its raw content, or null.</summary>
    public static QuarantinedItem? ReadQuarantineItem(SqliteSession session, long id)
    {
        using var reader = session.Command("SELECT id, at, source, reason, channel_id, raw FROM quarantine WHERE id = $id").Set("$id", id).ExecuteReader();
        return reader.Read() ? ReadQuarantine(reader) : null;
    }

    public static QuarantinedItem ReadQuarantine(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        At = r.GetInstant(1),
        Source = r.GetNullableString(2),
        Reason = r.GetString(3),
        ChannelId = r.IsDBNull(4) ? null : new ChannelId(r.GetString(4)),
        Raw = r.GetBlob(5),
    };

    public static QuarantineEntry ReadQuarantineEntry(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        At = r.GetInstant(1),
        Source = r.GetNullableString(2),
        Reason = r.GetString(3),
        ChannelId = r.IsDBNull(4) ? null : new ChannelId(r.GetString(4)),
        Size = r.IsDBNull(5) ? 0 : r.GetInt64(5),
    };

    public static string Name(ConversationStatus value) => value switch
    {
        ConversationStatus.Open => nameof(ConversationStatus.Open),
        ConversationStatus.Pending => nameof(ConversationStatus.Pending),
        ConversationStatus.AwaitingBuyer => nameof(ConversationStatus.AwaitingBuyer),
        ConversationStatus.Resolved => nameof(ConversationStatus.Resolved),
        _ => value.ToString(),
    };

    public static string Name(MessageDirection value) => value switch
    {
        MessageDirection.Inbound => nameof(MessageDirection.Inbound),
        MessageDirection.OutboundReply => nameof(MessageDirection.OutboundReply),
        MessageDirection.SellerNote => nameof(MessageDirection.SellerNote),
        MessageDirection.ExternalForward => nameof(MessageDirection.ExternalForward),
        _ => value.ToString(),
    };

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static byte[] ToArray(ReadOnlyMemory<byte> value) =>
        MemoryMarshal.TryGetArray(value, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : value.ToArray();

    private static IReadOnlyList<MailParticipant> ReadParticipants(SqliteDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize(r.GetString(ordinal), SqliteJsonContext.Default.IReadOnlyListMailParticipant) ?? [];

    private static string? Participants(IReadOnlyList<MailParticipant> list) =>
        list is { Count: > 0 } ? JsonSerializer.Serialize(list, SqliteJsonContext.Default.IReadOnlyListMailParticipant) : null;
}
