namespace BuyerMessaging.Cli.Tests;

/// <summary><c>quarantine retry</c>, <c>save</c> and <c>delete</c>: quarantined mail brought into the inbox once what kept it out is fixed.</summary>
public sealed class QuarantineTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Retry_AfterTheMissingChannelIsConfigured_IngestsItsMailAsAFreshIngestWould()
    {
        // The German marketplace left out of stores.json: its mail is quarantined.
        var partial = Path.Combine(_cli.Folder, "stores-without-de.json");
        var lines = (await File.ReadAllLinesAsync(CliHarness.Sample("stores.json"))).Where(l => !l.Contains("northwind-amazon-de", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(partial, lines);
        var first = (await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", partial, CliHarness.SampleData, "--json")).Json();
        var quarantinedForDe = first.Items("quarantined").Count - 1;

        var retry = (await _cli.OkAsync("quarantine", "retry", "--db", _cli.Database, "--all", "--config", CliHarness.Sample("stores.json"), "--json")).Json();

        Assert.True(quarantinedForDe >= 3, first.ToString());
        JsonAssert.HasExactly(retry, "ingested", "duplicates", "quarantined");
        Assert.Equal(quarantinedForDe, retry.Int("ingested"));
        var still = Assert.Single(retry.Items("quarantined"));
        JsonAssert.HasExactly(still, "id", "was", "source", "reason");
        Assert.Equal(Path.Join(CliHarness.SampleData, "99-malformed.eml"), still.Str("source"));
        Assert.NotEqual(still.GetProperty("was").GetInt64(), still.GetProperty("id").GetInt64());
        var listed = Assert.Single((await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json().Items());
        Assert.Equal(still.GetProperty("id").GetInt64(), listed.GetProperty("id").GetInt64());

        // The same inbox as ingesting everything with the full stores.json.
        using var fresh = new CliHarness();
        await fresh.IngestSamplesAsync();
        Assert.Equal(await InboxAsync(fresh), await InboxAsync(_cli));
    }

    [Fact]
    public async Task Retry_OfAMessageFromAnMbox_KeepsTheLineTheMboxWriterQuoted()
    {
        // A German buyer's line that starts with "From ", which an mbox writer quotes as ">From ".
        var eml = (await File.ReadAllTextAsync(CliHarness.Sample("02-de-shipping-lukas.eml")))
            .Replace("bt?\r\n\r\nViele", "bt?\r\n>From Freitag an passiert nichts mehr.\r\n\r\nViele", StringComparison.Ordinal);
        var mbox = Path.Combine(_cli.Folder, "export.mbox");
        await File.WriteAllTextAsync(mbox, "From lukas@example.com Mon Nov 02 14:41:25 2026\r\n" + eml);
        var partial = Path.Combine(_cli.Folder, "stores-without-de.json");
        await File.WriteAllLinesAsync(partial, (await File.ReadAllLinesAsync(CliHarness.Sample("stores.json"))).Where(l => !l.Contains("northwind-amazon-de", StringComparison.Ordinal)));
        var quarantined = Assert.Single((await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", partial, mbox, "--json")).Json().Items("quarantined"));

        Assert.Equal(1, (await _cli.OkAsync("quarantine", "retry", "--db", _cli.Database, "--all", "--config", CliHarness.Sample("stores.json"), "--json")).Json().Int("ingested"));

        using var fresh = new CliHarness();
        await fresh.OkAsync("ingest", "--db", fresh.Database, "--config", CliHarness.Sample("stores.json"), mbox);
        Assert.Equal(mbox + "#1", quarantined.Str("file"));
        Assert.Contains("From Freitag an passiert nichts mehr.", await TextAsync(_cli), StringComparison.Ordinal);
        Assert.Equal(await TextAsync(fresh), await TextAsync(_cli));
    }

    [Fact]
    public async Task Retry_Again_ChangesNothing_AndGivenIdsAreTriedOnly()
    {
        await _cli.IngestSamplesAsync();
        var id = Assert.Single((await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json().Items()).GetProperty("id").GetInt64();

        var text = (await _cli.OkAsync("quarantine", "retry", "--db", _cli.Database, id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Out;

        Assert.Contains("Tried 1: 0 ingested, 0 already in the inbox, 1 still quarantined.", text, StringComparison.Ordinal);
        Assert.Contains("no From address", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Save_WritesTheRawInputByteForByte_AndDeleteRemovesItForGood()
    {
        await _cli.IngestSamplesAsync();
        var id = Assert.Single((await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json().Items()).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(_cli.Folder, "malformed.eml");

        var saved = (await _cli.OkAsync("quarantine", "save", "--db", _cli.Database, id, "--out", file, "--json")).Json();
        var deleted = (await _cli.OkAsync("quarantine", "delete", "--db", _cli.Database, id, "--json")).Json();
        var again = await _cli.RunAsync("quarantine", "delete", "--db", _cli.Database, id);

        Assert.Equal(await File.ReadAllBytesAsync(CliHarness.Sample("99-malformed.eml")), await File.ReadAllBytesAsync(file));
        JsonAssert.HasExactly(saved, "id", "file", "size");
        Assert.Equal(new FileInfo(file).Length, saved.GetProperty("size").GetInt64());
        Assert.Equal([long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)], deleted.Items("deleted").Select(d => d.GetInt64()));
        Assert.Empty((await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json().Items());
        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"ID: there is no quarantined item {id}", again.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "ID: give the ids of the items to try again, or --all (not both).", "retry")]
    [InlineData(1, "ID: give the ids of the items to try again, or --all (not both).", "retry", "1", "--all")]
    [InlineData(1, "ID: 'x1' is not the id of a quarantined item", "retry", "x1")]
    [InlineData(2, "ID: there is no quarantined item 99;", "retry", "99")]
    [InlineData(2, "ID: there is no quarantined item 99;", "delete", "1", "99")]
    [InlineData(2, "ID: there is no quarantined item 99;", "save", "99", "--out", "x.eml")]
    public async Task Errors_NameTheArgument_AndChangeNothing(int exitCode, string message, params string[] args)
    {
        await _cli.IngestSamplesAsync();

        var result = await _cli.RunAsync(["quarantine", args[0], "--db", _cli.Database, .. args[1..]]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Single((await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json().Items());
    }

    /// <summary>The text of the first message of the only conversation.</summary>
    private static async Task<string> TextAsync(CliHarness cli)
    {
        var id = Assert.Single((await cli.OkAsync("inbox", "--db", cli.Database, "--json")).Json().Items()).Str("id")!;
        return (await cli.OkAsync("show", "--db", cli.Database, id, "--json")).Json().Items("messages")[0].Str("text")!;
    }

    private static async Task<string> InboxAsync(CliHarness cli) =>
        string.Join('\n', (await cli.OkAsync("inbox", "--db", cli.Database, "--limit", "200", "--json")).Json().Items()
            .Select(c => $"{c.Str("channelId")} {c.Str("subject")} {c.GetProperty("messageCount")}").Order(StringComparer.Ordinal));
}
