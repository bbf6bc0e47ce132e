using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// The <c>work_items</c> table: scheduled work, the outbox and pending events. Used by the store's reads (on a read
/// connection) and by its transactions (on the writer, inside <c>BEGIN IMMEDIATE</c>, so that leasing is exclusive
/// across every connection and process on the file).
/// </summary>
internal static class WorkQueueSql
{
    private const string Columns =
        "id, kind, idempotency_key, payload, due_at, conversation_id, correlation_key, state, attempts, lease_owner, lease_expires_at, "
        + "last_error, result, created_at, completed_at";

    /// <summary>
    /// Inserts unless the key exists. No RETURNING (SQLite buffers returned rows in a temporary table per execution):
    /// a new row is what was bound plus its rowid; on a conflict nothing changes and the existing row is read by its key.
    /// </summary>
    private const string EnqueueSql =
        "INSERT INTO work_items (kind, idempotency_key, payload, due_at, conversation_id, correlation_key, state, attempts, created_at) "
        + "VALUES ($kind, $key, $payload, $due_at, $conversation_id, $correlation_key, 'Pending', 0, $now) "
        + "ON CONFLICT (idempotency_key) DO NOTHING";

    private const string GetByKeySql = "SELECT " + Columns + " FROM work_items WHERE idempotency_key = $key";

    private const string GetSql = "SELECT " + Columns + " FROM work_items WHERE id = $id";

    /// <summary>
    /// Leases in one statement. A Leased row always has <c>due_at</c> at or before its lease start, so
    /// <c>due_at &lt;= $now</c> holds for every expired lease too and the partial index on (due_at, id) serves both.
    /// </summary>
    private const string LeaseSql =
        "UPDATE work_items SET state = 'Leased', lease_owner = $owner, lease_expires_at = $expires_at, attempts = attempts + 1 "
        + "WHERE id IN (SELECT id FROM work_items WHERE state IN ('Pending', 'Leased') AND due_at <= $now "
        + "AND (state = 'Pending' OR lease_expires_at <= $now) ORDER BY due_at, id LIMIT $max) RETURNING " + Columns;

    private const string EndSql =
        "UPDATE work_items SET state = $state, "
        + "result = CASE $state WHEN 'Succeeded' THEN $text ELSE result END, "
        + "last_error = CASE $state WHEN 'Succeeded' THEN last_error ELSE $text END, "
        + "completed_at = CASE $state WHEN 'Pending' THEN completed_at ELSE $now END, "
        + "due_at = coalesce($retry_at, due_at), lease_expires_at = NULL "
        + "WHERE id = $id AND state = 'Leased' AND lease_owner = $owner";

    private const string ReplaceFinishedPayloadSql =
        "UPDATE work_items SET payload = $payload WHERE id = $id AND state IN ('Succeeded', 'Failed', 'Cancelled')";

    private const string CancelSql =
        "UPDATE work_items SET state = 'Cancelled', last_error = $reason, completed_at = $now, lease_expires_at = NULL "
        + "WHERE conversation_id = $conversation_id AND state IN ('Pending', 'Leased') AND kind IN (SELECT value FROM json_each($kinds))";

    /// <summary>The texts of <see cref="Query"/>, by the set of filters used (at most 64 variants per connection).</summary>
    private static readonly string?[] QuerySql = new string?[64];

    public static WorkItem Enqueue(SqliteSession session, NewWorkItem item, Instant now)
    {
        var inserted = session.Statement(EnqueueSql)
            .Bind("$kind", item.Kind)
            .Bind("$key", item.IdempotencyKey)
            .Bind("$payload", item.Payload)
            .Bind("$due_at", SqliteCommandExtensions.CeilingTicks(item.DueAt))
            .Bind("$conversation_id", item.ConversationId?.Value)
            .Bind("$correlation_key", item.CorrelationKey)
            .Bind("$now", now)
            .Execute();
        if (inserted == 0)
        {
            return ReadOne(session.Command(GetByKeySql).Set("$key", item.IdempotencyKey))!;
        }

        // The row as a read would return it: instants are stored as ticks (a due instant rounded up, see CeilingTicks).
        return new WorkItem
        {
            Id = session.LastInsertRowId(),
            Kind = item.Kind,
            IdempotencyKey = item.IdempotencyKey,
            Payload = item.Payload,
            DueAt = Instant.FromUnixTimeTicks(SqliteCommandExtensions.CeilingTicks(item.DueAt)),
            ConversationId = item.ConversationId,
            CorrelationKey = item.CorrelationKey,
            State = WorkItemState.Pending,
            CreatedAt = Instant.FromUnixTimeTicks(now.ToUnixTimeTicks()),
        };
    }

    public static WorkItem? Get(SqliteSession session, long id) => ReadOne(session.Command(GetSql).Set("$id", id));

