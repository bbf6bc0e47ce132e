using NodaTime;

namespace BuyerMessaging.Tests;

public abstract partial class ConversationStoreContractTests
{
    private static readonly FolderId Vip = new("vip");

    [Fact]
    public async Task QueryAsync_NoFilter_ReturnsEveryConversationMostRecentlyUpdatedFirst()
    {
        var all = await AddConversationsAsync(5, (i, c) => c with { UpdatedAt = T0 + Duration.FromMinutes((i * 7) % 5) });

        var page = await Store.QueryAsync(new InboxQuery());

        Assert.Null(page.NextCursor);
        Assert.Equal(Expected(all, InboxSort.LastUpdated), page.Items.Select(c => c.Id));
        foreach (var item in page.Items)
        {
            AssertEquivalent(all.Single(c => c.Id == item.Id), item);
        }
    }

    [Fact]
    public async Task QueryAsync_EachFilterAlone_KeepsOnlyMatchingConversations()
    {
        var s = await SeedFilterSetAsync();

        Assert.Equal(Ids(s.Where(c => c.StoreId == StoreB)), await FilterAsync(new InboxQuery { Stores = [StoreB] }));
        Assert.Equal(Ids(s.Where(c => c.ChannelId == ChannelA2 || c.ChannelId == ChannelB1)), await FilterAsync(new InboxQuery { Channels = [ChannelA2, ChannelB1] }));
        Assert.Equal(Ids(s.Where(c => c.Status is ConversationStatus.Pending or ConversationStatus.Resolved)), await FilterAsync(new InboxQuery { Statuses = [ConversationStatus.Pending, ConversationStatus.Resolved] }));
        Assert.Equal(Ids(s.Where(c => c.Assignee == new AgentId("agent-1"))), await FilterAsync(new InboxQuery { Assignee = new AgentId("agent-1") }));
        Assert.Equal(Ids(s.Where(c => c.Assignee is null)), await FilterAsync(new InboxQuery { Unassigned = true }));
        Assert.Equal(Ids(s.Where(c => c.MessageType is BuyerMessageType.ReturnRequest or BuyerMessageType.Refund)), await FilterAsync(new InboxQuery { MessageTypes = [BuyerMessageType.ReturnRequest, BuyerMessageType.Refund] }));
        Assert.Equal(Ids(s.Where(c => c.Language is "ja" or "DE")), await FilterAsync(new InboxQuery { Languages = ["JA", "de"] }));
        Assert.Equal(Ids(s.Where(c => c.OrderId is not null)), await FilterAsync(new InboxQuery { HasOrder = true }));
        Assert.Equal(Ids(s.Where(c => c.OrderId is null)), await FilterAsync(new InboxQuery { HasOrder = false }));
        Assert.Equal(Ids(s.Where(c => c.IsUnread)), await FilterAsync(new InboxQuery { Unread = true }));
        Assert.Equal(Ids(s.Where(c => !c.IsUnread)), await FilterAsync(new InboxQuery { Unread = false }));
        Assert.Equal(Ids(s), await FilterAsync(new InboxQuery { Stores = [], Channels = [], Statuses = [], MessageTypes = [], Languages = [], Text = "  " }));
    }

