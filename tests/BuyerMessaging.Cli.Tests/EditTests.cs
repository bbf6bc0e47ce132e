using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

public sealed class EditTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Status_assign_folder_note_and_reply_show_up_in_show_with_history()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync("--store", "sakura");

        await _cli.OkAsync("status", "--db", _cli.Database, "--set", "pending", "--actor", "alice", id);
        await _cli.OkAsync("assign", "--db", _cli.Database, id, "--agent", "bob", "--actor", "alice");
        var folder = (await _cli.OkAsync("folder", "create", "--db", _cli.Database, "返品対応", "--json")).Json();
        JsonAssert.HasExactly(folder, "id", "name", "kind", "status", "hidden", "order");
        await _cli.OkAsync("folder", "--db", _cli.Database, id, "--to", "返品対応", "--actor", "alice");
        var note = (await _cli.OkAsync("note", "--db", _cli.Database, id, "--text", "運送会社に確認中", "--actor", "alice", "--json")).Json();
        Assert.Equal("sellerNote", note.GetProperty("message").Str("direction"));
        var reply = (await _cli.OkAsync("reply", "--db", _cli.Database, id, "--text", "お問い合わせありがとうございます。", "--actor", "bob", "--json")).Json();
        Assert.Equal("outboundReply", reply.GetProperty("message").Str("direction"));
        Assert.Equal("awaitingBuyer", reply.GetProperty("conversation").Str("status"));

        var show = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json();
        JsonAssert.HasExactly(show, "conversation", "messages", "history");
        var conversation = show.GetProperty("conversation");
        Assert.Equal("awaitingBuyer", conversation.Str("status"));
        Assert.Equal("bob", conversation.Str("assignee"));
        Assert.Equal(folder.Str("id"), conversation.Str("folderId"));
        Assert.Equal(1, conversation.Int("sellerReplyCount"));

        var messages = show.Items("messages");
        Assert.Equal(["inbound", "inbound", "sellerNote", "outboundReply"], messages.Select(m => m.Str("direction")!).ToArray());
        JsonAssert.HasExactly(messages[0], "id", "direction", "from", "to", "cc", "at", "sentAt", "subject", "text", "author", "attachments");
        Assert.Equal("運送会社に確認中", messages[2].Str("text"));
        Assert.Equal("bob", messages[3].Str("author"));

        var history = show.Items("history");
        JsonAssert.HasExactly(history[0], "what", "from", "to", "actor", "at");
        Assert.Contains(history, h => h.Str("what") == "status" && h.Str("from") == "Open" && h.Str("to") == "Pending" && h.Str("actor") == "alice");
        Assert.Contains(history, h => h.Str("what") == "assignee" && h.Str("to") == "bob");
        Assert.Contains(history, h => h.Str("what") == "folder" && h.Str("to") == folder.Str("id"));
        Assert.Contains(history, h => h.Str("what") == "note" && h.Str("actor") == "alice");
        Assert.Contains(history, h => h.Str("what") == "reply" && h.Str("actor") == "bob");
        Assert.Contains(history, h => h.Str("what") == "status" && h.Str("from") == "Pending" && h.Str("to") == "AwaitingBuyer" && h.Str("actor") == "bob");

        var text = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--zone", "Asia/Tokyo")).Out;
        Assert.Contains("Status:    Awaiting buyer", text, StringComparison.Ordinal);
        Assert.Contains("Assignee:  bob", text, StringComparison.Ordinal);
        Assert.Contains("Folder:    返品対応", text, StringComparison.Ordinal);
        Assert.Contains("Seller note", text, StringComparison.Ordinal);
        Assert.Contains("お問い合わせありがとうございます。", text, StringComparison.Ordinal);
        Assert.Contains("History (", text, StringComparison.Ordinal);
        Assert.Contains("assignee", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_status_changes_all_or_none()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();

        var missing = await _cli.RunAsync("status", "--db", _cli.Database, "--set", "resolved", "--actor", "alice", id, "9999");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("9999", missing.Err, StringComparison.Ordinal);
        Assert.Equal("open", await StatusAsync(id));

        var json = (await _cli.OkAsync("status", "--db", _cli.Database, "--set", "resolved", "--actor", "alice", id, "--json")).Json();
        Assert.Equal("resolved", Assert.Single(json.Items()).Str("status"));
    }

    [Fact]
    public async Task Unknown_ids_exit_2()
    {
        await _cli.IngestSamplesAsync();

        foreach (var args in new[]
        {
            new[] { "show", "--db", _cli.Database, "9999" },
            ["status", "--db", _cli.Database, "--set", "open", "--actor", "a", "9999"],
            ["assign", "--db", _cli.Database, "9999", "--agent", "bob", "--actor", "a"],
            ["folder", "--db", _cli.Database, "9999", "--to", "resolved", "--actor", "a"],
            ["note", "--db", _cli.Database, "9999", "--text", "x", "--actor", "a"],
            ["reply", "--db", _cli.Database, "9999", "--text", "x", "--actor", "a"],
        })
        {
            var result = await _cli.RunAsync([.. args, "--json"]);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal("ID: there is no conversation '9999'.", result.Json().Str("error"));
            Assert.Equal("error: ID: there is no conversation '9999'.", result.Err.TrimEnd());
        }
    }

    [Fact]
    public async Task A_bad_status_value_exits_1_naming_the_option()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();

        var result = await _cli.RunAsync("status", "--db", _cli.Database, "--set", "done", "--actor", "alice", id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--set", result.Err, StringComparison.Ordinal);
        Assert.Contains("awaiting-buyer", result.Err, StringComparison.Ordinal);

        result = await _cli.RunAsync("reply", "--db", _cli.Database, id, "--text", "x", "--actor", "alice", "--status", "closed");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--status", result.Err, StringComparison.Ordinal);
        Assert.Equal("open", await StatusAsync(id));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("create", "VIP")]
    [InlineData("delete", "VIP")]
    public async Task A_conversation_ID_before_a_folder_subcommand_is_an_error_not_ignored(params string[] subcommand)
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();

        var result = await _cli.RunAsync(["folder", id, .. subcommand, "--db", _cli.Database]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"folder {subcommand[0]}: takes no conversation ID before the sub-command (got '{id}')", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(
            (await _cli.OkAsync("folder", "list", "--db", _cli.Database, "--json")).Json().Items(),
            f => f.Str("name") == "VIP");
    }

    [Fact]
    public async Task Usage_errors_exit_1()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();

        var noActor = await _cli.RunAsync("status", "--db", _cli.Database, "--set", "open", id);
        Assert.Equal(1, noActor.ExitCode);
        Assert.Contains("--actor", noActor.Err, StringComparison.Ordinal);

        var both = await _cli.RunAsync("assign", "--db", _cli.Database, id, "--agent", "bob", "--none", "--actor", "a");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--none", both.Err, StringComparison.Ordinal);

        Assert.Equal(1, (await _cli.RunAsync("frobnicate")).ExitCode);
        Assert.Equal(1, (await _cli.RunAsync()).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("--help")).ExitCode);
    }

    [Fact]
    public async Task Assign_to_nobody_and_move_to_a_status_folder()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();
        await _cli.OkAsync("assign", "--db", _cli.Database, id, "--agent", "bob", "--actor", "alice");

        var json = (await _cli.OkAsync("assign", "--db", _cli.Database, id, "--none", "--actor", "alice", "--json")).Json();
        Assert.Null(Assert.Single(json.Items()).Str("assignee"));

        json = (await _cli.OkAsync("folder", "--db", _cli.Database, id, "--to", "awaiting-buyer", "--actor", "alice", "--json")).Json();
        Assert.Equal("awaitingBuyer", Assert.Single(json.Items()).Str("status"));
    }

    [Fact]
    public async Task Folders_are_created_renamed_hidden_listed_and_deleted()
    {
        await _cli.IngestSamplesAsync();
        var id = await FirstIdAsync();
        var folderId = (await _cli.OkAsync("folder", "create", "--db", _cli.Database, "VIP", "--json")).Json().Str("id")!;
        await _cli.OkAsync("folder", "--db", _cli.Database, id, "--to", folderId, "--actor", "alice");

        Assert.Equal("VIP buyers", (await _cli.OkAsync("folder", "rename", "--db", _cli.Database, "VIP", "--name", "VIP buyers", "--json")).Json().Str("name"));
        Assert.True((await _cli.OkAsync("folder", "hide", "--db", _cli.Database, "pending", "--json")).Json().GetProperty("hidden").GetBoolean());
        var list = (await _cli.OkAsync("folder", "list", "--db", _cli.Database, "--json")).Json().Items();
        Assert.Equal(["open", "pending", "awaiting-buyer", "resolved", folderId], list.Select(f => f.Str("id")!).ToArray());
        Assert.True(list[1].GetProperty("hidden").GetBoolean());
        Assert.Equal(id, Assert.Single((await _cli.OkAsync("inbox", "--db", _cli.Database, "--folder", "VIP buyers", "--json")).Json().Items()).Str("id"));

        var duplicate = await _cli.RunAsync("folder", "create", "--db", _cli.Database, "vip buyers");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("NAME", duplicate.Err, StringComparison.Ordinal);
        Assert.Equal(1, (await _cli.RunAsync("folder", "delete", "--db", _cli.Database, "open", "--actor", "alice")).ExitCode);

        var deleted = (await _cli.OkAsync("folder", "delete", "--db", _cli.Database, folderId, "--actor", "alice", "--json")).Json();
        JsonAssert.HasExactly(deleted, "deleted", "movedBack");
        Assert.Equal(1, deleted.Int("movedBack"));
        var show = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json();
        Assert.Equal(JsonValueKind.Null, show.GetProperty("conversation").GetProperty("folderId").ValueKind);
        Assert.Equal(2, (await _cli.RunAsync("folder", "show", "--db", _cli.Database, folderId)).ExitCode);
    }

    [Fact]
    public async Task A_status_folder_cannot_be_renamed()
    {
        await _cli.IngestSamplesAsync();

        var result = await _cli.RunAsync("folder", "rename", "--db", _cli.Database, "open", "--name", "Inbox", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FOLDER: 'open' is a status folder; status folders cannot be renamed", result.Json().Str("error"), StringComparison.Ordinal);
        var open = (await _cli.OkAsync("folder", "list", "--db", _cli.Database, "--json")).Json().Items()[0];
        Assert.Equal("Open", open.Str("name"));
    }

    [Theory]
    [InlineData("awaiting-buyer")]
    [InlineData("AwaitingBuyer")]
    [InlineData("AWAITING_BUYER")]
    [InlineData("Awaiting buyer")]
    [InlineData("open")]
    [InlineData(" resolved ")]
    public async Task A_custom_folder_cannot_take_a_status_folders_name_or_alias(string name)
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("folder", "create", "--db", _cli.Database, "VIP");

        var create = await _cli.RunAsync("folder", "create", "--db", _cli.Database, name, "--json");
        var rename = await _cli.RunAsync("folder", "rename", "--db", _cli.Database, "VIP", "--name", name, "--json");

        Assert.Equal(1, create.ExitCode);
        Assert.StartsWith("NAME: ", create.Json().Str("error"), StringComparison.Ordinal);
        Assert.Contains("status folder", create.Json().Str("error"), StringComparison.Ordinal);
        Assert.Equal(1, rename.ExitCode);
        Assert.StartsWith("--name: ", rename.Json().Str("error"), StringComparison.Ordinal);
        var custom = (await _cli.OkAsync("folder", "list", "--db", _cli.Database, "--json")).Json().Items().Where(f => f.Str("kind") == "custom");
        Assert.Equal("VIP", Assert.Single(custom).Str("name"));
    }

    private async Task<string> FirstIdAsync(params string[] filters) =>
        (await _cli.OkAsync(["inbox", "--db", _cli.Database, "--limit", "1", "--json", .. filters])).Json().Items()[0].Str("id")!;

    private async Task<string?> StatusAsync(string id) =>
        (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json().GetProperty("conversation").Str("status");

    public void Dispose() => _cli.Dispose();
}
