using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed class ConversationEditorTests : IAsyncLifetime
{
    private static readonly AgentId Kim = new("kim");
    private readonly FakeClock _clock = new(TestMail.Start);
    private readonly InMemoryConversationStore _store = new();
    private ConversationEditor _editor = null!;
    private ConversationIngestor _ingestor = null!;

    public async Task InitializeAsync()
    {
        await TestMail.ConfigureAsync(_store);
        _editor = new ConversationEditor(_store, _clock);
        _ingestor = new ConversationIngestor(_store, _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ConversationId> NewConversationAsync(string from = "pat@mail.example") =>
        (await _ingestor.IngestAsync(TestMail.Mail(from: from, subject: "Subject " + from))).ConversationId!.Value;

    [Fact]
    public async Task RecordReplyAsync_Default_CountsReplyAndAwaitsBuyer()
    {
        var id = await NewConversationAsync();
        _clock.Advance(Duration.FromHours(3));

        var reply = await _editor.RecordReplyAsync(id, new OutboundReply { Text = "Your parcel ships today." }, Kim);

        var c = (await _store.GetConversationAsync(id))!;
        Assert.Equal(1, c.SellerReplyCount);
        Assert.Equal(2, c.MessageCount);
        Assert.Equal(ConversationStatus.AwaitingBuyer, c.Status);
        Assert.Equal(_clock.GetCurrentInstant(), c.FirstOutboundAt);
        Assert.Equal(_clock.GetCurrentInstant(), c.LastOutboundAt);
        Assert.Equal(MessageDirection.OutboundReply, reply.Direction);
        Assert.Equal("Re: Subject pat@mail.example", reply.Subject);
        Assert.Equal("pat@mail.example", Assert.Single(reply.To).Address);
        Assert.Equal(new MailParticipant("Northwind Support", "support@northwind.example"), reply.From);
        Assert.Equal(Kim, reply.Author);
        var history = await _store.GetHistoryAsync(id);
        Assert.Contains(history, h => h.What == ChangeKinds.Reply && h.Actor == "kim");
        Assert.Contains(history, h => h.What == ChangeKinds.Status && h.From == "Open" && h.To == "AwaitingBuyer" && h.Actor == "kim");
    }

    [Fact]
    public async Task RecordReplyAsync_WithChosenStatus_UsesIt()
    {
        var id = await NewConversationAsync();
        await _editor.RecordReplyAsync(id, new OutboundReply { Text = "Done." }, Kim, ConversationStatus.Resolved);
        await _editor.RecordReplyAsync(id, new OutboundReply { Text = "Also." }, Kim, ConversationStatus.Resolved);

        var c = (await _store.GetConversationAsync(id))!;
        Assert.Equal(ConversationStatus.Resolved, c.Status);
        Assert.Equal(2, c.SellerReplyCount);
    }

    [Fact]
    public async Task AddNoteAsync_DoesNotCountAsReply()
    {
        var id = await NewConversationAsync();

        var note = await _editor.AddNoteAsync(id, "Called the carrier.", Kim, ConversationStatus.Pending);

        var c = (await _store.GetConversationAsync(id))!;
        Assert.Equal(0, c.SellerReplyCount);
        Assert.Equal(ConversationStatus.Pending, c.Status);
        Assert.Equal(MessageDirection.SellerNote, note.Direction);
        Assert.Equal(Kim, note.Author);
        Assert.Equal(2, (await _store.GetMessagesAsync(id)).Count);
    }

    [Fact]
    public async Task AddNoteAsync_EmptyText_ThrowsWithParameterName()
    {
        var id = await NewConversationAsync();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _editor.AddNoteAsync(id, " ", Kim));
        Assert.Equal("text", ex.ParamName);
    }

    [Fact]
    public async Task SetStatusAsync_Bulk_ChangesAllAndRecordsHistory()
    {
        var a = await NewConversationAsync("a@mail.example");
        var b = await NewConversationAsync("b@mail.example");

        var result = await _editor.SetStatusAsync([a, b], ConversationStatus.Resolved, Kim);

        Assert.All(result, c => Assert.Equal(ConversationStatus.Resolved, c.Status));
        Assert.Equal(2, (await _store.CountAsync()).ByStatus[ConversationStatus.Resolved]);
        Assert.Contains(await _store.GetHistoryAsync(b), h => h.What == ChangeKinds.Status && h.To == "Resolved" && h.Actor == "kim");
    }

    [Fact]
    public async Task SetStatusAsync_BulkWithUnknownId_ChangesNothing()
    {
        var a = await NewConversationAsync();

        await Assert.ThrowsAsync<ConversationNotFoundException>(() => _editor.SetStatusAsync([a, new ConversationId("999")], ConversationStatus.Resolved, Kim));

        Assert.Equal(ConversationStatus.Open, (await _store.GetConversationAsync(a))!.Status);
        Assert.DoesNotContain(await _store.GetHistoryAsync(a), h => h.What == ChangeKinds.Status);
    }

    [Fact]
    public async Task SetStatusAsync_SameStatus_RecordsNothing()
    {
        var a = await NewConversationAsync();
        var before = (await _store.GetConversationAsync(a))!;

        var after = await _editor.SetStatusAsync(a, ConversationStatus.Open, Kim);

        Assert.Equal(before, after);
        Assert.Equal(2, (await _store.GetHistoryAsync(a)).Count);
    }

    [Fact]
    public async Task SetStatusAsync_UndefinedStatus_Throws()
    {
        var a = await NewConversationAsync();
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _editor.SetStatusAsync(a, (ConversationStatus)42, Kim));
        Assert.Equal("status", ex.ParamName);
    }

    [Fact]
    public async Task MoveToFolderAsync_CustomFolder_KeepsStatusAndLeavesSystemFolder()
    {
        var id = await NewConversationAsync();
        var folder = await new FolderEditor(_store, _clock).CreateAsync("Damaged items");

        var moved = await _editor.MoveToFolderAsync(id, folder.Id, Kim);

        Assert.Equal(folder.Id, moved.FolderId);
        Assert.Equal(ConversationStatus.Open, moved.Status);
        Assert.Single((await _store.QueryAsync(new InboxQuery { Folder = folder.Id })).Items);
        Assert.Empty((await _store.QueryAsync(new InboxQuery { Folder = SystemFolders.Open })).Items);
        Assert.Single((await _store.QueryAsync(new InboxQuery { Statuses = [ConversationStatus.Open] })).Items);
        var counts = await _store.CountAsync();
        Assert.Equal(1, counts.ByFolder[folder.Id]);
        Assert.Equal(0, counts.ByFolder[SystemFolders.Open]);
    }

    [Fact]
    public async Task MoveToFolderAsync_SystemFolder_SetsStatusAndClearsCustomFolder()
    {
        var id = await NewConversationAsync();
        var folder = await new FolderEditor(_store, _clock).CreateAsync("VIP");
        await _editor.MoveToFolderAsync(id, folder.Id, Kim);

        var moved = await _editor.MoveToFolderAsync(id, SystemFolders.Pending, Kim);

        Assert.Null(moved.FolderId);
        Assert.Equal(ConversationStatus.Pending, moved.Status);
    }

    [Fact]
    public async Task MoveToFolderAsync_UnknownFolder_Throws()
    {
        var id = await NewConversationAsync();
        await Assert.ThrowsAsync<FolderNotFoundException>(() => _editor.MoveToFolderAsync(id, new FolderId("nope"), Kim));
    }

    [Fact]
    public async Task AssignAsync_RecordsFromAndTo()
    {
        var id = await NewConversationAsync();
        await _editor.AssignAsync(id, new AgentId("lee"), Kim);
        var c = await _editor.AssignAsync(id, null, Kim);

        Assert.Null(c.Assignee);
        var changes = (await _store.GetHistoryAsync(id)).Where(h => h.What == ChangeKinds.Assignee).ToList();
        Assert.Equal([(null, "lee"), ("lee", null)], changes.Select(h => (h.From, h.To)));
    }

    [Fact]
    public async Task MarkReadAsync_ReadStateFollowsTheClock()
    {
        var id = await NewConversationAsync();
        Assert.Equal(ReadState.New, (await _store.GetConversationAsync(id))!.GetReadState(_clock.GetCurrentInstant()));

        await _editor.MarkReadAsync(id, Kim);
        _clock.Advance(Duration.FromMinutes(59));
        var c = (await _store.GetConversationAsync(id))!;
        Assert.Equal(ReadState.Read, c.GetReadState(_clock.GetCurrentInstant()));
        Assert.False(c.IsUnread);

        _clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(ReadState.None, c.GetReadState(_clock.GetCurrentInstant()));

        await _ingestor.IngestAsync(TestMail.Mail(subject: "Re: Subject pat@mail.example", text: "One more thing"));
        c = (await _store.GetConversationAsync(id))!;
        Assert.Equal(ReadState.New, c.GetReadState(_clock.GetCurrentInstant()));
        Assert.Single((await _store.QueryAsync(new InboxQuery { Unread = true })).Items);
    }

    [Fact]
    public async Task MarkReadAsync_DoesNotChangeUpdatedAt()
    {
        var id = await NewConversationAsync();
        _clock.Advance(Duration.FromHours(1));

        var c = await _editor.MarkReadAsync(id, Kim);

        Assert.Equal(TestMail.Start, c.UpdatedAt);
    }

    [Fact]
    public async Task Tags_AddTwiceAndRemove_CaseInsensitive()
    {
        var id = await NewConversationAsync();
        await _editor.AddTagAsync(id, "VIP", Kim);
        var c = await _editor.AddTagAsync(id, "vip", Kim);
        Assert.Equal(["VIP"], c.Tags);

        c = await _editor.RemoveTagAsync(id, "Vip", Kim);
        Assert.Empty(c.Tags);
    }

    [Fact]
    public async Task SetNoReplyNeededAsync_ClearsDueInstantAndIsRecorded()
    {
        var id = await NewConversationAsync();

        var c = await _editor.SetNoReplyNeededAsync(id, true, Kim);

        Assert.True(c.NoReplyNeeded);
        Assert.Null(c.SlaDueAt);
        Assert.Contains(await _store.GetHistoryAsync(id), h => h.What == ChangeKinds.NoReplyNeeded && h.To == "true");
    }

    [Fact]
    public async Task RecordForwardAsync_AddsExternalForward()
    {
        var id = await NewConversationAsync();
        var forward = await _editor.RecordForwardAsync(id, new MailParticipant("Carrier", "claims@carrier.example"), "Fwd: parcel", "Please check.", Kim);

        Assert.Equal(MessageDirection.ExternalForward, forward.Direction);
        Assert.Equal(0, (await _store.GetConversationAsync(id))!.SellerReplyCount);
    }

    [Fact]
    public async Task Operations_UnknownConversation_ThrowNotFound()
    {
        var missing = new ConversationId("404");
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => _editor.AssignAsync(missing, Kim, Kim));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => _editor.AddNoteAsync(missing, "x", Kim));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => _editor.RecordReplyAsync(missing, new OutboundReply { Text = "x" }, Kim));
    }
}
