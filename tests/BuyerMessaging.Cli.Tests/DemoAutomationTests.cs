namespace BuyerMessaging.Cli.Tests;

/// <summary>The time part of <c>demo</c>: an auto-reply policy on Amazon.co.jp, a worker pass, .eml files in an outbox.</summary>
public sealed class DemoAutomationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Demo_Json_ReportsThePolicyAndTheFilesTheWorkerWrote()
    {
        var outbox = Path.Combine(_cli.Folder, "out");

        var automation = (await _cli.OkAsync("demo", "--db", _cli.Database, "--outbox", outbox, "--json")).Json().GetProperty("automation");

        var policy = automation.GetProperty("autoReply");
        var worker = automation.GetProperty("worker");
        Assert.Equal("sakura-amazon-jp", policy.Str("channelId"));
        Assert.True(policy.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, worker.Int("failed"));
        var files = worker.Items("files").Select(f => f.GetString()!).ToList();
        Assert.Equal(7, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Demo_Text_ShowsTheAutoReplyAndTheWorkerPass()
    {
        var result = await _cli.OkAsync("demo", "--db", _cli.Database);

        Assert.Contains("Channel sakura-amazon-jp: auto-reply enabled", result.Out, StringComparison.Ordinal);
        Assert.Contains("7 new .eml file(s)", result.Out, StringComparison.Ordinal);
        Assert.Equal(7, Directory.GetFiles(Path.Combine(_cli.Folder, "inbox-outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task Show_AfterDemo_NamesTheAutoReplyInTextAndJson()
    {
        await _cli.OkAsync("demo", "--db", _cli.Database);
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--store", "sakura", "--json")).Json().Items()[0].Str("id")!;

        var text = await _cli.OkAsync("show", "--db", _cli.Database, id);
        var json = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json();

        Assert.Contains("] Auto-reply  ", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AutoReply", text.Out, StringComparison.Ordinal);
        Assert.Contains("autoReply", json.Items("messages").Select(m => m.Str("direction")));
        Assert.Contains("auto-reply", json.Items("history").Select(h => h.Str("what")));
    }

    [Fact]
    public async Task Demo_AgainWithoutOutbox_EmptiesTheDefaultOutboxFirst()
    {
        await _cli.OkAsync("demo", "--db", _cli.Database);

        await _cli.OkAsync("demo", "--db", _cli.Database, "--overwrite");

        Assert.Equal(7, Directory.GetFiles(Path.Combine(_cli.Folder, "inbox-outbox"), "*.eml").Length);
    }
}
