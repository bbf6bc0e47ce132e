using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// The columns a conversation is written to, as values computed once per write. An update writes only the columns
/// whose value changed (and the version), so SQLite maintains only the indexes over those columns: an ingested reply
/// touches the time indexes, not the threading ones.
/// </summary>
internal static class ConversationRow
{
    /// <summary>The columns, <c>id</c> first; the order of <see cref="Values"/>.</summary>
    public static readonly Column[] Columns =
    [
        new("id", c => c.Id.Value),
        new("store_id", c => c.StoreId.Value),
        new("channel_id", c => c.ChannelId.Value),
        new("buyer_name", c => c.Buyer.Name),
        new("buyer_address", c => c.Buyer.Address),
        new("buyer_is_relay", c => c.Buyer.IsRelayAlias ? 1L : 0L),
        new("buyer_key", c => ThreadingKeys.BuyerKey(c.Buyer.Address)),
        new("order_id", c => c.OrderId),
        new("subject", c => c.Subject),
        new("subject_key", c => ThreadingKeys.SubjectKey(c.Subject)),
        new("message_type", c => Rows.Name(c.MessageType)),
        new("language", c => c.Language),
        new("status", c => Rows.Name(c.Status)),
        new("folder_id", c => c.FolderId?.Value),
        new("assignee", c => c.Assignee?.Value),
        new("tags", c => c.Tags is { Count: > 0 } tags ? JsonSerializer.Serialize(tags, SqliteJsonContext.Default.IReadOnlyListString) : null),
        new("read_at", c => Ticks(c.ReadAt)),
        new("seller_reply_count", c => (long)c.SellerReplyCount),
        new("message_count", c => (long)c.MessageCount),
        new("first_inbound_at", c => c.FirstInboundAt.ToUnixTimeTicks()),
        new("last_inbound_at", c => c.LastInboundAt.ToUnixTimeTicks()),
        new("first_outbound_at", c => Ticks(c.FirstOutboundAt)),
        new("last_outbound_at", c => Ticks(c.LastOutboundAt)),
        new("updated_at", c => c.UpdatedAt.ToUnixTimeTicks()),
        new("sla_due_at", c => c.SlaDueAt is { } due ? SqliteCommandExtensions.CeilingTicks(due) : null), // never due early
        new("no_reply_needed", c => c.NoReplyNeeded ? 1L : 0L),
        new("sla_paused_remaining_ns", c => c.SlaPausedRemaining is { } d ? d.ToInt64Nanoseconds() : null),
        new("no_auto_reply", c => c.NoAutoReply ? 1L : 0L),
        new("version", c => c.Version),
    ];

    /// <summary>The insert of every column.</summary>
    public static readonly string InsertSql =
        $"INSERT INTO conversations ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select(c => c.Parameter))})";

    private static readonly int VersionIndex = Array.FindIndex(Columns, c => c.Name == "version");
    private static readonly ConcurrentDictionary<ulong, string> UpdateSqlByMask = new();

    /// <summary>Computes the column values of a conversation.</summary>
    public static object?[] Values(Conversation conversation)
    {
        var values = new object?[Columns.Length];
        for (var i = 0; i < Columns.Length; i++)
        {
            values[i] = Columns[i].Value(conversation);
        }

        return values;
    }

    /// <summary>Binds every column to the insert statement (<see cref="InsertSql"/>: the columns in order).</summary>
    public static void BindInsert(SqliteStatement statement, object?[] values)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            statement.Bind(i + 1, values[i]);
        }
    }

    /// <summary>Gets the columns (by bit) whose values differ, always with the version.</summary>
    public static ulong Changed(object?[] before, object?[] after)
    {
        var mask = 1UL << VersionIndex;
        for (var i = 1; i < Columns.Length; i++)
        {
            if (!Equals(before[i], after[i]))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>Gets the update of the columns of a mask, guarded by the previous version.</summary>
    public static string UpdateSql(ulong mask) => UpdateSqlByMask.GetOrAdd(mask, static m =>
    {
        var sql = new StringBuilder("UPDATE conversations SET ");
        var first = true;
        for (var i = 1; i < Columns.Length; i++)
        {
            if ((m & (1UL << i)) != 0)
            {
                sql.Append(first ? string.Empty : ", ").Append(Columns[i].Name).Append(" = ").Append(Columns[i].Parameter);
                first = false;
            }
        }

        return sql.Append(" WHERE id = $id AND version = $previous_version").ToString();
    });

    /// <summary>Binds the columns of a mask, then the id and the previous version, to an update statement of <see cref="UpdateSql"/>.</summary>
    public static void BindUpdate(SqliteStatement statement, ulong mask, object?[] values, long previousVersion)
    {
        var index = 1;
        for (var i = 1; i < Columns.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                statement.Bind(index++, values[i]);
            }
        }

        statement.Bind(index++, values[0]);
        statement.Bind(index, previousVersion);
    }

    private static object? Ticks(Instant? instant) => instant is { } value ? value.ToUnixTimeTicks() : null;

    /// <summary>A column and how to compute its value.</summary>
    /// <param name="Name">The column name.</param>
    /// <param name="Value">Computes the value to store.</param>
    internal sealed record Column(string Name, Func<Conversation, object?> Value)
    {
        /// <summary>Gets the parameter name of the column.</summary>
        public string Parameter { get; } = "$" + Name;
    }
}
