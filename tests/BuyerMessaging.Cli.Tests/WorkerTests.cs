using MimeKit;

namespace BuyerMessaging.Cli.Tests;

/// <summary><c>worker --once</c> with the file-system sender, and the inbox's SLA column, on the fixed clock.</summary>
public sealed class WorkerTests : IDisposable
{
    private const string Jp = "sakura-amazon-jp";

    private readonly CliHarness _cli = new();

    public WorkerTests() =>
        // Tuesday 2026-12-01 19:00 JST: after hours in Tokyo.
        _cli.Time.Now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private string Outbox => Path.Combine(_cli.Folder, "outbox");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Once_AfterTheDelay_WritesOneAutoReplyPerConversationAsEml()
    {
        await ConfigureAsync("Mon-Fri 18:00-09:00,Sat-Sun");
        await _cli.IngestSamplesArrivingNowAsync();

        var early = (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox, "--json")).Json();
        _cli.Time.Advance(TimeSpan.FromMinutes(10));
        var due = (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox, "--json")).Json();

        JsonAssert.HasExactly(due, "leased", "succeeded", "retried", "failed", "outbox", "files");
        Assert.Empty(early.Items("files"));
        var files = due.Items("files").Select(f => f.GetString()!).ToList();
        Assert.Equal(7, files.Count);
        Assert.Equal(0, due.Int("failed"));
        foreach (var file in files)
        {
            var mime = await MimeMessage.LoadAsync(Path.Combine(Outbox, file));
            Assert.Equal("auto-replied", mime.Headers[HeaderId.AutoSubmitted]);
            Assert.Equal(Jp, mime.Headers[FileSystemOutboundSender.ChannelHeader]);
            Assert.NotNull(mime.InReplyTo);
            Assert.Contains("Sakura Home", mime.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Once_Again_SendsNothingTwice()
    {
        await ConfigureAsync("24x7");
        await _cli.IngestSamplesArrivingNowAsync();
        _cli.Time.Advance(TimeSpan.FromMinutes(10));
        await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox);

        var again = (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox, "--json")).Json();

        Assert.Empty(again.Items("files"));
        Assert.Equal(7, Directory.GetFiles(Outbox, "*.eml").Length);
    }

    [Fact]
    public async Task Once_OutsideTheWindows_WritesNothing()
    {
        // Tuesday 10:00 JST: office hours.
        _cli.Time.Now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        await ConfigureAsync("Mon-Fri 18:00-09:00,Sat-Sun");
        await _cli.IngestSamplesArrivingNowAsync();
        _cli.Time.Advance(TimeSpan.FromMinutes(10));

        var json = (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox, "--json")).Json();

        Assert.Empty(json.Items("files"));
    }

    [Fact]
    public async Task Once_DefaultOutbox_IsNextToTheDatabase()
    {
        await ConfigureAsync("24x7");
        await _cli.IngestSamplesArrivingNowAsync();
        _cli.Time.Advance(TimeSpan.FromMinutes(10));

        var result = await _cli.OkAsync("worker", "--db", _cli.Database, "--once");

        Assert.Contains("7 new .eml file(s)", result.Out, StringComparison.Ordinal);
        Assert.Equal(7, Directory.GetFiles(Path.Combine(_cli.Folder, "inbox-outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task Once_OutboxIsAFile_FailsNamingTheOption_AndDemoDeletesNothing()
    {
        await ConfigureAsync("Mon-Fri 18:00-09:00,Sat-Sun");
        await _cli.IngestSamplesArrivingNowAsync();
        var file = Path.Combine(_cli.Folder, "outbox.txt");
        await File.WriteAllTextAsync(file, "notes\n");
        _cli.Time.Advance(TimeSpan.FromMinutes(10));

        var worker = await _cli.RunAsync("worker", "--db", _cli.Database, "--once", "--outbox", file, "--json");
        var demo = await _cli.RunAsync("demo", "--db", _cli.Database, "--overwrite", "--outbox", file, "--json");

        foreach (var result in new[] { worker, demo })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"--outbox: '{file}' is a file; give a folder (it is created when missing).", result.Json().Str("error"));
        }

        Assert.Equal("notes\n", await File.ReadAllTextAsync(file));
        // The auto-replies the worker could not write are still due: nothing was leased or put off, nothing was lost.
        var again = (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--outbox", Outbox, "--json")).Json();
        Assert.Equal(7, again.Items("files").Count);
        Assert.Equal(0, again.Int("retried"));
    }

    [Fact]
    public async Task Worker_MissingDatabaseOrBadInterval_Fail()
    {
        Assert.Equal(2, (await _cli.RunAsync("worker", "--db", _cli.Database, "--once")).ExitCode);
        await _cli.IngestSamplesArrivingNowAsync();
        var bad = await _cli.RunAsync("worker", "--db", _cli.Database, "--interval", "0");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--interval: 0 is out of range", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Remaining_ShowsHoursLeftThenOverdueDaysAndHours_InEnglishAndJapanese()
    {
        await _cli.IngestSamplesArrivingNowAsync();

        var fresh = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1", "--json")).Json().Items()[0].GetProperty("sla");
        var text = await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1", "--display-language", "ja");
        _cli.Time.Advance(TimeSpan.FromHours(24 + 51));
        var late = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1", "--json")).Json().Items()[0].GetProperty("sla");
        var lateJa = await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1", "--display-language", "ja");
        var lateEn = await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1");

        JsonAssert.HasExactly(fresh, "state", "hoursLeft", "daysOverdue", "hoursOverdue", "text");
        Assert.Equal("remaining", fresh.Str("state"));
        Assert.Equal(24, fresh.Int("hoursLeft"));
        Assert.Contains("残り24時間", text.Out, StringComparison.Ordinal);
        Assert.Equal("overdue", late.Str("state"));
        Assert.Equal(2, late.Int("daysOverdue"));
        Assert.Equal(3, late.Int("hoursOverdue"));
        Assert.Equal("overdue +2d 3h", late.Str("text"));
        Assert.Contains("期限切れ+2日(3時間)", lateJa.Out, StringComparison.Ordinal);
        Assert.Contains("overdue +2d 3h", lateEn.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Remaining_IsBlankWhileAwaitingTheBuyer()
    {
        await _cli.IngestSamplesArrivingNowAsync();
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--limit", "1", "--json")).Json().Items()[0].Str("id")!;
        await _cli.OkAsync("reply", "--db", _cli.Database, id, "--text", "ありがとうございます。", "--actor", "alice");

        var row = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", Jp, "--status", "awaiting-buyer", "--json")).Json().Items().Single(c => c.Str("id") == id);

        Assert.Equal("awaitingBuyer", row.GetProperty("sla").Str("state"));
        Assert.Equal(string.Empty, row.GetProperty("sla").Str("text"));
    }

    [Fact]
    public async Task Inbox_BadDisplayLanguage_IsAUsageError()
    {
        await _cli.IngestSamplesArrivingNowAsync();

        var result = await _cli.RunAsync("inbox", "--db", _cli.Database, "--display-language", "fr");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--display-language: 'fr' is not supported", result.Err, StringComparison.Ordinal);
    }

    private async Task ConfigureAsync(string windows)
    {
        // The channels must exist before the policy: save the stores with an ingest of nothing but the config.
        await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", CliHarness.Sample("stores.json"), CliHarness.Sample("99-malformed.eml"));
        // The delay is random in whole seconds: at least 1 minute, so that nothing is due at the instant of arrival (with
        // 0 a draw below 1/600 made a reply due at once), and under 10 minutes, which the tests advance.
        await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", windows, "--min-delay", "1", "--max-delay", "10",
            "--first-contact", "auto-reply-ja", "--follow-up", "auto-reply-ja-follow-up");
    }
}
