namespace BuyerMessaging.Cli.Tests;

public sealed class DemoTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Demo_json_shows_both_stores_and_the_ingest_summary()
    {
        var json = (await _cli.OkAsync("demo", "--db", _cli.Database, "--json")).Json();

        Assert.Equal(_cli.Database, json.Str("database"));
        Assert.Equal(["northwind", "sakura"], json.Items("stores").Select(s => s.Str("id")!).ToArray());
        var ingest = json.GetProperty("ingest");
        Assert.Equal(36, ingest.Int("ingested"));
        Assert.Equal(3, ingest.Int("duplicates"));
        var quarantined = Assert.Single(ingest.Items("quarantined"));
        Assert.Equal(Path.Join("SampleData", "99-malformed.eml"), quarantined.Str("file"));

        var items = json.GetProperty("inbox").Items();
        Assert.Equal(27, items.Count);
        Assert.Equal(20, items.Count(i => i.Str("storeId") == "northwind"));
        Assert.Equal(7, items.Count(i => i.Str("storeId") == "sakura"));
        Assert.All(items, i => Assert.Equal("new", i.Str("readState")));

        var counts = json.GetProperty("counts");
        Assert.Equal(27, counts.Int("total"));
        Assert.Equal(27, counts.Items("statuses").Single(s => s.Str("status") == "open").Int("count"));
        Assert.Equal(27, counts.Items("folders").Single(f => f.Str("id") == "open").Int("count"));
    }

    [Fact]
    public async Task Demo_text_prints_the_inbox_with_Japanese_and_German_and_the_sidebar()
    {
        var result = await _cli.OkAsync("demo", "--db", _cli.Database, "--zone", "Asia/Tokyo");

        Assert.Contains($"Database: {_cli.Database}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Northwind Goods (northwind)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sakura Home (sakura)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Ingested       36", result.Out, StringComparison.Ordinal);
        Assert.Contains("Duplicates      3", result.Out, StringComparison.Ordinal);
        Assert.Contains("SampleData/99-malformed.eml", result.Out, StringComparison.Ordinal);
        Assert.Contains("Amazon.co.jp のお客様", result.Out, StringComparison.Ordinal);
        Assert.Contains("佐藤 美咲", result.Out, StringComparison.Ordinal);
        Assert.Contains("Frage von Amazon-Kunde", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sabine Köhler", result.Out, StringComparison.Ordinal);
        Assert.Contains("Awaiting buyer", result.Out, StringComparison.Ordinal);
        Assert.Contains("Unread 27 of 27 conversations.", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Err);
    }

    [Fact]
    public async Task Demo_samples_without_stores_json_fail_naming_samples_and_keep_the_database()
    {
        await _cli.OkAsync("demo", "--db", _cli.Database);
        var samples = Path.Combine(_cli.Folder, "samples");
        Directory.CreateDirectory(samples);
        File.Copy(CliHarness.Sample("01-us-shipping-jane.eml"), Path.Combine(samples, "01.eml"));

        var result = await _cli.RunAsync("demo", "--db", _cli.Database, "--overwrite", "--samples", samples, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"--samples: '{Path.Combine(samples, "stores.json")}' not found.", result.Json().Str("error")); // demo has no --config
        var inbox = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1000", "--json")).Json();
        Assert.Equal(27, inbox.Items().Count); // nothing is deleted before the samples are read
    }

    [Fact]
    public async Task Demo_recreates_its_database_on_every_run_with_overwrite()
    {
        await _cli.OkAsync("demo", "--db", _cli.Database, "--json");

        var refused = await _cli.RunAsync("demo", "--db", _cli.Database);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Err, StringComparison.Ordinal);

        var again = (await _cli.OkAsync("demo", "--db", _cli.Database, "--overwrite", "--json")).Json();
        Assert.Equal(36, again.GetProperty("ingest").Int("ingested"));
        Assert.Equal(27, again.GetProperty("inbox").Items().Count);
    }

    public void Dispose() => _cli.Dispose();
}
