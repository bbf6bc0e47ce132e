using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>Maps the SDK's model to the CLI's JSON contracts.</summary>
internal static class JsonMapper
{
    public static ConversationJson Conversation(Conversation c, IReadOnlyDictionary<ChannelId, Channel> channels, Instant now) => new()
    {
        Id = c.Id.Value,
        StoreId = c.StoreId.Value,
        ChannelId = c.ChannelId.Value,
        ChannelName = channels.TryGetValue(c.ChannelId, out var channel) ? channel.Name : null,
        BuyerName = c.Buyer.Name ?? string.Empty,
        BuyerAddress = c.Buyer.Address,
        BuyerIsRelayAlias = c.Buyer.IsRelayAlias,
        OrderId = c.OrderId,
        Subject = c.Subject,
        MessageType = Names.Camel(c.MessageType),
        Language = c.Language,
        Status = Names.Camel(c.Status),
        FolderId = c.FolderId?.Value,
        Assignee = c.Assignee?.Value,
        Tags = c.Tags,
        ReadState = Names.Json(c.GetReadState(now)),
        ReadAt = Names.Iso(c.ReadAt),
        SellerReplyCount = c.SellerReplyCount,
        MessageCount = c.MessageCount,
        FirstInboundAt = Names.Iso(c.FirstInboundAt),
        LastInboundAt = Names.Iso(c.LastInboundAt),
        FirstOutboundAt = Names.Iso(c.FirstOutboundAt),
        LastOutboundAt = Names.Iso(c.LastOutboundAt),
        UpdatedAt = Names.Iso(c.UpdatedAt),
        SlaDueAt = Names.Iso(c.SlaDueAt),
        Sla = Sla(c, now),
        NoReplyNeeded = c.NoReplyNeeded,
        Version = c.Version,
    };

    public static SlaJson Sla(Conversation c, Instant now)
    {
        var sla = Names.Sla(c, now);
        return new(Names.Camel(sla.State), sla.HoursLeft, sla.DaysOverdue, sla.HoursOverdue, Names.Remaining(c, now));
    }

    public static MessageJson Message(Message m) => new(
        m.Id.Value,
        Names.Camel(m.Direction),
        Participant(m.From),
        m.To.Select(Participant).ToList(),
        m.Cc.Select(Participant).ToList(),
        Names.Iso(m.At),
        Names.Iso(m.SentAt),
        m.Subject,
        m.Text,
        m.Author?.Value,
        Attachments(m.Attachments));

    public static HistoryJson History(ConversationChange change) =>
        new(change.What, change.From, change.To, change.Actor, Names.Iso(change.At));

    public static IReadOnlyList<AttachmentJson> Attachments(IReadOnlyList<MessageAttachment> attachments) =>
        attachments.Select(a => new AttachmentJson(a.FileName, a.ContentType, a.Size, a.Defect)).ToList();

    public static FolderJson Folder(Folder f) =>
        new(f.Id.Value, f.Name, Names.Camel(f.Kind), f.Status is { } s ? Names.Camel(s) : null, f.Hidden, f.Order);

    public static ChannelJson Channel(Channel c) =>
        new(c.Id.Value, Names.Camel(c.Kind), c.Name, c.Address, c.CountryCode, c.Enabled);

    public static ParsedMessageJson Parsed(InboundMessage m) => new(
        m.ChannelKind == ChannelKind.Amazon ? "amazon" : "email",
        m.Marketplace,
        m.OrderId,
        m.BuyerName,
        Names.Camel(m.MessageType),
        m.Language,
        m.Subject,
        m.From.Address,
        m.InternetMessageId,
        m.Text,
        Attachments(m.Attachments));

    public static CountsJson Counts(InboxCounts counts, IReadOnlyList<Folder> folders) => new(
        folders.Select(f => new FolderCountJson(f.Id.Value, f.Name, Names.Camel(f.Kind), f.Hidden, counts.ByFolder.TryGetValue(f.Id, out var n) ? n : 0)).ToList(),
        Enum.GetValues<ConversationStatus>().Select(s => new StatusCountJson(Names.Camel(s), Names.Display(s), counts.ByStatus.TryGetValue(s, out var n) ? n : 0)).ToList(),
        counts.Unread,
        counts.Total);

    private static ParticipantJson Participant(MailParticipant p) => new(p.Name, p.Address);
}
