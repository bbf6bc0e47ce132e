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