    [Fact]
    public async Task QueryAsync_SystemFolder_HoldsItsStatusOutsideCustomFolders()
    {
        var s = await SeedFilterSetAsync();

        foreach (var folder in SystemFolders.All)
        {
            var expected = Ids(s.Where(c => c.Status == folder.Status && c.FolderId is null));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await FilterAsync(new InboxQuery { Folder = folder.Id }));
        }
    }

    [Fact]
    public async Task QueryAsync_CustomFolder_HoldsMovedConversationsWhateverTheirStatus()
    {
        var s = await SeedFilterSetAsync();
        var expected = Ids(s.Where(c => c.FolderId == Vip));

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await FilterAsync(new InboxQuery { Folder = Vip }));
        Assert.Empty(await FilterAsync(new InboxQuery { Folder = new FolderId("empty") }));
    }

    [Fact]
    public async Task QueryAsync_FiltersCombined_AllMustHold()
    {
        var s = await SeedFilterSetAsync();

        var query = new InboxQuery
        {
            Stores = [StoreA],
            Statuses = [ConversationStatus.Open, ConversationStatus.Pending],
            HasOrder = true,
            Unread = true,
            Languages = ["en"],
        };
        var expected = Ids(s.Where(c => c.StoreId == StoreA && c.Status is ConversationStatus.Open or ConversationStatus.Pending
            && c.OrderId is not null && c.IsUnread && c.Language == "en"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FilterAsync(query));
        Assert.Equal(
            Ids(s.Where(c => c.FolderId == Vip && c.Assignee == new AgentId("agent-1"))),
            await FilterAsync(new InboxQuery { Folder = Vip, Assignee = new AgentId("agent-1") }));
        Assert.Empty(await FilterAsync(new InboxQuery { Stores = [StoreB], Channels = [ChannelA1] }));
    }

    [Fact]
    public async Task QueryAsync_TextInEnglish_MatchesSubjectOrAnyMessageIgnoringCase()
    {
        var bySubject = await AddConversationAsync(c => c with { Subject = "Damaged LAMP shade", UpdatedAt = T0 + Duration.FromMinutes(1) });
        var byText = await AddConversationAsync(c => c with { Subject = "Question" });
        await AddMessageAsync(byText.Id, m => m with { Text = "Hello" });
        await AddMessageAsync(byText.Id, m => m with { Text = "The lamp arrived broken. The lamp!" });
        var neither = await AddConversationAsync(c => c with { Subject = "Invoice please" });
        await AddMessageAsync(neither.Id, m => m with { Text = "I need a receipt." });

        Assert.Equal([bySubject.Id, byText.Id], await QueryIdsAsync(new InboxQuery { Text = "Lamp" }));
        Assert.Equal([byText.Id], await QueryIdsAsync(new InboxQuery { Text = "  ARRIVED broken " }));
        Assert.Equal([byText.Id], await QueryIdsAsync(new InboxQuery { Text = "he" }));
        Assert.Equal([neither.Id], await QueryIdsAsync(new InboxQuery { Text = "receipt." }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "refund" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "lamp shade broken" }));
    }

    [Fact]
    public async Task QueryAsync_TextInJapanese_MatchesTwoAndFourCharacterWords()
    {
        var delivery = await AddConversationAsync(c => c with { Subject = "配達状況について", Language = "ja", UpdatedAt = T0 + Duration.FromMinutes(1) });
        await AddMessageAsync(delivery.Id, m => m with { Text = "商品がまだ届きません。" });
        var returns = await AddConversationAsync(c => c with { Subject = "返品のお願い", Language = "ja" });
        await AddMessageAsync(returns.Id, m => m with { Text = "配達された商品が壊れていました。返品したいです。" });

        Assert.Equal([delivery.Id, returns.Id], await QueryIdsAsync(new InboxQuery { Text = "配達" }));
        Assert.Equal([delivery.Id], await QueryIdsAsync(new InboxQuery { Text = "配達状況" }));
        Assert.Equal([delivery.Id], await QueryIdsAsync(new InboxQuery { Text = "届きません" }));
        Assert.Equal([returns.Id], await QueryIdsAsync(new InboxQuery { Text = "返品" }));
        Assert.Equal([returns.Id], await QueryIdsAsync(new InboxQuery { Text = "壊" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "キャンセル" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "領収" }));
    }

    [Fact]
    public async Task QueryAsync_TextInOtherWidth_MatchesAfterFolding()
    {
        var ascii = await AddConversationAsync(c => c with { Subject = "Order abc-123", UpdatedAt = T0 + Duration.FromMinutes(2) });
        var fullWidth = await AddConversationAsync(c => c with { Subject = "注文 ＡＢＣ－１２３", UpdatedAt = T0 + Duration.FromMinutes(1) });
        var halfWidthKana = await AddConversationAsync(c => c with { Subject = "質問" });
        await AddMessageAsync(halfWidthKana.Id, m => m with { Text = "ｶﾞｲﾄﾞﾌﾞｯｸはありますか" });

        Assert.Equal([ascii.Id, fullWidth.Id], await QueryIdsAsync(new InboxQuery { Text = "ＡＢＣ" }));
        Assert.Equal([ascii.Id, fullWidth.Id], await QueryIdsAsync(new InboxQuery { Text = "abc-123" }));
        Assert.Equal([ascii.Id, fullWidth.Id], await QueryIdsAsync(new InboxQuery { Text = "Ab" }));
        Assert.Equal([halfWidthKana.Id], await QueryIdsAsync(new InboxQuery { Text = "ガイドブック" }));
        Assert.Equal([halfWidthKana.Id], await QueryIdsAsync(new InboxQuery { Text = "ｶﾞｲ" }));
    }

    [Fact]
    public async Task QueryAsync_TextWithQuotesAndWildcards_MatchesLiterally()
    {
        var quoted = await AddConversationAsync(c => c with { Subject = "Says \"50% off\" (a_b) OR NOT *" });
        await AddConversationAsync(c => c with { Subject = "Says 50 off ab" });

        Assert.Equal([quoted.Id], await QueryIdsAsync(new InboxQuery { Text = "\"50% off\"" }));
        Assert.Equal([quoted.Id], await QueryIdsAsync(new InboxQuery { Text = "%" }));
        Assert.Equal([quoted.Id], await QueryIdsAsync(new InboxQuery { Text = "a_b" }));
        Assert.Equal([quoted.Id], await QueryIdsAsync(new InboxQuery { Text = "or not *" }));
        Assert.Equal([quoted.Id], await QueryIdsAsync(new InboxQuery { Text = "\"" }));
    }

    /// <summary>The text must be in the subject or in one message: a query that runs from one into the next (a line break pasted with it) finds nothing.</summary>
    [Fact]
    public async Task QueryAsync_TextAcrossSubjectAndMessage_MatchesNothing()
    {
        var conversation = await AddConversationAsync(c => c with { Subject = "Where is my parcel?" });
        await AddMessageAsync(conversation.Id, m => m with { Text = "It has not arrived yet." });
        await AddMessageAsync(conversation.Id, m => m with { Text = "Please hurry." });

        Assert.Equal([conversation.Id], await QueryIdsAsync(new InboxQuery { Text = "arrived yet." }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "parcel?\nIt" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "yet.\nPlease" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "?\ni" }));
    }

    /// <summary>A conversation's subject is searched as it is now, not as it was first stored.</summary>
    [Fact]
    public async Task QueryAsync_TextAfterSubjectChanged_MatchesTheNewSubjectOnly()
    {
        var conversation = await AddConversationAsync(c => c with { Subject = "Broken lamp" });
        await InTransactionAsync(async tx => await tx.UpdateConversationAsync(conversation with { Subject = "Missing parcel", Version = 2 }));

        Assert.Equal([conversation.Id], await QueryIdsAsync(new InboxQuery { Text = "parcel" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "lamp" }));
        Assert.Empty(await QueryIdsAsync(new InboxQuery { Text = "la" }));
    }

    [Fact]
    public async Task QueryAsync_TextCombinedWithFilters_AllMustHold()
    {
        var open = await AddConversationAsync(c => c with { Subject = "broken lamp" });
        await AddConversationAsync(c => c with { Subject = "broken lamp", Status = ConversationStatus.Resolved });
        await AddConversationAsync(c => c with { Subject = "broken lamp", StoreId = StoreB, ChannelId = ChannelB1 });

        Assert.Equal([open.Id], await QueryIdsAsync(new InboxQuery { Text = "lamp", Statuses = [ConversationStatus.Open], Stores = [StoreA] }));
    }

    [Theory]
    [InlineData(InboxSort.LastUpdated)]
    [InlineData(InboxSort.Received)]
    [InlineData(InboxSort.SlaDue)]
    public async Task QueryAsync_Sort_OrdersByKeyThenIdDescending(InboxSort sort)
    {
        var all = await SeedSortSetAsync(12);

        var page = await Store.QueryAsync(new InboxQuery { Sort = sort, PageSize = 100 });

        Assert.Equal(Expected(all, sort), page.Items.Select(c => c.Id));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task QueryAsync_SortBySlaDue_PutsConversationsWithoutDueInstantLast()
    {
        var none = await AddConversationAsync(c => c with { UpdatedAt = T0 + Duration.FromDays(9) });
        var late = await AddConversationAsync(c => c with { SlaDueAt = T0 + Duration.FromHours(20) });
        var overdue = await AddConversationAsync(c => c with { SlaDueAt = T0 - Duration.FromHours(3) });
        var soon = await AddConversationAsync(c => c with { SlaDueAt = T0 + Duration.FromHours(1) });

        Assert.Equal([overdue.Id, soon.Id, late.Id, none.Id], await QueryIdsAsync(new InboxQuery { Sort = InboxSort.SlaDue }));
    }

    [Theory]
    [InlineData(InboxSort.LastUpdated)]
    [InlineData(InboxSort.Received)]
    [InlineData(InboxSort.SlaDue)]
    public async Task QueryAsync_KeysetPaging_ReturnsEveryConversationOnceInOrder(InboxSort sort)
    {
        var all = await SeedSortSetAsync(25);
        var seen = new List<ConversationId>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryAsync(new InboxQuery { Sort = sort, PageSize = 7, After = cursor });
            pages++;
            Assert.True(page.Items.Count == 7 || page.NextCursor is null);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(4, pages);
        Assert.Equal(Expected(all, sort), seen);
    }

    [Fact]
    public async Task QueryAsync_KeysetPagingWithFilter_PagesWithinTheFilter()
    {
        var all = await SeedSortSetAsync(25);
        var expected = Expected(all.Where(c => c.Status == ConversationStatus.Open).ToList(), InboxSort.Received);
        var seen = new List<ConversationId>();
        string? cursor = null;
        do
        {
            var page = await Store.QueryAsync(new InboxQuery { Sort = InboxSort.Received, Statuses = [ConversationStatus.Open], PageSize = 3, After = cursor });
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count <= 25);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task QueryAsync_LastPageExactlyFull_HasNoNextCursor()
    {
        await AddConversationsAsync(6, (i, c) => c with { UpdatedAt = T0 + Duration.FromMinutes(i) });

        var first = await Store.QueryAsync(new InboxQuery { PageSize = 3 });
        var second = await Store.QueryAsync(new InboxQuery { PageSize = 3, After = first.NextCursor });

        Assert.NotNull(first.NextCursor);
        Assert.Equal(3, second.Items.Count);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task QueryAsync_MalformedCursor_ThrowsArgumentException()
    {
        await AddConversationAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(new InboxQuery { After = "not a cursor!" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(new InboxQuery { After = "bm90IGEgY3Vyc29y" }));
    }

    [Fact]
    public async Task QueryAsync_CursorOfAnotherSort_ThrowsArgumentException()
    {
        await AddConversationsAsync(3, (_, c) => c);
        var page = await Store.QueryAsync(new InboxQuery { Sort = InboxSort.Received, PageSize = 1 });

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(new InboxQuery { Sort = InboxSort.SlaDue, After = page.NextCursor }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(InboxQuery.MaxPageSize + 1)]
    public async Task QueryAsync_PageSizeOutOfRange_ThrowsArgumentOutOfRangeException(int pageSize) =>
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => Store.QueryAsync(new InboxQuery { PageSize = pageSize }));

    [Fact]
    public async Task QueryAsync_MaxPageSize_IsAccepted()
    {
        await AddConversationAsync();

        Assert.Single((await Store.QueryAsync(new InboxQuery { PageSize = InboxQuery.MaxPageSize })).Items);
    }

    [Fact]
    public async Task CountAsync_NoScope_CountsPerFolderAndStatusWithUnreadAndTotal()
    {
        await InTransactionAsync(async tx =>
        {
            await tx.SaveFolderAsync(new Folder { Id = Vip, Name = "VIP", Kind = FolderKind.Custom });
            await tx.SaveFolderAsync(new Folder { Id = new FolderId("empty"), Name = "Empty", Kind = FolderKind.Custom, Order = 1 });
            await tx.SaveFolderAsync(SystemFolders.All[3] with { Hidden = true });
        });
        var s = await SeedFilterSetAsync();

        var counts = await Store.CountAsync();

        Assert.Equal(s.Count, counts.Total);
        Assert.Equal(s.Count(c => c.IsUnread), counts.Unread);
        foreach (var status in Enum.GetValues<ConversationStatus>())
        {
            Assert.Equal(s.Count(c => c.Status == status), counts.ByStatus[status]);
        }

        foreach (var folder in SystemFolders.All)
        {
            Assert.Equal(s.Count(c => c.Status == folder.Status && c.FolderId is null), counts.ByFolder[folder.Id]);
        }

        Assert.Equal(2, counts.ByFolder[Vip]);
        Assert.Equal(0, counts.ByFolder[new FolderId("empty")]);
    }

    [Fact]
    public async Task CountAsync_EmptyStore_HasEveryFolderAndStatusAtZero()
    {
        var counts = await Store.CountAsync();

        Assert.Equal(0, counts.Total);
        Assert.Equal(0, counts.Unread);
        Assert.All(Enum.GetValues<ConversationStatus>(), s => Assert.Equal(0, counts.ByStatus[s]));
        Assert.All(SystemFolders.All, f => Assert.Equal(0, counts.ByFolder[f.Id]));
    }

    [Fact]
    public async Task CountAsync_Scope_CountsOnlyThoseStoresAndChannels()
    {
        var s = await SeedFilterSetAsync();

        var byStore = await Store.CountAsync(new InboxScope { Stores = [StoreA] });
        var byChannel = await Store.CountAsync(new InboxScope { Channels = [ChannelA2, ChannelB1] });
        var both = await Store.CountAsync(new InboxScope { Stores = [StoreA], Channels = [ChannelA2, ChannelB1] });
        var empty = await Store.CountAsync(new InboxScope { Stores = [], Channels = [] });

        Assert.Equal(s.Count(c => c.StoreId == StoreA), byStore.Total);
        Assert.Equal(s.Count(c => c.StoreId == StoreA && c.IsUnread), byStore.Unread);
        Assert.Equal(s.Count(c => c.StoreId == StoreA && c.Status == ConversationStatus.Open && c.FolderId is null), byStore.ByFolder[SystemFolders.Open]);
        Assert.Equal(s.Count(c => c.ChannelId == ChannelA2 || c.ChannelId == ChannelB1), byChannel.Total);
        Assert.Equal(s.Count(c => c.ChannelId == ChannelA2 && c.Status == ConversationStatus.Pending), both.ByStatus[ConversationStatus.Pending]);
        Assert.Equal(s.Count(c => c.ChannelId == ChannelA2), both.Total);
        Assert.Equal(s.Count, empty.Total);
    }

    /// <summary>The ids of conversations in the default order (most recently updated first).</summary>
    protected static List<ConversationId> Ids(IEnumerable<Conversation> conversations) => Expected(conversations.ToList(), InboxSort.LastUpdated);

    /// <summary>The ids of conversations in the order of a sort, as <see cref="InboxCursor"/> defines it.</summary>
    protected static List<ConversationId> Expected(IReadOnlyList<Conversation> conversations, InboxSort sort)
    {
        var ordered = sort == InboxSort.SlaDue
            ? conversations.OrderBy(c => InboxCursor.KeyOf(c, sort))
            : conversations.OrderByDescending(c => InboxCursor.KeyOf(c, sort));
        return [.. ordered.ThenByDescending(c => c.Id.Value, StringComparer.Ordinal).Select(c => c.Id)];
    }

    private async Task<List<ConversationId>> FilterAsync(InboxQuery query) =>
        [.. (await Store.QueryAsync(query with { PageSize = InboxQuery.MaxPageSize })).Items.Select(c => c.Id)];

    /// <summary>
    /// 16 conversations over two stores and three channels, every status, a custom folder, assignees, types,
    /// languages, with and without order, read and unread.
    /// </summary>
    private Task<IReadOnlyList<Conversation>> SeedFilterSetAsync() => AddConversationsAsync(16, (i, c) => c with
    {
        StoreId = i % 4 == 3 ? StoreB : StoreA,
        ChannelId = (i % 4) switch { 3 => ChannelB1, 2 => ChannelA2, _ => ChannelA1 },
        Status = (ConversationStatus)(i % 5 % 4),
        FolderId = i is 5 or 10 ? Vip : null,
        Assignee = (i % 3) switch { 0 => null, 1 => new AgentId("agent-1"), _ => new AgentId("agent-2") },
        MessageType = (i % 4) switch { 0 => BuyerMessageType.ShippingInquiry, 1 => BuyerMessageType.ReturnRequest, 2 => BuyerMessageType.Refund, _ => BuyerMessageType.Other },
        Language = (i % 5) switch { 0 => "en", 1 => "ja", 2 => "DE", 3 => "en", _ => null },
        OrderId = i % 2 == 0 ? $"111-0000000-{i:0000000}" : null,
        LastInboundAt = T0 + Duration.FromMinutes(i),
        ReadAt = (i % 3) switch { 0 => null, 1 => T0 + Duration.FromMinutes(i), _ => T0 + Duration.FromMinutes(i) - Duration.FromTicks(1) },
        UpdatedAt = T0 + Duration.FromMinutes(i % 6),
    });

    /// <summary>Conversations with many equal sort keys, some without an SLA due instant.</summary>
    private Task<IReadOnlyList<Conversation>> SeedSortSetAsync(int count) => AddConversationsAsync(count, (i, c) => c with
    {
        Status = i % 3 == 0 ? ConversationStatus.Open : ConversationStatus.Pending,
        UpdatedAt = T0 + Duration.FromMinutes(i % 5),
        LastInboundAt = T0 - Duration.FromHours(i % 4),
        SlaDueAt = i % 3 == 0 ? null : T0 + Duration.FromHours(i % 6) - Duration.FromDays(1),
    });
}
