using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>Prints the inbox list and the sidebar the way a seller sees them.</summary>
internal static class InboxView
{
    private static readonly TextColumn[] Columns =
    [
        new(string.Empty, MaxWidth: 4),
        new("ID", MaxWidth: 12),
        new("Channel", MaxWidth: 20),
        new("Buyer", MaxWidth: 18),
        new("Subject", Flexible: true),
        new("Status", MaxWidth: 14),
        new("Remaining", MaxWidth: 20),
        new("Updated", MaxWidth: 16),
        new("Replies", RightAligned: true),
        new("Type", MaxWidth: 17),
        new("Order", MaxWidth: 19),
    ];

    /// <summary>Writes the conversations as a table: read state, id, channel, buyer, subject, status, remaining, updated, replies, type, order.</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<Conversation> items, IReadOnlyDictionary<ChannelId, Channel> channels, Instant now, DateTimeZone zone, int width, bool japanese = false)
    {
        if (items.Count == 0)
        {
            writer.WriteLine("No conversations.");
            return;
        }

        var rows = items.Select(c => (IReadOnlyList<string>)
        [
            Names.Display(c.GetReadState(now)),
            c.Id.Value,
            channels.TryGetValue(c.ChannelId, out var channel) ? channel.Name : c.ChannelId.Value,
            c.Buyer.Name ?? c.Buyer.Address,
            c.Subject,
            Names.Display(c.Status),
            Names.Remaining(c, now, japanese),
            Names.Local(c.UpdatedAt, zone),
            c.SellerReplyCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Names.Display(c.MessageType),
            c.OrderId ?? string.Empty,
        ]).ToList();
        TextTable.Write(writer, Columns, rows, width);
    }

    /// <summary>Writes the sidebar: conversations per folder (hidden folders marked) and per status.</summary>
    public static void WriteCounts(TextWriter writer, InboxCounts counts, IReadOnlyList<Folder> folders, int width)
    {
        var folderRows = folders.Select(f => (IReadOnlyList<string>)
        [
            f.Name,
            f.Kind == FolderKind.System ? "system" : "custom",
            f.Hidden ? "yes" : string.Empty,
            Count(counts.ByFolder.TryGetValue(f.Id, out var n) ? n : 0),
        ]).ToList();
        TextTable.Write(writer, [new("Folder"), new("Kind"), new("Hidden"), new("Conversations", RightAligned: true)], folderRows, width);
        writer.WriteLine();
        var statusRows = Enum.GetValues<ConversationStatus>().Select(s => (IReadOnlyList<string>)
        [
            Names.Display(s),
            Count(counts.ByStatus.TryGetValue(s, out var n) ? n : 0),
        ]).ToList();
        TextTable.Write(writer, [new("Status"), new("Conversations", RightAligned: true)], statusRows, width);
        writer.WriteLine();
        writer.WriteLine($"Unread {counts.Unread} of {counts.Total} conversations.");
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
