using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed class FolderEditorTests
{
    private static readonly AgentId Kim = new("kim");
    private readonly FakeClock _clock = new(TestMail.Start);
    private readonly InMemoryConversationStore _store = new();

    [Fact]
    public async Task CreateAsync_DuplicateOrEmptyName_FailsWithFieldNamed()
    {
        var folders = new FolderEditor(_store, _clock);
        await folders.CreateAsync("Returns");

        var duplicate = await Assert.ThrowsAsync<DefinitionValidationException>(() => folders.CreateAsync(" returns "));
        var empty = await Assert.ThrowsAsync<DefinitionValidationException>(() => folders.CreateAsync(""));
        var open = await Assert.ThrowsAsync<DefinitionValidationException>(() => folders.CreateAsync("OPEN"));

        Assert.Equal("Name", Assert.Single(duplicate.Errors).Path);
        Assert.Contains("Name: must not be empty", empty.Message, StringComparison.Ordinal);
        Assert.Equal("Name", Assert.Single(open.Errors).Path);
    }

    [Fact]
    public async Task CreateAsync_JapaneseName_GetsUsableId()
    {
        var folder = await new FolderEditor(_store, _clock).CreateAsync("返品対応");

        Assert.Equal("f-返品対応", folder.Id.Value);
        Assert.Equal(FolderKind.Custom, folder.Kind);
        Assert.Contains(await _store.GetFoldersAsync(), f => f.Id == folder.Id);
    }

    [Fact]
    public async Task DeleteAsync_MovesConversationsBackAndLosesNothing()
    {
        await TestMail.ConfigureAsync(_store);
        var ingestor = new ConversationIngestor(_store, _clock);
        var editor = new ConversationEditor(_store, _clock);
        var folders = new FolderEditor(_store, _clock);
        var folder = await folders.CreateAsync("Carrier claims");
        var a = (await ingestor.IngestAsync(TestMail.Mail(from: "a@mail.example"))).ConversationId!.Value;
        var b = (await ingestor.IngestAsync(TestMail.Mail(from: "b@mail.example"))).ConversationId!.Value;
        await editor.MoveToFolderAsync(a, folder.Id, Kim);
        await editor.MoveToFolderAsync(b, folder.Id, Kim);
        await editor.SetStatusAsync(b, ConversationStatus.Resolved, Kim);

        var moved = await folders.DeleteAsync(folder.Id, Kim);

        Assert.Equal(2, moved);
        Assert.DoesNotContain(await _store.GetFoldersAsync(), f => f.Id == folder.Id);
        Assert.Equal(a, Assert.Single((await _store.QueryAsync(new InboxQuery { Folder = SystemFolders.Open })).Items).Id);
        Assert.Equal(b, Assert.Single((await _store.QueryAsync(new InboxQuery { Folder = SystemFolders.Resolved })).Items).Id);
        Assert.Contains(await _store.GetHistoryAsync(a), h => h.What == ChangeKinds.Folder && h.From == folder.Id.Value && h.To is null);
    }

    [Fact]
    public async Task DeleteAsync_SystemFolder_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => new FolderEditor(_store, _clock).DeleteAsync(SystemFolders.Open, Kim));
    }

    [Fact]
    public async Task SetHiddenAsync_SystemFolder_IsHiddenAndShownAgain()
    {
        var folders = new FolderEditor(_store, _clock);

        await folders.SetHiddenAsync(SystemFolders.Resolved, true);
        Assert.True((await _store.GetFoldersAsync()).Single(f => f.Id == SystemFolders.Resolved).Hidden);

        await folders.SetHiddenAsync(SystemFolders.Resolved, false);
        Assert.False((await _store.GetFoldersAsync()).Single(f => f.Id == SystemFolders.Resolved).Hidden);
    }

    [Fact]
    public async Task RenameAsync_ChangesNameKeepsId()
    {
        var folders = new FolderEditor(_store, _clock);
        var folder = await folders.CreateAsync("Returns");

        var renamed = await folders.RenameAsync(folder.Id, "Returns (EU)");

        Assert.Equal(folder.Id, renamed.Id);
        Assert.Equal("Returns (EU)", (await _store.GetFoldersAsync()).Single(f => f.Id == folder.Id).Name);
        await Assert.ThrowsAsync<FolderNotFoundException>(() => folders.RenameAsync(SystemFolders.Open, "x"));
    }
}
