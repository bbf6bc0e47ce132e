namespace BuyerMessaging.Tests;

public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task CommitAsync_Committed_WritesAreVisibleToReads()
    {
        var conversation = await AddConversationAsync();
        var message = await AddMessageAsync(conversation.Id);

        AssertEquivalent(conversation, await Store.GetConversationAsync(conversation.Id));
        AssertEquivalent(message, Assert.Single(await Store.GetMessagesAsync(conversation.Id)));
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_RollsBackEveryWrite()
    {
        ConversationId id = default;
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            id = await transaction.NewConversationIdAsync();
            await transaction.InsertConversationAsync(NewConversation(id));
            await transaction.InsertMessageAsync(NewMessage(await transaction.NewMessageIdAsync(), id));
            await transaction.AppendHistoryAsync([new ConversationChange(id, T0, "system", ChangeKinds.Created, null, "Open")]);
            await transaction.AddParticipantsAsync(id, ["jane@example.com"]);
            await transaction.SaveStoreAsync(new Store { Id = StoreA, Name = "A" });
            await transaction.SaveChannelAsync(new Channel { Id = ChannelA1, StoreId = StoreA, Kind = ChannelKind.Amazon, Name = "Amazon.com" });
            await transaction.SaveFolderAsync(new Folder { Id = new FolderId("vip"), Name = "VIP", Kind = FolderKind.Custom });
            await transaction.SaveFolderAsync(SystemFolders.All[3] with { Hidden = true });
            await transaction.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "bad", Raw = new byte[] { 1, 2, 3 } });
        }

        Assert.Null(await Store.GetConversationAsync(id));
        Assert.Empty(await Store.GetMessagesAsync(id));
        Assert.Empty(await Store.GetHistoryAsync(id));
        Assert.Empty(await Store.GetStoresAsync());
        Assert.Empty(await Store.GetChannelsAsync());
        Assert.Equal(SystemFolders.All, await Store.GetFoldersAsync());
        Assert.Empty(await Store.GetQuarantineAsync());
        Assert.Equal(0, (await Store.CountAsync()).Total);
        Assert.Empty((await Store.QueryAsync(new InboxQuery())).Items);
        await InTransactionAsync(async tx =>
        {
            Assert.False(await tx.IsParticipantAsync(id, "jane@example.com"));
            Assert.Null(await tx.FindConversationByBuyerAndOrderAsync(StoreA, "jane@example.com", null));
        });
    }

    [Fact]
    public async Task DisposeAsync_AfterFailedStatement_RollsBackEarlierWrites()
    {
        var existing = await AddConversationAsync();
        ConversationId id = default;
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            id = await transaction.NewConversationIdAsync();
            await transaction.InsertConversationAsync(NewConversation(id));
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await transaction.InsertConversationAsync(existing));
        }

        Assert.Null(await Store.GetConversationAsync(id));
        AssertEquivalent(existing, await Store.GetConversationAsync(existing.Id));
    }

    [Fact]
    public async Task BeginTransactionAsync_ReadsInsideTransaction_SeeOwnWrites()
    {
        await InTransactionAsync(async tx =>
        {
            var id = await tx.NewConversationIdAsync();
            var conversation = NewConversation(id) with { OrderId = "111-2345678-1234567" };
            await tx.InsertConversationAsync(conversation);
            var message = NewMessage(await tx.NewMessageIdAsync(), id) with { ExternalId = "imap:1:7", InternetMessageId = "m1@example.com" };
            await tx.InsertMessageAsync(message);
            await tx.AddParticipantsAsync(id, ["Jane@Example.com"]);
            var channel = new Channel { Id = ChannelA1, StoreId = StoreA, Kind = ChannelKind.Amazon, Name = "Amazon.com" };
            await tx.SaveChannelAsync(channel);
            await tx.SaveStoreAsync(new Store { Id = StoreA, Name = "A" });
            var folder = new Folder { Id = new FolderId("vip"), Name = "VIP", Kind = FolderKind.Custom };
            await tx.SaveFolderAsync(folder);

            AssertEquivalent(conversation, await tx.GetConversationAsync(id));
            Assert.Equal(MessageLocation.Of(message), await tx.FindMessageByExternalIdAsync(ChannelA1, "imap:1:7"));
            Assert.Equal(MessageLocation.Of(message), await tx.FindMessageByInternetMessageIdAsync(StoreA, "m1@example.com"));
            AssertEquivalent(conversation, await tx.FindConversationByBuyerAndOrderAsync(StoreA, "jane@example.com", "111-2345678-1234567"));
            Assert.True(await tx.IsParticipantAsync(id, "jane@example.com"));
            Assert.Equal([channel], await tx.GetChannelsAsync());
            Assert.Equal([new Store { Id = StoreA, Name = "A" }], await tx.GetStoresAsync());
            Assert.Contains(folder, await tx.GetFoldersAsync());

            var updated = conversation with { Status = ConversationStatus.Pending, Version = 2 };
            await tx.UpdateConversationAsync(updated);
            AssertEquivalent(updated, await tx.GetConversationAsync(id));
        });
    }

    [Fact]
    public async Task BeginTransactionAsync_ChangesCommittedByEarlierTransaction_SeenByNextTransaction()
    {
        var channel = new Channel { Id = ChannelA1, StoreId = StoreA, Kind = ChannelKind.Amazon, Name = "Amazon.com" };
        await InTransactionAsync(async tx => Assert.Empty(await tx.GetChannelsAsync()));
        await InTransactionAsync(async tx => await tx.SaveChannelAsync(channel));
        await InTransactionAsync(async tx => Assert.Equal([channel], await tx.GetChannelsAsync()));

        var renamed = channel with { Name = "Amazon US", Enabled = false };
        await InTransactionAsync(async tx => await tx.SaveChannelAsync(renamed));
        await InTransactionAsync(async tx => Assert.Equal([renamed], await tx.GetChannelsAsync()));
        Assert.Equal([renamed], await Store.GetChannelsAsync());
    }

    [Fact]
    public async Task BeginTransactionAsync_SecondWhileFirstOpen_WaitsUntilFirstIsDisposed()
    {
        var first = await Store.BeginTransactionAsync();
        var second = Store.BeginTransactionAsync();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        var started = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await started.DisposeAsync();
    }

    [Fact]
    public async Task CommitAsync_Twice_ThrowsInvalidOperationException()
    {
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            await transaction.CommitAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await transaction.CommitAsync());
        }
    }

    [Fact]
    public async Task NewConversationIdAsync_ManyAcrossTransactions_AreUnique()
    {
        var ids = new List<ConversationId>();
        for (var t = 0; t < 5; t++)
        {
            await InTransactionAsync(async tx =>
            {
                for (var i = 0; i < 20; i++)
                {
                    ids.Add(await tx.NewConversationIdAsync());
                }
            });
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task NewMessageIdAsync_ManyAcrossTransactions_AreUnique()
    {
        var ids = new List<MessageId>();
        for (var t = 0; t < 5; t++)
        {
            await InTransactionAsync(async tx =>
            {
                for (var i = 0; i < 20; i++)
                {
                    ids.Add(await tx.NewMessageIdAsync());
                }
            });
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task NewConversationIdAsync_AfterCommittedInserts_NeverReturnsAnIdInUse()
    {
        var stored = await AddConversationsAsync(10, (_, c) => c);
        var rolledBack = await Store.BeginTransactionAsync();
        await using (rolledBack)
        {
            await rolledBack.NewConversationIdAsync();
        }

        await InTransactionAsync(async tx =>
        {
            for (var i = 0; i < 10; i++)
            {
                var id = await tx.NewConversationIdAsync();
                Assert.DoesNotContain(id, stored.Select(c => c.Id));
                Assert.Null(await tx.GetConversationAsync(id));
            }
        });
    }
}
