using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BuyerMessaging.Internal;

/// <summary>
/// The database schema and its migrations. The schema version is kept in <c>PRAGMA user_version</c>; on open, every
/// step newer than the file's version runs, in order, in one <c>BEGIN IMMEDIATE</c> transaction, so two processes that
/// open a new file at once migrate it once.
/// </summary>
internal static class Schema
{
    /// <summary>The name of the id sequence of conversations.</summary>
    public const string ConversationSequence = "conversation";

    /// <summary>The name of the id sequence of messages.</summary>
    public const string MessageSequence = "message";

    /// <summary>The name of the counter bumped by every change of stores, channels or folders (cache invalidation).</summary>
    public const string ConfigSequence = "config";

    /// <summary>The name of the counter bumped by every saved or deleted rule: the <see cref="RuleSet.Revision"/>.</summary>
    public const string RulesSequence = "rules";

    /// <summary>The migration steps, oldest first; step N brings the schema to version N. Append only: never edit a shipped step.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "initial schema", V1),
        new(2, "conversation SLA pause and no-auto-reply; work queue and outbox, channel policies, rules, agents, templates, favourites", V2),
        new(3, "quarantine keyed by the SHA-256 of the raw input", QuarantineRawHash),
        new(4, "full-text index leaves sized to the database page", FullTextLeafSize),
        new(5, "the Message-IDs each message names in In-Reply-To and References (threading a message that arrives after a reply to it)", MessageReferences),
        new(6, "why an attachment was read damaged (cut short, invalid base64), kept with the attachment", AttachmentDefects),
    ];

    /// <summary>The page size of a new file, in bytes (SQLite's default is 4096; an existing file keeps its own).</summary>
    public const int NewFilePageSize = 8192;

    /// <summary>Gets the version this library creates and understands.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>.</summary>
    /// <param name="session">The writer session.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="dataSource">The data source, for the log.</param>
    /// <returns>The version the file had before.</returns>
    /// <exception cref="NotSupportedException">The file was written by a newer version of this library.</exception>
    public static int Migrate(SqliteSession session, ILogger logger, string dataSource)
    {
        session.Execute("BEGIN IMMEDIATE");
        try
        {
            var before = Convert.ToInt32(session.Command("PRAGMA user_version").ExecuteScalar(), CultureInfo.InvariantCulture);
            if (before > CurrentVersion)
            {
                throw new NotSupportedException(
                    $"The database '{dataSource}' has schema version {before}, newer than the version {CurrentVersion} this BuyerMessaging.Sqlite understands; update the package.");
            }

            foreach (var step in Migrations)
            {
                if (step.Version <= before)
                {
                    continue;
                }

                step.Apply(session.Connection);
                using var command = session.Connection.CreateCommand();
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {step.Version}");
                command.ExecuteNonQuery();
                Log.MigrationApplied(logger, dataSource, step.Version, step.Description);
            }

            session.Execute("COMMIT");
            return before;
        }
        catch
        {
            if (session.InTransaction)
            {
                session.Execute("ROLLBACK");
            }

            throw;
        }
    }

    private static void V1(SqliteConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE id_sequences (
                    name TEXT NOT NULL PRIMARY KEY,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO id_sequences (name, value) VALUES ('conversation', 0), ('message', 0), ('config', 0);

                CREATE TABLE stores (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE channels (
                    id TEXT NOT NULL PRIMARY KEY,
                    store_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    enabled INTEGER NOT NULL,
                    country_code TEXT,
                    marketplace_id TEXT,
                    language TEXT,
                    address TEXT,
                    store_name TEXT,
                    sender_display_name TEXT,
                    promised_response_ns INTEGER,
                    time_zone_id TEXT
                ) WITHOUT ROWID;

                CREATE TABLE folders (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT,
                    hidden INTEGER NOT NULL,
                    sort_order INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE conversations (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    store_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    buyer_name TEXT,
                    buyer_address TEXT NOT NULL,
                    buyer_is_relay INTEGER NOT NULL,
                    buyer_key TEXT NOT NULL,
                    order_id TEXT,
                    subject TEXT NOT NULL,
                    subject_key TEXT NOT NULL,
                    message_type TEXT NOT NULL,
                    language TEXT,
                    status TEXT NOT NULL,
                    folder_id TEXT,
                    assignee TEXT,
                    tags TEXT,
                    read_at INTEGER,
                    seller_reply_count INTEGER NOT NULL,
                    message_count INTEGER NOT NULL,
                    first_inbound_at INTEGER NOT NULL,
                    last_inbound_at INTEGER NOT NULL,
                    first_outbound_at INTEGER,
                    last_outbound_at INTEGER,
                    updated_at INTEGER NOT NULL,
                    sla_due_at INTEGER,
                    no_reply_needed INTEGER NOT NULL,
                    version INTEGER NOT NULL
                );
                CREATE INDEX ix_conversations_updated ON conversations (updated_at, id);
                CREATE INDEX ix_conversations_received ON conversations (last_inbound_at, id);
                CREATE INDEX ix_conversations_sla ON conversations (coalesce(sla_due_at, 9223372036854775807), id DESC);
                CREATE INDEX ix_conversations_status_folder ON conversations (status, folder_id, updated_at, id);
                CREATE INDEX ix_conversations_folder ON conversations (folder_id, updated_at, id) WHERE folder_id IS NOT NULL;
                CREATE INDEX ix_conversations_assignee ON conversations (assignee) WHERE assignee IS NOT NULL;
                CREATE INDEX ix_conversations_store_buyer_order ON conversations (store_id, buyer_key, order_id);
                CREATE INDEX ix_conversations_channel_buyer_subject ON conversations (channel_id, buyer_key, subject_key);

                CREATE TABLE messages (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL REFERENCES conversations (id),
                    store_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    external_id TEXT,
                    internet_message_id TEXT,
                    in_reply_to TEXT,
                    reference_ids TEXT,
                    from_name TEXT,
                    from_address TEXT NOT NULL,
                    to_json TEXT,
                    cc_json TEXT,
                    subject TEXT NOT NULL,
                    text TEXT NOT NULL,
                    html TEXT,
                    attachment_count INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    sent_at INTEGER,
                    author TEXT
                );
                CREATE INDEX ix_messages_conversation ON messages (conversation_id, at);
                CREATE INDEX ix_messages_external_id ON messages (channel_id, external_id) WHERE external_id IS NOT NULL;
                CREATE INDEX ix_messages_internet_message_id ON messages (store_id, internet_message_id) WHERE internet_message_id IS NOT NULL;

                CREATE TABLE attachments (
                    seq INTEGER PRIMARY KEY,
                    message_seq INTEGER NOT NULL REFERENCES messages (seq),
                    ordinal INTEGER NOT NULL,
                    file_name TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    content BLOB
                );
                CREATE UNIQUE INDEX ux_attachments_message ON attachments (message_seq, ordinal);

                CREATE TABLE participants (
                    conversation_id TEXT NOT NULL,
                    address TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, address)
                ) WITHOUT ROWID;

                CREATE TABLE history (
                    conversation_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    what TEXT NOT NULL,
                    from_value TEXT,
                    to_value TEXT,
                    PRIMARY KEY (conversation_id, seq)
                ) WITHOUT ROWID;

                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    source TEXT,
                    reason TEXT NOT NULL,
                    channel_id TEXT,
                    raw BLOB
                );

                CREATE VIRTUAL TABLE search USING fts5 (body, conversation_id UNINDEXED, tokenize = 'trigram case_sensitive 1');
                CREATE TABLE search_pending (
                    seq INTEGER PRIMARY KEY,
                    fts_rowid INTEGER,
                    conversation_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                """;
            command.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO folders (id, name, kind, status, hidden, sort_order) VALUES ($id, $name, $kind, $status, $hidden, $order)";
        foreach (var folder in SystemFolders.All)
        {
            Rows.BindFolder(insert, folder);
            insert.ExecuteNonQuery();
        }
    }

    private static void V2(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();

        // work_items: a Leased row always has due_at <= its lease start (only due rows are leased and a lease never
        // moves due_at), so the partial index on (due_at, id) serves both due pending rows and expired leases.
        command.CommandText = """
            INSERT INTO id_sequences (name, value) VALUES ('rules', 0);

            ALTER TABLE conversations ADD COLUMN sla_paused_remaining_ns INTEGER;
            ALTER TABLE conversations ADD COLUMN no_auto_reply INTEGER NOT NULL DEFAULT 0;

            CREATE TABLE work_items (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                payload TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                conversation_id TEXT,
                correlation_key TEXT,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                last_error TEXT,
                result TEXT,
                created_at INTEGER NOT NULL,
                completed_at INTEGER
            );
            CREATE UNIQUE INDEX ux_work_items_key ON work_items (idempotency_key);
            CREATE INDEX ix_work_items_due ON work_items (due_at, id) WHERE state IN ('Pending', 'Leased');
            CREATE INDEX ix_work_items_conversation ON work_items (conversation_id, kind) WHERE conversation_id IS NOT NULL;
            CREATE INDEX ix_work_items_correlation ON work_items (correlation_key, kind) WHERE correlation_key IS NOT NULL;

            CREATE TABLE channel_policies (
                channel_id TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE rules (
                id TEXT NOT NULL PRIMARY KEY,
                sort_order INTEGER NOT NULL,
                json TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE agents (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE templates (
                id TEXT NOT NULL PRIMARY KEY,
                store_id TEXT,
                json TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE favourites (
                store_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                template_id TEXT NOT NULL,
                PRIMARY KEY (store_id, ordinal)
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Adds <c>quarantine.raw_sha256</c> (filled for the items already stored) and its index, so the same raw input is
    /// quarantined once. Idempotent, so it can run at any position of the migration list.
    /// </summary>
    private static void QuarantineRawHash(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('quarantine') WHERE name = 'raw_sha256'";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE quarantine ADD COLUMN raw_sha256 BLOB";
            command.ExecuteNonQuery();
        }

        command.CommandText = "CREATE INDEX IF NOT EXISTS ix_quarantine_raw_sha256 ON quarantine (raw_sha256) WHERE raw_sha256 IS NOT NULL";
        command.ExecuteNonQuery();

        var hashes = new List<(long Id, byte[] Hash)>();
        command.CommandText = "SELECT id, raw FROM quarantine WHERE raw_sha256 IS NULL AND length(raw) > 0";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                hashes.Add((reader.GetInt64(0), System.Security.Cryptography.SHA256.HashData((byte[])reader.GetValue(1))));
            }
        }

        command.CommandText = "UPDATE quarantine SET raw_sha256 = $hash WHERE id = $id";
        foreach (var (id, hash) in hashes)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$hash", hash);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Sets the FTS5 leaf size (<c>pgsz</c>, 1000 bytes by default) to the database page less some headroom, so a batch
    /// of documents writes a fraction of the leaf rows, each still in one page without overflow. Segments written before
    /// keep their leaves; queries read both. Idempotent.
    /// </summary>
    private static void FullTextLeafSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var pageSize = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "INSERT INTO search (search, rank) VALUES ('pgsz', $pgsz)";
        command.Parameters.AddWithValue("$pgsz", FullTextLeafBytes(pageSize));
        command.ExecuteNonQuery();
    }

    private static void MessageReferences(SqliteConnection connection)
    {
        // One row per Message-ID a message names (ThreadingKeys.ReferencedIds: In-Reply-To, References; never its own),
        // filled for the messages already stored.
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS message_references (
                store_id TEXT NOT NULL,
                reference TEXT NOT NULL,
                message_seq INTEGER NOT NULL,
                PRIMARY KEY (store_id, reference, message_seq)
            ) WITHOUT ROWID;

            INSERT OR IGNORE INTO message_references (store_id, reference, message_seq)
            SELECT store_id, in_reply_to, seq FROM messages
            WHERE in_reply_to IS NOT NULL AND in_reply_to <> '' AND in_reply_to IS NOT internet_message_id;

            INSERT OR IGNORE INTO message_references (store_id, reference, message_seq)
            SELECT m.store_id, r.value, m.seq FROM messages m, json_each(m.reference_ids) r
            WHERE m.reference_ids IS NOT NULL AND r.type = 'text' AND r.value <> '' AND r.value IS NOT m.internet_message_id;
            """;
        command.ExecuteNonQuery();
    }

    private static void AttachmentDefects(SqliteConnection connection)
    {
        // MessageAttachment.Defect: null for an attachment read whole (every attachment stored before this step).
        using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE attachments ADD COLUMN defect TEXT";
        command.ExecuteNonQuery();
    }

    /// <summary>Gets the FTS5 leaf size for a database page size: the page less 128 bytes for the row and cell headers.</summary>
    /// <param name="pageSize">The database page size, in bytes.</param>
    /// <returns>The leaf size, in bytes.</returns>
    public static long FullTextLeafBytes(long pageSize) => pageSize - 128;

    /// <summary>One migration step.</summary>
    /// <param name="Version">The schema version after the step.</param>
    /// <param name="Description">What the step does.</param>
    /// <param name="Apply">Applies the step inside the migration transaction.</param>
    internal sealed record Migration(int Version, string Description, Action<SqliteConnection> Apply);
}