    public static IReadOnlyList<WorkItem> Query(SqliteSession session, WorkItemQuery query)
    {
        var kinds = query.Kinds is { Count: > 0 } k ? k : null;
        var states = query.States is { Count: > 0 } s ? s : null;
        var flags = (kinds is null ? 0 : 1) | (states is null ? 0 : 2) | (query.ConversationId is null ? 0 : 4)
            | (query.CorrelationKey is null ? 0 : 8) | (query.CreatedAtOrAfter is null ? 0 : 16) | (query.NewestFirst ? 32 : 0);
        var sql = QuerySql[flags] ??= BuildQuery(flags);
        var command = session.Command(sql).Set("$limit", query.Limit);
        if (kinds is not null)
        {
            command.Set("$kinds", ToJson(kinds));
        }

        if (states is not null)
        {
            command.Set("$states", ToJson([.. states.Select(StateName)]));
        }

        if (query.ConversationId is { } conversation)
        {
            command.Set("$conversation_id", conversation.Value);
        }

        if (query.CorrelationKey is { } correlation)
        {
            command.Set("$correlation_key", correlation);
        }

        if (query.CreatedAtOrAfter is { } after)
        {
            command.Set("$created_at", SqliteCommandExtensions.CeilingTicks(after));
        }

        return ReadAll(command);
    }

    public static IReadOnlyList<WorkItem> Lease(SqliteSession session, Instant now, string owner, Duration leaseDuration, int max)
    {
        var command = session.Command(LeaseSql)
            .Set("$owner", owner)
            .Set("$expires_at", now + leaseDuration)
            .Set("$now", now)
            .Set("$max", max);
        var items = ReadAll(command);

        // RETURNING yields rows in no defined order.
        items.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : a.Id.CompareTo(b.Id));
        return items;
    }

    public static bool End(SqliteSession session, long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt) =>
        session.Command(EndSql)
            .Set("$id", id)
            .Set("$owner", owner)
            .Set("$state", StateName(outcome))
            .Set("$text", resultOrError)
            .Set("$now", now)
            .Set("$retry_at", outcome == WorkItemState.Pending && retryAt is { } retry ? SqliteCommandExtensions.CeilingTicks(retry) : null)
            .ExecuteNonQuery() > 0;

    public static bool ReplaceFinishedPayload(SqliteSession session, long id, string payload) =>
        session.Command(ReplaceFinishedPayloadSql)
            .Set("$id", id)
            .Set("$payload", payload)
            .ExecuteNonQuery() > 0;

    public static int Cancel(SqliteSession session, ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason) =>
        kinds.Count == 0
            ? 0
            : session.Command(CancelSql)
                .Set("$conversation_id", conversationId.Value)
                .Set("$kinds", ToJson([.. kinds]))
                .Set("$now", now)
                .Set("$reason", reason)
                .ExecuteNonQuery();

    private static string BuildQuery(int flags)
    {
        var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM work_items WHERE 1");
        if ((flags & 1) != 0)
        {
            sql.Append(" AND kind IN (SELECT value FROM json_each($kinds))");
        }

        if ((flags & 2) != 0)
        {
            sql.Append(" AND state IN (SELECT value FROM json_each($states))");
        }

        if ((flags & 4) != 0)
        {
            sql.Append(" AND conversation_id = $conversation_id");
        }

        if ((flags & 8) != 0)
        {
            sql.Append(" AND correlation_key = $correlation_key");
        }

        if ((flags & 16) != 0)
        {
            sql.Append(" AND created_at >= $created_at");
        }

        return sql.Append((flags & 32) != 0 ? " ORDER BY id DESC" : " ORDER BY id").Append(" LIMIT $limit").ToString();
    }

    private static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, SqliteJsonContext.Default.IReadOnlyListString);

    private static WorkItem? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static List<WorkItem> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<WorkItem>();
        while (reader.Read())
        {
            items.Add(Read(reader));
        }

        return items;
    }

    private static WorkItem Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Kind = reader.GetString(1),
        IdempotencyKey = reader.GetString(2),
        Payload = reader.GetString(3),
        DueAt = reader.GetInstant(4),
        ConversationId = reader.IsDBNull(5) ? null : new ConversationId(reader.GetString(5)),
        CorrelationKey = reader.GetNullableString(6),
        State = ParseState(reader.GetString(7)),
        Attempts = reader.GetInt32(8),
        LeaseOwner = reader.GetNullableString(9),
        LeaseExpiresAt = reader.GetNullableInstant(10),
        LastError = reader.GetNullableString(11),
        Result = reader.GetNullableString(12),
        CreatedAt = reader.GetInstant(13),
        CompletedAt = reader.GetNullableInstant(14),
    };

    private static string StateName(WorkItemState state) => state switch
    {
        WorkItemState.Pending => "Pending",
        WorkItemState.Leased => "Leased",
        WorkItemState.Succeeded => "Succeeded",
        WorkItemState.Failed => "Failed",
        WorkItemState.Cancelled => "Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a work item state."),
    };

    private static WorkItemState ParseState(string name) => name switch
    {
        "Pending" => WorkItemState.Pending,
        "Leased" => WorkItemState.Leased,
        "Succeeded" => WorkItemState.Succeeded,
        "Failed" => WorkItemState.Failed,
        "Cancelled" => WorkItemState.Cancelled,
        _ => throw new InvalidDataException($"'{name}' is not a work item state."),
    };
}
