using NodaTime;

namespace BuyerMessaging.Tests;

public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task GetFoldersAsync_NewStore_ReturnsSystemFoldersShownInOrder()
    {
        Assert.Equal(SystemFolders.All, await Store.GetFoldersAsync());
        await InTransactionAsync(async tx => Assert.Equal(SystemFolders.All, await tx.GetFoldersAsync()));
    }

    [Fact]
    public async Task SaveFolderAsync_HiddenSystemFolder_KeepsHiddenState()
    {
        var hidden = SystemFolders.All[2] with { Hidden = true };
        await InTransactionAsync(async tx => await tx.SaveFolderAsync(hidden));

        var folders = await Store.GetFoldersAsync();

        Assert.Equal([SystemFolders.All[0], SystemFolders.All[1], hidden, SystemFolders.All[3]], folders);
    }

    [Fact]
    public async Task SaveFolderAsync_CustomFolders_FollowSystemFoldersInSidebarOrder()
    {
        var returns = new Folder { Id = new FolderId("returns"), Name = "返品", Kind = FolderKind.Custom, Order = 2 };
        var vip = new Folder { Id = new FolderId("vip"), Name = "VIP", Kind = FolderKind.Custom, Order = 1, Hidden = true };
        await InTransactionAsync(async tx =>
        {
            await tx.SaveFolderAsync(returns);
            await tx.SaveFolderAsync(vip);
        });

        Assert.Equal([.. SystemFolders.All, vip, returns], await Store.GetFoldersAsync());
    }

    [Fact]
    public async Task SaveFolderAsync_ExistingFolder_ReplacesIt()
    {
        var folder = new Folder { Id = new FolderId("vip"), Name = "VIP", Kind = FolderKind.Custom, Order = 1 };
        var renamed = folder with { Name = "Very important", Order = 5, Hidden = true };
        await InTransactionAsync(async tx => await tx.SaveFolderAsync(folder));
        await InTransactionAsync(async tx => await tx.SaveFolderAsync(renamed));

        Assert.Equal([.. SystemFolders.All, renamed], await Store.GetFoldersAsync());
    }

    [Fact]
    public async Task DeleteFolderAsync_CustomFolder_RemovesItAndReturnsTrue()
    {
        var folder = new Folder { Id = new FolderId("vip"), Name = "VIP", Kind = FolderKind.Custom };
        await InTransactionAsync(async tx => await tx.SaveFolderAsync(folder));

        await InTransactionAsync(async tx =>
        {
            Assert.True(await tx.DeleteFolderAsync(folder.Id));
            Assert.DoesNotContain(folder, await tx.GetFoldersAsync());
            Assert.False(await tx.DeleteFolderAsync(folder.Id));
        });

        Assert.Equal(SystemFolders.All, await Store.GetFoldersAsync());
    }

    [Fact]
    public async Task DeleteFolderAsync_UnknownFolder_ReturnsFalse() =>
        await InTransactionAsync(async tx => Assert.False(await tx.DeleteFolderAsync(new FolderId("nope"))));

    [Fact]
    public async Task GetConversationIdsInFolderAsync_MovedConversations_ReturnsThemOnly()
    {
        var vip = new FolderId("vip");
        var inVip = await AddConversationsAsync(3, (i, c) => c with { FolderId = vip, Status = (ConversationStatus)(i % 4) });
        await AddConversationAsync(c => c with { FolderId = new FolderId("other") });
        await AddConversationAsync();

        await InTransactionAsync(async tx =>
        {
            Assert.Equal(inVip.Select(c => c.Id.Value).Order(StringComparer.Ordinal), (await tx.GetConversationIdsInFolderAsync(vip)).Select(id => id.Value).Order(StringComparer.Ordinal));
            Assert.Empty(await tx.GetConversationIdsInFolderAsync(new FolderId("empty")));
        });
    }

    [Fact]
    public async Task SaveStoreAsync_SeveralStores_ReturnedOrderedByIdAndReplaced()
    {
        await InTransactionAsync(async tx =>
        {
            await tx.SaveStoreAsync(new Store { Id = StoreB, Name = "Sakura Home" });
            await tx.SaveStoreAsync(new Store { Id = StoreA, Name = "Northwind" });
        });
        await InTransactionAsync(async tx => await tx.SaveStoreAsync(new Store { Id = StoreA, Name = "Northwind Goods" }));

        Store[] expected = [new() { Id = StoreA, Name = "Northwind Goods" }, new() { Id = StoreB, Name = "Sakura Home" }];
        Assert.Equal(expected, await Store.GetStoresAsync());
        await InTransactionAsync(async tx => Assert.Equal(expected, await tx.GetStoresAsync()));
    }

    [Fact]
    public async Task SaveChannelAsync_EveryFieldSet_RoundTripsOrderedById()
    {
        var mailbox = new Channel
        {
            Id = ChannelA2,
            StoreId = StoreA,
            Kind = ChannelKind.Mailbox,
            Name = "support@northwind.example",
            Enabled = false,
            CountryCode = "US",
            Language = "en",
            Address = "support@northwind.example",
            StoreName = "Northwind Goods",
            SenderDisplayName = "Northwind Support",
            PromisedResponseTime = Duration.FromHours(24) + Duration.FromTicks(3),
            TimeZoneId = "America/New_York",
        };
        var amazon = new Channel
        {
            Id = ChannelA1,
            StoreId = StoreA,
            Kind = ChannelKind.Amazon,
            Name = "Amazon.com",
            CountryCode = "US",
            MarketplaceId = "ATVPDKIKX0DER",
        };
        var japan = new Channel { Id = ChannelB1, StoreId = StoreB, Kind = ChannelKind.Amazon, Name = "Amazon.co.jp", TimeZoneId = "Asia/Tokyo" };
        await InTransactionAsync(async tx =>
        {
            await tx.SaveChannelAsync(japan);
            await tx.SaveChannelAsync(mailbox);
            await tx.SaveChannelAsync(amazon);
        });

        Assert.Equal([amazon, mailbox, japan], await Store.GetChannelsAsync());
        await InTransactionAsync(async tx => Assert.Equal([amazon, mailbox, japan], await tx.GetChannelsAsync()));
    }

    [Fact]
    public async Task SaveChannelAsync_ExistingChannel_ReplacesIt()
    {
        var channel = new Channel { Id = ChannelA1, StoreId = StoreA, Kind = ChannelKind.Amazon, Name = "Amazon.com", Address = "a@shop.example" };
        var changed = channel with { Name = "Amazon US", Address = null, Enabled = false };
        await InTransactionAsync(async tx => await tx.SaveChannelAsync(channel));
        await InTransactionAsync(async tx => await tx.SaveChannelAsync(changed));

        Assert.Equal([changed], await Store.GetChannelsAsync());
    }

    [Fact]
    public async Task InsertQuarantineAsync_RawBytes_RoundTripNewestFirst()
    {
        var raw = "From: x\r\n\r\n\u00ff"u8.ToArray().Concat(new byte[] { 0, 1, 2, 255 }).ToArray();
        var items = new List<QuarantinedItem>();
        await InTransactionAsync(async tx =>
        {
            var first = new QuarantinedItem { At = T0, Source = "inbox/1.eml", Reason = "the message has no sender address", ChannelId = ChannelA1, Raw = raw };
            items.Add(first with { Id = await tx.InsertQuarantineAsync(first) });
            var second = new QuarantinedItem { At = T0 + Duration.FromTicks(7), Reason = "channel 'x' is not configured", Raw = ReadOnlyMemory<byte>.Empty };
            items.Add(second with { Id = await tx.InsertQuarantineAsync(second) });
        });
        var third = new QuarantinedItem { At = T0 - Duration.FromDays(1), Source = "imap:INBOX:9", Reason = "unparseable", Raw = new byte[] { 42 } };
        await InTransactionAsync(async tx => items.Add(third with { Id = await tx.InsertQuarantineAsync(third) }));

        var stored = await Store.GetQuarantineAsync();

        Assert.Equal(3, items.Select(i => i.Id).Distinct().Count());
        Assert.All(items, i => Assert.NotEqual(0, i.Id));
        Assert.Equal(items.AsEnumerable().Reverse().Select(i => i.Id), stored.Select(i => i.Id));
        for (var i = 0; i < 3; i++)
        {
            var expected = items[2 - i];
            Assert.Equal(expected.Raw.ToArray(), stored[i].Raw.ToArray());
            Assert.Equal(expected with { Raw = default }, stored[i] with { Raw = default });
        }

        Assert.Equal([items[2].Id, items[1].Id], (await Store.GetQuarantineAsync(limit: 2)).Select(i => i.Id));
    }

    [Fact]
    public async Task QuarantinedItem_GetAndDelete_IdsAreNotUsedAgain()
    {
        var raw = new byte[] { 7, 8, 9 };
        long first = 0, second = 0;
        await InTransactionAsync(async tx =>
        {
            first = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Source = "a.eml", Reason = "unparseable", ChannelId = ChannelA1, Raw = raw });
            second = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Source = "b.eml", Reason = "unparseable", Raw = new byte[] { 1 } });
        });

        var stored = await Store.GetQuarantinedItemAsync(first);
        Assert.NotNull(stored);
        Assert.Equal(raw, stored.Raw.ToArray());
        Assert.Equal(("a.eml", ChannelA1), (stored.Source, stored.ChannelId));

        // Rolled back: still there.
        await using (var tx = await Store.BeginTransactionAsync())
        {
            Assert.Equal(raw, (await tx.GetQuarantinedItemAsync(first))!.Raw.ToArray());
            Assert.True(await tx.DeleteQuarantinedItemAsync(first));
            Assert.Null(await tx.GetQuarantinedItemAsync(first));
        }

        Assert.NotNull(await Store.GetQuarantinedItemAsync(first));
        var deleted = false;
        var again = false;
        await InTransactionAsync(async tx =>
        {
            deleted = await tx.DeleteQuarantinedItemAsync(first);
            again = await tx.DeleteQuarantinedItemAsync(first);
        });
        long third = 0;
        await InTransactionAsync(async tx => third = await tx.InsertQuarantineAsync(new QuarantinedItem { At = T0, Reason = "unparseable", Raw = raw }));

        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await Store.GetQuarantinedItemAsync(first));
        Assert.Null(await Store.GetQuarantinedItemAsync(999));
        Assert.True(third > second, $"the same raw input quarantined after a delete gets a new id ({third}, after {second})");
        Assert.Equal([third, second], (await Store.GetQuarantineAsync()).Select(q => q.Id));
    }

    /// <summary>
    /// Ids are ordered ordinally (UTF-16 code units): 𠮷 (U+20BB7, a surrogate pair from U+D842) comes before the
    /// full-width Ｚ (U+FF3A), although its UTF-8 bytes (F0 ..) sort after Ｚ's (EF ..).
    /// </summary>
    [Fact]
    public async Task GetStoresChannelsAndFolders_IdsAboveUFFFF_OrderedOrdinally()
    {
        var yoshinoya = new StoreId("𠮷野家");
        var fullWidth = new StoreId("Ｚ-shop");
        var folderA = new Folder { Id = new FolderId("Ｚ"), Name = "Z", Kind = FolderKind.Custom, Order = 1 };
        var folderB = new Folder { Id = new FolderId("𠮷"), Name = "Yoshi", Kind = FolderKind.Custom, Order = 1 };
        await InTransactionAsync(async tx =>
        {
            await tx.SaveStoreAsync(new Store { Id = fullWidth, Name = "Z" });
            await tx.SaveStoreAsync(new Store { Id = yoshinoya, Name = "吉野家" });
            await tx.SaveChannelAsync(new Channel { Id = new ChannelId("Ｚ-mail"), StoreId = fullWidth, Kind = ChannelKind.Mailbox, Name = "Z" });
            await tx.SaveChannelAsync(new Channel { Id = new ChannelId("𠮷-mail"), StoreId = yoshinoya, Kind = ChannelKind.Mailbox, Name = "Y" });
            await tx.SaveFolderAsync(folderA);
            await tx.SaveFolderAsync(folderB);
        });

        Assert.Equal(["𠮷野家", "Ｚ-shop"], (await Store.GetStoresAsync()).Select(s => s.Id.Value));
        Assert.Equal(["𠮷-mail", "Ｚ-mail"], (await Store.GetChannelsAsync()).Select(c => c.Id.Value));
        Assert.Equal([.. SystemFolders.All, folderB, folderA], await Store.GetFoldersAsync());
        await InTransactionAsync(async tx =>
        {
            Assert.Equal(["𠮷野家", "Ｚ-shop"], (await tx.GetStoresAsync()).Select(s => s.Id.Value));
            Assert.Equal(["𠮷-mail", "Ｚ-mail"], (await tx.GetChannelsAsync()).Select(c => c.Id.Value));
            Assert.Equal([.. SystemFolders.All, folderB, folderA], await tx.GetFoldersAsync());
        });
    }

    [Fact]
    public async Task GetQuarantineAsync_ZeroLimit_ThrowsArgumentOutOfRangeException() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("limit", () => Store.GetQuarantineAsync(0));

    [Fact]
    public async Task GetQuarantineEntriesAsync_Pages_NewestFirstWithSizesAndNoGapOrRepeat()
    {
        var items = new List<QuarantinedItem>();
        for (var i = 0; i < 7; i++)
        {
            var item = new QuarantinedItem
            {
                At = T0 + Duration.FromMinutes(i),
                Source = i % 2 == 0 ? $"inbox/{i}.eml" : null,
                Reason = $"unparseable {i}",
                ChannelId = i == 3 ? ChannelA1 : null,
                Raw = new byte[i * 100],
            };
            await InTransactionAsync(async tx => items.Add(item with { Id = await tx.InsertQuarantineAsync(item) }));
        }

        // A deleted item leaves a gap in the ids that paging must step over.
        await InTransactionAsync(async tx => Assert.True(await tx.DeleteQuarantinedItemAsync(items[4].Id)));
        items.RemoveAt(4);

        var pages = new List<IReadOnlyList<QuarantineEntry>>();
        long? before = null;
        do
        {
            pages.Add(await Store.GetQuarantineEntriesAsync(limit: 2, beforeId: before));
            before = pages[^1].Count > 0 ? pages[^1][^1].Id : null;
        }
        while (pages[^1].Count == 2);

        Assert.Equal([2, 2, 2, 0], pages.Select(p => p.Count));
        var expected = items.AsEnumerable().Reverse().Select(i => new QuarantineEntry
        {
            Id = i.Id, At = i.At, Source = i.Source, Reason = i.Reason, ChannelId = i.ChannelId, Size = i.Raw.Length,
        });
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.Equal((await Store.GetQuarantineAsync()).Select(q => q.Id), (await Store.GetQuarantineEntriesAsync()).Select(e => e.Id));
        Assert.Empty(await Store.GetQuarantineEntriesAsync(beforeId: items[0].Id));
    }

    [Fact]
    public async Task GetQuarantineEntriesAsync_ZeroLimit_ThrowsArgumentOutOfRangeException() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("limit", () => Store.GetQuarantineEntriesAsync(0));
}
