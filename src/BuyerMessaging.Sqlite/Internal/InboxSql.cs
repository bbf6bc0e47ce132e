using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Internal;

/// <summary>The inbox query and the sidebar counts in SQL.</summary>
internal static class InboxSql
{
    private const string SlaKey = "coalesce(c.sla_due_at, 9223372036854775807)";

    public static InboxPage Query(SqliteSession session, InboxQuery query, InboxCursor? cursor)
    {
        using var command = session.Connection.CreateCommand();
        var sql = new StringBuilder(512).Append("SELECT ").Append(Rows.ConversationColumns).Append(" FROM conversations c WHERE 1 = 1");
        var parameters = new Parameters(command);
        AppendIn(sql, parameters, "c.store_id", query.Stores, id => id.Value);
        AppendIn(sql, parameters, "c.channel_id", query.Channels, id => id.Value);
        AppendIn(sql, parameters, "c.status", query.Statuses, Rows.Name);
        AppendIn(sql, parameters, "c.message_type", query.MessageTypes, Rows.Name);
        AppendIn(sql, parameters, "c.language COLLATE NOCASE", query.Languages, l => l);
        if (query.Folder is { } folder)
        {
            if (SystemFolders.StatusOf(folder) is { } status)
            {
                sql.Append(" AND c.status = ").Append(parameters.Add(Rows.Name(status))).Append(" AND c.folder_id IS NULL");
            }
            else
            {
                sql.Append(" AND c.folder_id = ").Append(parameters.Add(folder.Value));
            }
        }

        if (query.Assignee is { } assignee)
        {
            sql.Append(" AND c.assignee = ").Append(parameters.Add(assignee.Value));
        }

        if (query.Unassigned)
        {
            sql.Append(" AND c.assignee IS NULL");
        }

        if (query.HasOrder is { } hasOrder)
        {
            sql.Append(hasOrder ? " AND c.order_id IS NOT NULL" : " AND c.order_id IS NULL");
        }

        if (query.Unread is { } unread)
        {
            sql.Append(unread
                ? " AND (c.read_at IS NULL OR c.read_at < c.last_inbound_at)"
                : " AND c.read_at IS NOT NULL AND c.read_at >= c.last_inbound_at");
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            AppendText(sql, parameters, TextFolding.Fold(query.Text.Trim()));
        }

        var key = query.Sort switch
        {
            InboxSort.Received => "c.last_inbound_at",
            InboxSort.SlaDue => SlaKey,
            _ => "c.updated_at",
        };
        var ascending = query.Sort == InboxSort.SlaDue;
        if (cursor is not null)
        {
            var k = parameters.Add(cursor.Key);
            var id = parameters.Add(cursor.Id.Value);
            sql.Append(CultureInfo.InvariantCulture, $" AND {key} {(ascending ? ">=" : "<=")} {k} AND ({key} {(ascending ? ">" : "<")} {k} OR c.id < {id})");
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {key} {(ascending ? "ASC" : "DESC")}, c.id DESC LIMIT {parameters.Add(query.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var items = new List<Conversation>(Math.Min(query.PageSize + 1, 64));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(Rows.ReadConversation(reader, out _));
            }
        }

        string? next = null;
        if (items.Count > query.PageSize)
        {
            items.RemoveAt(items.Count - 1);
            next = InboxCursor.After(items[^1], query.Sort).Encode();
        }

        return new InboxPage(items, next);
    }

    public static InboxCounts Count(SqliteSession session, InboxScope? scope, IReadOnlyList<Folder> folders)
    {
        using var command = session.Connection.CreateCommand();
        var sql = new StringBuilder(256).Append(
            "SELECT c.status, c.folder_id, count(*), total(c.read_at IS NULL OR c.read_at < c.last_inbound_at) FROM conversations c WHERE 1 = 1");
        var parameters = new Parameters(command);
        AppendIn(sql, parameters, "c.store_id", scope?.Stores, id => id.Value);
        AppendIn(sql, parameters, "c.channel_id", scope?.Channels, id => id.Value);
        sql.Append(" GROUP BY c.status, c.folder_id");
        command.CommandText = sql.ToString();

        var byFolder = new Dictionary<FolderId, int>();
        foreach (var folder in folders)
        {
            byFolder[folder.Id] = 0;
        }

        foreach (var system in SystemFolders.All)
        {
            byFolder.TryAdd(system.Id, 0);
        }

        var byStatus = new Dictionary<ConversationStatus, int>();
        foreach (var status in Enum.GetValues<ConversationStatus>())
        {
            byStatus[status] = 0;
        }

        int total = 0, unread = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var status = Enum.Parse<ConversationStatus>(reader.GetString(0));
            var folder = reader.IsDBNull(1) ? SystemFolders.For(status) : new FolderId(reader.GetString(1));
            var count = reader.GetInt32(2);
            byStatus[status] += count;
            byFolder[folder] = byFolder.GetValueOrDefault(folder) + count;
            total += count;
            unread += (int)reader.GetDouble(3);
        }

        return new InboxCounts { ByFolder = byFolder, ByStatus = byStatus, Unread = unread, Total = total };
    }

    /// <summary>
    /// Free text: trigram full-text search for 3 characters or more; for shorter text (a two-kanji word such as 配達),
    /// which has no trigram, a substring scan of the same folded text. Documents still queued for the index are
    /// scanned either way.
    /// </summary>
    private static void AppendText(StringBuilder sql, Parameters parameters, string folded)
    {
        var characters = 0;
        foreach (var _ in folded.EnumerateRunes())
        {
            characters++;
        }

        if (characters >= 3)
        {
            var phrase = string.Concat("\"", folded.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");
            sql.Append(" AND c.id IN (SELECT conversation_id FROM search WHERE search MATCH ").Append(parameters.Add(phrase));
        }
        else
        {
            sql.Append(" AND c.id IN (SELECT conversation_id FROM search WHERE instr(body, ").Append(parameters.Add(folded)).Append(") > 0");
        }

        // Documents not yet moved into the index (a few hundred at most).
        sql.Append(" UNION ALL SELECT conversation_id FROM search_pending WHERE instr(body, ").Append(parameters.Add(folded)).Append(") > 0)");
    }

    private static void AppendIn<T>(StringBuilder sql, Parameters parameters, string column, IReadOnlyList<T>? values, Func<T, string> toValue)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(parameters.Add(toValue(values[i])));
        }

        sql.Append(')');
    }

    /// <summary>Numbered parameters of a one-off command.</summary>
    private sealed class Parameters(SqliteCommand command)
    {
        public string Add(object value)
        {
            var name = "$p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(new SqliteParameter(name, value));
            return name;
        }
    }
}
