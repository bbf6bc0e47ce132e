using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>Savepoints, quarantine of repeated raw input, and the order of a conversation's messages.</summary>
public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task RollbackToSavepointAsync_UndoesOnlyWritesAfterIt_AndTheTransactionCommitsTheRest()
    {
        var existing = await AddConversationAsync();
        ConversationId kept = default;
        ConversationId undone = default;
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            kept = await transaction.NewConversationIdAsync();
            await transaction.InsertConversationAsync(NewConversation(kept));
            await transaction.CreateSavepointAsync("item");
            undone = await transaction.NewConversationIdAsync();
            await transaction.InsertConversationAsync(NewConversation(undone) with { Subject = "undone" });
            await transaction.InsertMessageAsync(NewMessage(await transaction.NewMessageIdAsync(), undone) with { ExternalId = "x-1" });
            await transaction.UpdateConversationAsync(existing with { Status = ConversationStatus.Resolved, Version = 2 });
            await transaction.AddParticipantsAsync(undone, ["jane@example.com"]);
            await transaction.SaveStoreAsync(new Store { Id = StoreB, Name = "B" });
            await transaction.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "bad", Raw = new byte[] { 9 } });

            await transaction.RollbackToSavepointAsync("item");

            Assert.Null(await transaction.GetConversationAsync(undone));
            Assert.Null(await transaction.FindMessageByExternalIdAsync(ChannelA1, "x-1"));
            Assert.Empty(await transaction.GetStoresAsync());

            // The transaction goes on after the rollback: the same conversation can be updated from its stored version.
            await transaction.UpdateConversationAsync(existing with { Status = ConversationStatus.Pending, Version = 2 });
            await transaction.ReleaseSavepointAsync("item");
            await transaction.CommitAsync();
        }

        Assert.NotNull(await Store.GetConversationAsync(kept));
        Assert.Null(await Store.GetConversationAsync(undone));
        Assert.Empty(await Store.GetMessagesAsync(undone));
        Assert.Equal(ConversationStatus.Pending, (await Store.GetConversationAsync(existing.Id))!.Status);
        Assert.Empty(await Store.GetStoresAsync());
        Assert.Empty(await Store.GetQuarantineAsync());
        Assert.Equal(2, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task ReleaseSavepointAsync_KeepsWrites_DisposeWithoutCommitStillRollsBackEverything()
    {
        ConversationId id = default;
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            await transaction.CreateSavepointAsync("outer");
            await transaction.CreateSavepointAsync("inner");
            id = await transaction.NewConversationIdAsync();
            await transaction.InsertConversationAsync(NewConversation(id));
            await transaction.ReleaseSavepointAsync("outer");

            Assert.NotNull(await transaction.GetConversationAsync(id));
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await transaction.RollbackToSavepointAsync("inner"));
        }

        Assert.Null(await Store.GetConversationAsync(id));
    }

    [Fact]
    public async Task RollbackToSavepointAsync_Nested_KeepsTheSavepointAndDropsNewerOnes()
    {
        await InTransactionAsync(async tx =>
        {
            await tx.CreateSavepointAsync("a");
            await tx.SaveStoreAsync(new Store { Id = StoreA, Name = "A" });
            await tx.CreateSavepointAsync("b");
            await tx.SaveStoreAsync(new Store { Id = StoreB, Name = "B" });

            await tx.RollbackToSavepointAsync("a");
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await tx.ReleaseSavepointAsync("b"));
            await tx.SaveStoreAsync(new Store { Id = StoreB, Name = "B2" });
            await tx.RollbackToSavepointAsync("a");
            await tx.SaveStoreAsync(new Store { Id = StoreB, Name = "B3" });
            await tx.ReleaseSavepointAsync("a");
        });

        Assert.Equal(["B3"], (await Store.GetStoresAsync()).Select(s => s.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("a b")]
    [InlineData("x; DROP TABLE messages")]
    public async Task CreateSavepointAsync_InvalidName_ThrowsWithParameterName(string name) =>
        await InTransactionAsync(async tx => await Assert.ThrowsAsync<ArgumentException>("name", async () => await tx.CreateSavepointAsync(name)));

    [Fact]
    public async Task InsertQuarantineAsync_SameRawBytes_StoresOneItem()
    {
        long first = 0, second = 0, empty1 = 0, empty2 = 0;
        await InTransactionAsync(async tx => first = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "bad", Source = "a.eml", Raw = new byte[] { 1, 2, 3 } }));
        await InTransactionAsync(async tx =>
        {
            second = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "worse", Source = "b.eml", Raw = new byte[] { 1, 2, 3 } });
            empty1 = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "no bytes" });
            empty2 = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "no bytes" });
        });

        Assert.Equal(first, second);
        Assert.NotEqual(empty1, empty2);
        var items = await Store.GetQuarantineAsync();
        Assert.Equal(3, items.Count);
        Assert.Equal("a.eml", Assert.Single(items, i => i.Id == first).Source);
    }

    [Fact]
    public async Task GetMessagesAsync_OrdersByInstantThenInsertion()
    {
        var conversation = await AddConversationAsync();
        var late = await AddMessageAsync(conversation.Id, m => m with { Text = "late", At = T0 + Duration.FromHours(2) });
        var early = await AddMessageAsync(conversation.Id, m => m with { Text = "early", At = T0 });
        var tie1 = await AddMessageAsync(conversation.Id, m => m with { Text = "tie 1", At = T0 + Duration.FromHours(1) });
        var tie2 = await AddMessageAsync(conversation.Id, m => m with { Text = "tie 2", At = T0 + Duration.FromHours(1) });

        var messages = await Store.GetMessagesAsync(conversation.Id);

        Assert.Equal([early.Id, tie1.Id, tie2.Id, late.Id], messages.Select(m => m.Id));
    }
}
