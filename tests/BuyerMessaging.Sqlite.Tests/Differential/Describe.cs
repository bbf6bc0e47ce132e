using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace BuyerMessaging.Tests.Differential;

/// <summary>
/// Renders what a user can see through the public API as text, field by field, so that the two stores are compared on
/// values (not on the list types they happen to return) and a difference reads as a line of text.
/// </summary>
/// <remarks>
/// Normalisation, where the stores may legitimately differ: instants are rendered to the 100 ns tick (the SQLite store
/// keeps ticks, as its README's known limits say; the scenario's clock moves in whole ticks, so nothing is lost).
/// </remarks>
internal static class Describe
{
    public static string Conversation(Conversation? c) => c is null
        ? "(none)"
        : Fields(
            ("id", c.Id.Value), ("store", c.StoreId.Value), ("channel", c.ChannelId.Value), ("buyer", c.Buyer.ToString()),
            ("order", c.OrderId), ("subject", c.Subject), ("type", c.MessageType.ToString()), ("language", c.Language),
            ("status", c.Status.ToString()), ("folder", c.FolderId?.Value), ("assignee", c.Assignee?.Value),
            ("tags", string.Join("|", c.Tags)), ("readAt", Instant(c.ReadAt)), ("replies", Int(c.SellerReplyCount)),
            ("messages", Int(c.MessageCount)), ("firstIn", Instant(c.FirstInboundAt)), ("lastIn", Instant(c.LastInboundAt)),
            ("firstOut", Instant(c.FirstOutboundAt)), ("lastOut", Instant(c.LastOutboundAt)), ("updated", Instant(c.UpdatedAt)),
            ("slaDue", Instant(c.SlaDueAt)), ("slaPaused", c.SlaPausedRemaining?.ToString()), ("noReply", Bool(c.NoReplyNeeded)),
            ("noAuto", Bool(c.NoAutoReply)), ("version", c.Version.ToString(CultureInfo.InvariantCulture)),
            ("unread", Bool(c.IsUnread)));

    public static string Message(Message m) => Fields(
        ("id", m.Id.Value), ("conversation", m.ConversationId.Value), ("channel", m.ChannelId.Value), ("direction", m.Direction.ToString()),
        ("external", m.ExternalId), ("messageId", m.InternetMessageId), ("inReplyTo", m.InReplyTo), ("references", string.Join(" ", m.References)),
        ("from", m.From.ToString()), ("to", string.Join("; ", m.To)), ("cc", string.Join("; ", m.Cc)), ("subject", m.Subject),
        ("text", m.Text), ("html", m.Html), ("attachments", string.Join("; ", m.Attachments.Select(Attachment))),
        ("at", Instant(m.At)), ("sentAt", Instant(m.SentAt)), ("author", m.Author?.Value));

    public static string Change(ConversationChange h) => Fields(
        ("conversation", h.ConversationId.Value), ("at", Instant(h.At)), ("actor", h.Actor), ("what", h.What), ("from", h.From), ("to", h.To));

    public static string WorkItem(WorkItem w) => Fields(
        ("id", w.Id.ToString(CultureInfo.InvariantCulture)), ("kind", w.Kind), ("key", w.IdempotencyKey), ("payload", w.Payload),
        ("due", Instant(w.DueAt)), ("conversation", w.ConversationId?.Value), ("correlation", w.CorrelationKey), ("state", w.State.ToString()),
        ("attempts", Int(w.Attempts)), ("owner", w.LeaseOwner), ("leaseExpires", Instant(w.LeaseExpiresAt)), ("error", w.LastError),
        ("result", w.Result), ("created", Instant(w.CreatedAt)), ("completed", Instant(w.CompletedAt)));

    public static string Counts(InboxCounts counts) =>
        "folders: " + string.Join(", ", counts.ByFolder.OrderBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
        + " | statuses: " + string.Join(", ", counts.ByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))
        + string.Create(CultureInfo.InvariantCulture, $" | unread={counts.Unread} total={counts.Total}");

    public static string Query(InboxQuery q) => Fields(
        ("stores", Join(q.Stores?.Select(s => s.Value))), ("channels", Join(q.Channels?.Select(c => c.Value))),
        ("statuses", Join(q.Statuses?.Select(s => s.ToString()))), ("folder", q.Folder?.Value), ("assignee", q.Assignee?.Value),
        ("unassigned", q.Unassigned ? "true" : null), ("types", Join(q.MessageTypes?.Select(t => t.ToString()))),
        ("languages", Join(q.Languages)), ("hasOrder", q.HasOrder?.ToString()), ("unread", q.Unread?.ToString()),
        ("text", q.Text is null ? null : $"'{q.Text}'"), ("sort", q.Sort.ToString()), ("pageSize", Int(q.PageSize)));

    public static string Scope(InboxScope? scope) => scope is null
        ? "(all)"
        : Fields(("stores", Join(scope.Stores?.Select(s => s.Value))), ("channels", Join(scope.Channels?.Select(c => c.Value))));

    public static string Instant(Instant? instant) => instant is { } i ? i.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture) : "-";

    private static string Attachment(MessageAttachment a) =>
        $"{a.FileName} {a.ContentType} {a.Size} {Convert.ToHexStringLower(SHA256.HashData(a.Content.Span))[..12]}";

    private static string? Join(IEnumerable<string>? values) => values is null ? null : "[" + string.Join(",", values) + "]";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Fields(params (string Name, string? Value)[] fields)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                sb.Append(sb.Length == 0 ? string.Empty : " ").Append(name).Append('=').Append(value.Replace("\n", "\\n", StringComparison.Ordinal));
            }
        }

        return sb.ToString();
    }
}
