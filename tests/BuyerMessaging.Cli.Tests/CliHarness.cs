using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

/// <summary>A time source the tests move by hand.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>What one run of the CLI did.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the CLI in-process against a temporary SQLite file, with a fixed clock and table width.</summary>
internal sealed class CliHarness : IDisposable
{
    /// <summary>After every sample message's Date header, so that no received instant is "in the future".</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory;

    public CliHarness()
    {
        _directory = Path.Combine(Path.GetTempPath(), "bm-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Database = Path.Combine(_directory, "inbox.db");
    }

    public string Database { get; }

    public string Folder => _directory;

    public ManualTimeProvider Time { get; } = new(Start);

    public static string SampleData => Path.Combine(AppContext.BaseDirectory, "SampleData");

    public static string Sample(string name) => Path.Combine(SampleData, name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHostOptions { TimeProvider = Time, TerminalWidth = 200 };
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs and asserts exit code 0.</summary>
    public async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>Ingests the sample folder with the sample stores.json.</summary>
    public Task<CliResult> IngestSamplesAsync() =>
        OkAsync("ingest", "--db", Database, "--config", Sample("stores.json"), SampleData, "--json");

    /// <summary>
    /// Ingests copies of the sample mails without their Received headers, so that each one arrives at the harness's
    /// current time (the samples were received in early November 2026; the clock-driven tests need fresh mail).
    /// </summary>
    public async Task<CliResult> IngestSamplesArrivingNowAsync()
    {
        var folder = Path.Combine(_directory, "arriving-now");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(SampleData, "*.eml"))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(file)), WithoutReceivedHeaders(await File.ReadAllBytesAsync(file)));
        }

        return await OkAsync("ingest", "--db", Database, "--config", Sample("stores.json"), folder, "--json");
    }

    private static byte[] WithoutReceivedHeaders(byte[] raw)
    {
        var output = new List<byte>(raw.Length);
        var inHeaders = true;
        var skipping = false;
        var start = 0;
        while (start < raw.Length)
        {
            var end = Array.IndexOf(raw, (byte)'\n', start);
            end = end < 0 ? raw.Length : end + 1;
            var line = raw.AsSpan(start, end - start);
            if (inHeaders && (line.Length == 0 || line[0] == (byte)'\r' || line[0] == (byte)'\n'))
            {
                inHeaders = false;
            }

            if (inHeaders)
            {
                var continuation = line[0] is (byte)' ' or (byte)'\t';
                skipping = continuation ? skipping : line.StartsWith("Received:"u8);
            }

            if (!(inHeaders && skipping))
            {
                output.AddRange(line);
            }

            start = end;
        }

        return [.. output];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class JsonAssert
{
    /// <summary>Asserts the object has exactly these property names, in any order.</summary>
    public static void HasExactly(JsonElement element, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var actual = element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    public static string? Str(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    public static int Int(this JsonElement element, string name) => element.GetProperty(name).GetInt32();

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name = "items") =>
        element.GetProperty(name).EnumerateArray().ToList();
}
