using BuyerMessaging.Internal;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>A file written by schema version 1 opens, migrates to the current version and keeps its data.</summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 20, 9, 0);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task OpenAsync_VersionOneFile_MigratesKeepsDataAndTheNewTablesWork()
    {
        CreateVersionOneFile();

        await using (var store = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            Assert.Equal((long)Schema.CurrentVersion, Scalar("PRAGMA user_version"));
            var c = await store.GetConversationAsync(new ConversationId("1"));
            Assert.NotNull(c);
            Assert.Equal(("Where is my parcel?", "111-2345678-1234567", T0 + Duration.FromHours(24), 3L), (c.Subject, c.OrderId, c.SlaDueAt, c.Version));
            Assert.Null(c.SlaPausedRemaining);
            Assert.False(c.NoAutoReply);
            Assert.Equal([new Store { Id = new("northwind"), Name = "Northwind" }], await store.GetStoresAsync());
            Assert.Equal([c.Id], (await store.QueryAsync(new InboxQuery { Text = "PARCEL" })).Items.Select(i => i.Id));
            Assert.Equal([c.Id], (await store.QueryAsync(new InboxQuery { Text = "has not arrived" })).Items.Select(i => i.Id));
            Assert.Empty((await store.QueryAsync(new InboxQuery { Text = "arrived has" })).Items);
            Assert.Equal(["It has not arrived yet."], (await store.GetMessagesAsync(c.Id)).Select(m => m.Text));

            // Version 6 keeps why an attachment was read damaged; one stored before was read whole.
            var attachment = Assert.Single(Assert.Single(await store.GetMessagesAsync(c.Id)).Attachments);
            Assert.Equal(("label.pdf", 4L, (string?)null), (attachment.FileName, attachment.Size, attachment.Defect));

            var before = await store.GetRulesAsync();
            Assert.Equal((0, 0L), (before.Rules.Count, before.Revision));

            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                // Version 5 indexed the Message-IDs the stored message names (not its own).
                var reply = new MessageLocation(new MessageId("1"), c.Id, new ChannelId("northwind-amazon-us"));
                Assert.Equal(reply, await tx.FindMessageReferencingAsync(c.StoreId, "parent@example.com", "jane@marketplace.amazon.com"));
                Assert.Equal(reply, await tx.FindMessageReferencingAsync(c.StoreId, "root@example.com", "jane@marketplace.amazon.com"));
                Assert.Null(await tx.FindMessageReferencingAsync(c.StoreId, "reply@example.com", "jane@marketplace.amazon.com"));

                Assert.Equal("2", (await tx.NewConversationIdAsync()).Value);
                await tx.UpdateConversationAsync(c with { NoAutoReply = true, SlaPausedRemaining = Duration.FromHours(20), Version = 4 });
                await tx.EnqueueWorkAsync(new NewWorkItem(WorkKinds.SlaBreach, "sla:1", "{}", T0) { ConversationId = c.Id }, T0);
                await tx.SaveRuleAsync(new Rule { Id = new("r"), Name = "R", Conditions = [RuleCondition.SubjectContains("parcel")], Actions = [RuleAction.AddTag("p")] });
                await tx.SaveAgentAsync(new Agent { Id = new("kim"), Name = "Kim" });
                await tx.CommitAsync();
            }
        }

        await using var reopened = await SqliteConversationStore.OpenAsync(_database.Path);
        var updated = (await reopened.GetConversationAsync(new ConversationId("1")))!;
        Assert.Equal((true, Duration.FromHours(20)), (updated.NoAutoReply, updated.SlaPausedRemaining));
        Assert.Equal("sla:1", Assert.Single(await reopened.QueryWorkAsync(new WorkItemQuery { ConversationId = updated.Id })).IdempotencyKey);
        var rules = await reopened.GetRulesAsync();
        Assert.Equal((1L, "r"), (rules.Revision, Assert.Single(rules.Rules).Id.Value));
        Assert.Equal("Kim", Assert.Single(await reopened.GetAgentsAsync()).Name);
    }

    /// <summary>Writes a file as version 1 of the package left it: the first (never edited) step, then version-1 rows.</summary>
    private void CreateVersionOneFile()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        var first = Schema.Migrations[0];
        Assert.Equal(1, first.Version);
        first.Apply(connection);
        using var command = connection.CreateCommand();
        var t0 = T0.ToUnixTimeTicks();
        command.CommandText = $"""
            PRAGMA user_version = 1;
            INSERT INTO stores (id, name) VALUES ('northwind', 'Northwind');
            UPDATE id_sequences SET value = 1 WHERE name = 'conversation';
            INSERT INTO conversations (id, store_id, channel_id, buyer_name, buyer_address, buyer_is_relay, buyer_key, order_id, subject,
                subject_key, message_type, language, status, folder_id, assignee, tags, read_at, seller_reply_count, message_count,
                first_inbound_at, last_inbound_at, first_outbound_at, last_outbound_at, updated_at, sla_due_at, no_reply_needed, version)
            VALUES ('1', 'northwind', 'northwind-amazon-us', 'Jane', 'jane@marketplace.amazon.com', 1, 'jane', '111-2345678-1234567',
                'Where is my parcel?', 'where is my parcel?', 'ShippingInquiry', 'en', 'Open', NULL, NULL, NULL, NULL, 0, 1,
                {t0}, {t0}, NULL, NULL, {t0}, {(T0 + Duration.FromHours(24)).ToUnixTimeTicks()}, 0, 3);
            INSERT INTO search (rowid, body, conversation_id) VALUES (-1, 'where is my parcel?', '1'), (1, 'it has not arrived yet.', '1');
            INSERT INTO messages (id, conversation_id, store_id, channel_id, direction, internet_message_id, in_reply_to, reference_ids,
                from_address, subject, text, attachment_count, at)
            VALUES ('1', '1', 'northwind', 'northwind-amazon-us', 'Inbound', 'reply@example.com', 'parent@example.com',
                '["root@example.com","parent@example.com","reply@example.com"]', 'jane@marketplace.amazon.com', 'Where is my parcel?',
                'It has not arrived yet.', 1, {t0});
            INSERT INTO attachments (message_seq, ordinal, file_name, content_type, content) VALUES (1, 0, 'label.pdf', 'application/pdf', x'25504446');
            INSERT INTO participants (conversation_id, address) VALUES ('1', 'jane@marketplace.amazon.com');
            """;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql) => (long)_database.Scalar(sql)!;
}
