using System.Globalization;
using BuyerMessaging.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>What the SQLite store adds to the contract: the file, its schema and migrations, WAL, several writers.</summary>
public sealed class SqliteConversationStoreTests : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 20, 9, 0);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task OpenAsync_NewFile_CreatesSchemaAtCurrentVersion()
    {
        await using (await SqliteConversationStore.OpenAsync(_database.Path))
        {
        }

        Assert.True(File.Exists(_database.Path));
        Assert.Equal((long)Schema.CurrentVersion, Scalar("PRAGMA user_version"));
        foreach (var table in new[] { "id_sequences", "stores", "channels", "folders", "conversations", "messages", "attachments", "participants", "history", "quarantine", "search",
            "work_items", "channel_policies", "rules", "agents", "templates", "favourites" })
        {
            Assert.Equal(1L, Scalar($"SELECT count(*) FROM sqlite_master WHERE name = '{table}'"));
        }
    }

    [Fact]
    public async Task OpenAsync_ByDefault_TurnsOffSqliteMemoryStatisticsOnceForTheProcess()
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);

        // Either this process's first store turned them off, or SQLite was already initialised (another test opened a
        // connection of its own first): then SQLite refuses any reconfiguration, as the store found.
        Assert.NotNull(SqliteProcessSettings.MemoryStatisticsDisabled);
        if (SqliteProcessSettings.MemoryStatisticsDisabled == true)
        {
            Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
        }
        else
        {
            Assert.NotEqual(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0));
        }
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesTheLargerPageAndFullTextLeavesSizedToIt()
    {
        await using (var store = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            var conversation = await AddConversationAsync(store, "配達状況の確認");
            await AddMessageAsync(store, conversation.Id, "The lamp arrived broken");
            Assert.Single((await store.QueryAsync(new InboxQuery { Text = "配達状況" })).Items);
        }

        Assert.Equal((long)Schema.NewFilePageSize, Scalar("PRAGMA page_size"));
        Assert.Equal(Schema.FullTextLeafBytes(Schema.NewFilePageSize), Convert.ToInt64(Scalar("SELECT v FROM search_config WHERE k = 'pgsz'"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OpenAsync_EmptyExistingFile_MigratesIt()
    {
        await File.WriteAllBytesAsync(_database.Path, []);

        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);

        Assert.Equal(SystemFolders.All, await store.GetFoldersAsync());
        Assert.Equal((long)Schema.CurrentVersion, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task OpenAsync_ExistingFile_KeepsDataAndContinuesIds()
    {
        Conversation conversation;
        await using (var store = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            conversation = await AddConversationAsync(store);
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                await tx.SaveFolderAsync(SystemFolders.All[1] with { Hidden = true });
                await tx.CommitAsync();
            }
        }

        await using (var reopened = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            Assert.Equal(conversation with { Tags = [] }, await reopened.GetConversationAsync(conversation.Id) is { } c ? c with { Tags = [] } : null);
            Assert.True((await reopened.GetFoldersAsync())[1].Hidden);
            var next = await AddConversationAsync(reopened);
            Assert.NotEqual(conversation.Id, next.Id);
            Assert.Equal(2, (await reopened.CountAsync()).Total);
        }
    }

    [Fact]
    public async Task OpenAsync_Always_SwitchesTheFileToWriteAheadLogging()
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task OpenAsync_FileFromNewerVersion_ThrowsNotSupportedException()
    {
        await using (await SqliteConversationStore.OpenAsync(_database.Path))
        {
        }

        Scalar("PRAGMA user_version = 99");

        await Assert.ThrowsAsync<NotSupportedException>(() => SqliteConversationStore.OpenAsync(_database.Path));
    }

    [Fact]
    public async Task OpenAsync_ConnectionString_IsAccepted()
    {
        await using var store = await SqliteConversationStore.OpenAsync($"Data Source={_database.Path};Cache=Private");

        Assert.Equal(_database.Path, store.DataSource);
        Assert.Empty(await store.GetStoresAsync());
    }

    [Fact]
    public async Task OpenAsync_MissingDirectory_CreatesIt()
    {
        var path = Path.Combine(Path.GetDirectoryName(_database.Path)!, "nested", "deeper", "inbox.db");

        await using var store = await SqliteConversationStore.OpenAsync(path);

        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=x.db;Mode=ReadOnly")]
    [InlineData(" ")]
    public async Task OpenAsync_UnsupportedConnectionString_ThrowsArgumentException(string value) =>
        await Assert.ThrowsAsync<ArgumentException>("connectionString", () => SqliteConversationStore.OpenAsync(value));

    [Fact]
    public async Task OpenAsync_Null_ThrowsArgumentNullException() =>
        await Assert.ThrowsAsync<ArgumentNullException>("connectionString", () => SqliteConversationStore.OpenAsync(null!));

    [Fact]
    public async Task OpenAsync_NegativeBusyTimeout_ThrowsArgumentOutOfRangeException() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            "options", () => SqliteConversationStore.OpenAsync(_database.Path, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromSeconds(-1) }));

    [Fact]
    public async Task OpenAsync_TwoStoresOpeningANewFileAtOnce_MigrateItOnce()
    {
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqliteConversationStore.OpenAsync(_database.Path))).ToArray();
        var stores = await Task.WhenAll(opens);
        try
        {
            Assert.All(await Task.WhenAll(stores.Select(s => s.GetFoldersAsync())), f => Assert.Equal(SystemFolders.All, f));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task DisposeAsync_TransactionNotCommitted_LeavesNothingInTheFile()
    {
        ConversationId id;
        await using (var store = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                id = await tx.NewConversationIdAsync();
                await tx.InsertConversationAsync(NewConversation(id));
                await tx.InsertMessageAsync(NewMessage(await tx.NewMessageIdAsync(), id));
                await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "x", Raw = new byte[] { 1 } });
            }
        }

        await using (var reopened = await SqliteConversationStore.OpenAsync(_database.Path))
        {
            Assert.Null(await reopened.GetConversationAsync(id));
            Assert.Empty(await reopened.GetMessagesAsync(id));
            Assert.Empty(await reopened.GetQuarantineAsync());
        }

        Assert.Equal(0L, Count("conversations") + Count("messages") + Count("search") + Count("quarantine"));
    }

    [Fact]
    public async Task QueryAsync_WhileAWriteTransactionIsOpen_SeesLastCommittedState()
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        var committed = await AddConversationAsync(store);

        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            var id = await tx.NewConversationIdAsync();
            await tx.InsertConversationAsync(NewConversation(id));

            Assert.Equal([committed.Id], (await store.QueryAsync(new InboxQuery())).Items.Select(c => c.Id));
            Assert.Null(await store.GetConversationAsync(id));
            Assert.Equal(1, (await store.CountAsync()).Total);
            await tx.CommitAsync();
        }

        Assert.Equal(2, (await store.CountAsync()).Total);
    }

    [Fact]
    public async Task BeginTransactionAsync_WritersInTwoStoresOnOneFile_SerialiseWithoutLostUpdatesOrDuplicateIds()
    {
        await using var first = await SqliteConversationStore.OpenAsync(_database.Path);
        await using var second = await SqliteConversationStore.OpenAsync(_database.Path);
        var conversation = await AddConversationAsync(first);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        async Task IncrementAsync(IConversationStore store)
        {
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                var current = (await tx.GetConversationAsync(conversation.Id))!;
                ids.Add("m" + (await tx.NewMessageIdAsync()).Value);
                ids.Add("c" + (await tx.NewConversationIdAsync()).Value);
                await tx.UpdateConversationAsync(current with { MessageCount = current.MessageCount + 1, Version = current.Version + 1 });
                await tx.CommitAsync();
            }
        }

        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(() => IncrementAsync(i % 2 == 0 ? first : second)));
        await Task.WhenAll(tasks);

        var stored = (await second.GetConversationAsync(conversation.Id))!;
        Assert.Equal(200, stored.MessageCount);
        Assert.Equal(201, stored.Version);
        Assert.Equal(400, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetChannelsAsync_ChannelSavedThroughAnotherStoreOnTheFile_SeesTheChange()
    {
        await using var first = await SqliteConversationStore.OpenAsync(_database.Path);
        await using var second = await SqliteConversationStore.OpenAsync(_database.Path);
        var channel = new Channel { Id = new ChannelId("c1"), StoreId = new StoreId("s1"), Kind = ChannelKind.Mailbox, Name = "Support" };
        Assert.Empty(await first.GetChannelsAsync());
        var tx = await first.BeginTransactionAsync();
        await using (tx)
        {
            Assert.Empty(await tx.GetChannelsAsync());
            await tx.CommitAsync();
        }

        var tx2 = await second.BeginTransactionAsync();
        await using (tx2)
        {
            await tx2.SaveChannelAsync(channel);
            await tx2.CommitAsync();
        }

        Assert.Equal([channel], await first.GetChannelsAsync());
        var tx3 = await first.BeginTransactionAsync();
        await using (tx3)
        {
            Assert.Equal([channel], await tx3.GetChannelsAsync());
        }
    }

    [Fact]
    public async Task GetRulesAsync_CachedRules_FollowCommitsOfAnotherStoreAndIgnoreRolledBackRevisions()
    {
        await using var first = await SqliteConversationStore.OpenAsync(_database.Path);
        await using var second = await SqliteConversationStore.OpenAsync(_database.Path);
        static Rule NewRule(string id) => new() { Id = new(id), Name = id, Conditions = [RuleCondition.SubjectContains(id)], Actions = [RuleAction.AddTag(id)] };
        async Task WriteAsync(IConversationStore store, Func<IStoreTransaction, Task> write, bool commit)
        {
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                await write(tx);
                if (commit)
                {
                    await tx.CommitAsync();
                }
            }
        }

        Assert.Empty((await first.GetRulesAsync()).Rules);
        await WriteAsync(second, async tx => await tx.SaveRuleAsync(NewRule("a")), commit: true);
        Assert.Equal(["a"], (await first.GetRulesAsync()).Rules.Select(r => r.Id.Value));

        // A rolled-back save reaches the revision "b" would have had; the cache must not keep what it saw.
        await WriteAsync(first, async tx =>
        {
            await tx.SaveRuleAsync(NewRule("rolled-back"));
            Assert.Equal(2, (await tx.GetRulesAsync()).Rules.Count);
        }, commit: false);
        await WriteAsync(second, async tx => await tx.SaveRuleAsync(NewRule("b")), commit: true);

        var rules = await first.GetRulesAsync();
        Assert.Equal(2L, rules.Revision);
        Assert.Equal(["a", "b"], rules.Rules.Select(r => r.Id.Value));
        var tx = await first.BeginTransactionAsync();
        await using (tx)
        {
            Assert.Equal(["a", "b"], (await tx.GetRulesAsync()).Rules.Select(r => r.Id.Value));
        }
    }

    [Fact]
    public async Task QueryAsync_TextAfterSubjectChanged_FindsTheNewSubjectOnly()
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        var conversation = await AddConversationAsync(store);
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.UpdateConversationAsync(conversation with { Subject = "返品について", Version = 2 });
            await tx.CommitAsync();
        }

        Assert.Single((await store.QueryAsync(new InboxQuery { Text = "返品" })).Items);
        Assert.Empty((await store.QueryAsync(new InboxQuery { Text = "parcel" })).Items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(512)]
    public async Task QueryAsync_TextWithDocumentsQueuedAndIndexed_FindsEachConversationOnce(int batchSize)
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        store.SearchBatchSize = batchSize;
        var ids = new List<ConversationId>();
        for (var i = 0; i < 10; i++)
        {
            var conversation = await AddConversationAsync(store, i % 2 == 0 ? "配達状況の確認" : "Broken lamp");
            ids.Add(conversation.Id);
            await AddMessageAsync(store, conversation.Id, i % 2 == 0 ? "荷物がまだ届きません。配達はいつですか" : "The lamp arrived broken");
            await AddMessageAsync(store, conversation.Id, "Thanks, order 4711-" + i.ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(5, (await store.QueryAsync(new InboxQuery { Text = "配達" })).Items.Count);
        Assert.Equal(5, (await store.QueryAsync(new InboxQuery { Text = "配達状況" })).Items.Count);
        Assert.Equal(5, (await store.QueryAsync(new InboxQuery { Text = "LAMP" })).Items.Count);
        Assert.Equal(10, (await store.QueryAsync(new InboxQuery { Text = "order 4711" })).Items.Count);
        Assert.Equal([ids[7]], (await store.QueryAsync(new InboxQuery { Text = "4711-7" })).Items.Select(c => c.Id));
        Assert.True(Count("search_pending") < batchSize);
        Assert.Equal(30L, Count("search") + Count("search_pending"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(512)]
    public async Task QueryAsync_TextWithWildcardsQuotesAndBrackets_MatchesThemLiterally(int batchSize)
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        store.SearchBatchSize = batchSize;
        var literal = await AddConversationAsync(store, "Code *A?1 [x] \"please\"");
        var other = await AddConversationAsync(store, "Code BA71 x please");
        await AddMessageAsync(store, other.Id, "Code ZA?1 and [y]");

        Assert.Equal([literal.Id], (await store.QueryAsync(new InboxQuery { Text = "*a?1" })).Items.Select(c => c.Id));
        Assert.Equal([literal.Id], (await store.QueryAsync(new InboxQuery { Text = "[x] \"please" })).Items.Select(c => c.Id));
        Assert.Equal(2, (await store.QueryAsync(new InboxQuery { Text = "a?1" })).Items.Count);
        Assert.Empty((await store.QueryAsync(new InboxQuery { Text = "a*1" })).Items);
        Assert.Empty((await store.QueryAsync(new InboxQuery { Text = "[a-z]71" })).Items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(512)]
    public async Task RollbackToSavepointAsync_TextsQueuedAfterIt_AreNotIndexedAndTheRestIs(int batchSize)
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        store.SearchBatchSize = batchSize;
        ConversationId kept;
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            kept = await tx.NewConversationIdAsync();
            await tx.InsertConversationAsync(NewConversation(kept) with { Subject = "配達状況の確認" });
            await tx.InsertMessageAsync(NewMessage(await tx.NewMessageIdAsync(), kept) with { Text = "荷物がまだ届きません" });
            await tx.CreateSavepointAsync("item");
            var dropped = await tx.NewConversationIdAsync();
            await tx.InsertConversationAsync(NewConversation(dropped) with { Subject = "Broken lamp" });
            await tx.InsertMessageAsync(NewMessage(await tx.NewMessageIdAsync(), dropped) with { Text = "The lamp arrived broken" });
            await tx.RollbackToSavepointAsync("item");
            await tx.CommitAsync();
        }

        Assert.Equal([kept], (await store.QueryAsync(new InboxQuery { Text = "配達" })).Items.Select(c => c.Id));
        Assert.Equal([kept], (await store.QueryAsync(new InboxQuery { Text = "届きません" })).Items.Select(c => c.Id));
        Assert.Empty((await store.QueryAsync(new InboxQuery { Text = "lamp" })).Items);
        Assert.Equal(2L, Count("search") + Count("search_pending"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(512)]
    public async Task UpdateConversationAsync_SubjectChangedAfterIndexing_SearchFindsOnlyTheNewSubject(int batchSize)
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        store.SearchBatchSize = batchSize;
        var conversation = await AddConversationAsync(store, "Where is my parcel?");
        var other = await AddConversationAsync(store, "Parcel tracking");
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            var loaded = (await tx.GetConversationAsync(conversation.Id))!;
            await tx.UpdateConversationAsync(loaded with { Subject = "返品について", Version = 2 });
            await tx.CommitAsync();
        }

        Assert.Equal([conversation.Id], (await store.QueryAsync(new InboxQuery { Text = "返品" })).Items.Select(c => c.Id));
        Assert.Equal([other.Id], (await store.QueryAsync(new InboxQuery { Text = "parcel" })).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task BeginTransactionAsync_AfterDispose_ThrowsObjectDisposedException()
    {
        var store = await SqliteConversationStore.OpenAsync(_database.Path);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.BeginTransactionAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetStoresAsync());
    }

    [Fact]
    public async Task UseSqlite_AfterAddBuyerMessaging_ReplacesTheInMemoryStoreWithOneSingleton()
    {
        var services = new ServiceCollection();
        services.AddBuyerMessaging().UseSqlite(_database.Path);

        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IConversationStore>();
            Assert.IsType<SqliteConversationStore>(store);
            Assert.Same(store, provider.GetRequiredService<IConversationStore>());
            Assert.Same(store, provider.GetRequiredService<SqliteConversationStore>());
            Assert.NotNull(provider.GetRequiredService<ConversationIngestor>());
            await AddConversationAsync(store);
        }

        await using var reopened = await SqliteConversationStore.OpenAsync(_database.Path);
        Assert.Equal(1, (await reopened.CountAsync()).Total);
    }

    [Fact]
    public void UseSqlite_EmptyPath_ThrowsArgumentException()
    {
        var builder = new ServiceCollection().AddBuyerMessaging();

        Assert.Throws<ArgumentException>("path", () => builder.UseSqlite(""));
        Assert.Throws<ArgumentNullException>("builder", () => SqliteBuyerMessagingBuilderExtensions.UseSqlite(null!, "x.db"));
    }

    private static Conversation NewConversation(ConversationId id) => new()
    {
        Id = id,
        StoreId = new StoreId("s1"),
        ChannelId = new ChannelId("c1"),
        Buyer = new Buyer("Jane", "jane@example.com", false),
        Subject = "Where is my parcel?",
        FirstInboundAt = T0,
        LastInboundAt = T0,
        UpdatedAt = T0,
        Version = 1,
    };

    private static Message NewMessage(MessageId id, ConversationId conversationId) => new()
    {
        Id = id,
        ConversationId = conversationId,
        ChannelId = new ChannelId("c1"),
        Direction = MessageDirection.Inbound,
        From = new MailParticipant(null, "jane@example.com"),
        Text = "Hello there",
        At = T0,
    };

    private static async Task<Conversation> AddConversationAsync(IConversationStore store, string subject = "Where is my parcel?")
    {
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            var conversation = NewConversation(await tx.NewConversationIdAsync()) with { Subject = subject };
            await tx.InsertConversationAsync(conversation);
            await tx.CommitAsync();
            return conversation;
        }
    }

    private static async Task AddMessageAsync(IConversationStore store, ConversationId conversationId, string text)
    {
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.InsertMessageAsync(NewMessage(await tx.NewMessageIdAsync(), conversationId) with { Text = text });
            await tx.CommitAsync();
        }
    }

    private long Count(string table) => (long)Scalar($"SELECT count(*) FROM {table}")!;

    private object? Scalar(string sql) => _database.Scalar(sql);
}
