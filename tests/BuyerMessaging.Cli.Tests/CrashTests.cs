using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace BuyerMessaging.Cli.Tests;

/// <summary>
/// The CLI killed (SIGKILL, no chance to clean up) in the middle of <c>ingest</c> and of <c>worker</c>, then run again:
/// no buyer message is lost or stored twice, and no reply is written twice. The killed runs are real processes
/// (<c>dotnet buyer-messaging.dll</c>) on the same SQLite file, so the crash is the operating system's, not a simulated one.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string Us = "northwind-amazon-us";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ingest_KilledTwiceMidRun_ThenRunAgain_StoresEveryMessageExactlyOnce()
    {
        const int total = 20_000;
        var mbox = Path.Combine(_cli.Folder, "export.mbox");
        await WriteMboxAsync(mbox, total);
        string[] ingest = ["ingest", "--db", _cli.Database, "--config", CliHarness.Sample("stores.json"), mbox, "--json"];

        var afterFirstKill = await KillWhenAsync(ingest, () => Count("messages"), 1);
        var afterSecondKill = await KillWhenAsync(ingest, () => Count("messages"), afterFirstKill + 1);
        var last = (await _cli.OkAsync(ingest)).Json();

        // Each kill came in the middle of the run (else this test would prove nothing), and the last run finished it.
        Assert.InRange(afterFirstKill, 1, total - 1);
        Assert.InRange(afterSecondKill, afterFirstKill, total - 1);
        Assert.Equal(total, last.Int("ingested") + last.Int("duplicates"));
        Assert.True(last.Int("ingested") > 0, "the last run had nothing left to ingest");
        Assert.Empty(last.Items("quarantined"));
        Assert.Equal(total, Count("messages"));
        Assert.Equal(total, Count("conversations"));
        Assert.Equal(total, Scalar("SELECT COUNT(DISTINCT internet_message_id) FROM messages"));
    }

    [Fact]
    public async Task Worker_KilledTwiceMidRun_ThenRunAgain_WritesEveryAutoReplyExactlyOnce()
    {
        const int total = 400;
        var outbox = await ScheduleAutoRepliesAsync(total);

        // The killed workers run on the real clock, days after the harness's: every auto-reply is due for them.
        string[] worker = ["worker", "--db", _cli.Database, "--once", "--outbox", outbox, "--json"];
        var afterFirstKill = await KillWhenAsync(worker, () => Sent(outbox), 10);
        var afterSecondKill = await KillWhenAsync(worker, () => Sent(outbox), afterFirstKill + 100);

        // Then the harness's worker, past the killed workers' leases (and any retry's back-off), until nothing is left.
        _cli.Time.Now = TimeProvider.System.GetUtcNow().AddHours(1);
        for (var run = 0; run < 10 && Sent(outbox) < total; run++)
        {
            var json = (await _cli.OkAsync(worker)).Json();
            Assert.Equal(0, json.Int("failed"));
            _cli.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.InRange(afterFirstKill, 10, total - 1);
        Assert.InRange(afterSecondKill, afterFirstKill + 1, total - 1);
        await AssertOneReplyEachAsync(outbox, total);
        Assert.Empty((await _cli.OkAsync(worker)).Json().Items("files"));
    }

    [Fact]
    public async Task Ingest_TwoProcessesAtOnce_OfTheSameExport_StoreEveryMessageOnce()
    {
        const int total = 5_000;
        var mbox = Path.Combine(_cli.Folder, "export.mbox");
        await WriteMboxAsync(mbox, total);
        string[] ingest = ["ingest", "--db", _cli.Database, "--config", CliHarness.Sample("stores.json"), mbox, "--json"];

        var results = await Task.WhenAll(RunAsync(ingest), RunAsync(ingest));

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(total, result.Json().Int("ingested") + result.Json().Int("duplicates"));
        }

        Assert.Equal(total, results.Sum(r => r.Json().Int("ingested")));
        Assert.Equal(total, Count("messages"));
        Assert.Equal(total, Count("conversations"));
    }

    [Fact]
    public async Task Worker_TwoProcessesAtOnce_WriteEveryAutoReplyOnce()
    {
        const int total = 300;
        var outbox = await ScheduleAutoRepliesAsync(total);
        string[] worker = ["worker", "--db", _cli.Database, "--once", "--outbox", outbox, "--json"];

        var results = await Task.WhenAll(RunAsync(worker), RunAsync(worker));

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(0, result.Json().Int("failed"));
        }

        Assert.Equal(total, results.Sum(r => r.Json().Items("files").Count));
        await AssertOneReplyEachAsync(outbox, total);
    }

    /// <summary>An auto-reply policy on the US marketplace that answers at once, and <paramref name="count"/> buyers who wrote; returns the outbox folder.</summary>
    private async Task<string> ScheduleAutoRepliesAsync(int count)
    {
        await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", CliHarness.Sample("stores.json"), CliHarness.Sample("99-malformed.eml"));
        await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Us, "--windows", "24x7", "--min-delay", "0", "--max-delay", "0",
            "--first-contact", "auto-reply-en");
        var mbox = Path.Combine(_cli.Folder, "export.mbox");
        await WriteMboxAsync(mbox, count);
        Assert.Equal(count, (await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", CliHarness.Sample("stores.json"), mbox, "--json")).Json().Int("ingested"));
        return Path.Combine(_cli.Folder, "outbox");
    }

    /// <summary>One .eml per conversation in the outbox, and one auto-reply recorded in each conversation.</summary>
    private async Task AssertOneReplyEachAsync(string outbox, int count)
    {
        var files = Directory.GetFiles(outbox, "*.eml");
        Assert.Equal(count, files.Length);
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var mime = await MimeMessage.LoadAsync(file);
            Assert.True(conversations.Add(mime.Headers[FileSystemOutboundSender.ConversationHeader] ?? ""), $"two replies to one conversation: {file}");
        }

        Assert.Equal(count, Scalar("SELECT COUNT(*) FROM messages WHERE direction = 'AutoReply'"));
        Assert.Equal(count, Scalar("SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE direction = 'AutoReply'"));
    }

    /// <summary>Runs the CLI as its own process to the end.</summary>
    private static async Task<CliResult> RunAsync(string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await errors);
    }

    private static ProcessStartInfo Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "buyer-messaging.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Starts the CLI as its own process, kills it (the whole tree) once <paramref name="progress"/> reaches <paramref name="atLeast"/>, and returns the progress then.</summary>
    private static async Task<int> KillWhenAsync(string[] args, Func<int> progress, int atLeast)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (progress() < atLeast)
        {
            if (process.HasExited)
            {
                Assert.Fail($"the run ended before it could be killed (exit {process.ExitCode}): {await output} {await errors}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "the run made no progress in 2 minutes");
            await Task.Delay(5);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        Assert.True(process.ExitCode != 0, $"the run ended before it was killed: {await output} {await errors}");
        return progress();
    }

    private static int Sent(string outbox) => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").Length : 0;

    private int Count(string table) => Scalar($"SELECT COUNT(*) FROM {table}");

    private int Scalar(string sql)
    {
        if (!File.Exists(_cli.Database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The schema is not there yet, or the writer holds the file for a moment.
            return 0;
        }
    }

    /// <summary>An mbox export of distinct Amazon relay messages, one buyer and order each, for the US marketplace.</summary>
    private static async Task WriteMboxAsync(string path, int count)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            var order = string.Create(CultureInfo.InvariantCulture, $"111-{i:D7}-{(i * 7919) % 10_000_000:D7}");
            var alias = string.Create(CultureInfo.InvariantCulture, $"crash{i:D6}buyer@marketplace.amazon.com");
            await writer.WriteLineAsync("From MAILER-DAEMON Mon Nov 30 10:00:00 2026");
            await writer.WriteLineAsync($"From: \"Buyer {i} - Amazon Marketplace\" <{alias}>");
            await writer.WriteLineAsync("To: amazon-us@northwind.example");
            await writer.WriteLineAsync("Date: Mon, 30 Nov 2026 10:00:00 +0000");
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Message-ID: <crash-{i}@marketplace.amazon.com>"));
            await writer.WriteLineAsync($"Subject: Inquiry from Amazon customer Buyer {i} (Order: {order})");
            await writer.WriteLineAsync("MIME-Version: 1.0");
            await writer.WriteLineAsync("Content-Type: text/plain; charset=us-ascii");
            await writer.WriteLineAsync();
            await writer.WriteLineAsync($"Order ID {order}:");
            await writer.WriteLineAsync("1 of Northwind Pour-Over Kettle [ASIN: B0CK7R4M2T]");
            await writer.WriteLineAsync();
            await writer.WriteLineAsync("------------- Begin message -------------");
            await writer.WriteLineAsync();
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Hi, my order number {i} has not arrived yet. Could you tell me where my parcel is?"));
            await writer.WriteLineAsync();
            await writer.WriteLineAsync("------------- End message -------------");
            await writer.WriteLineAsync();
        }
    }
}
