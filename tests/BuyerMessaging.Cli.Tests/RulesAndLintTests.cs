using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

public sealed class RulesAndLintTests : IDisposable
{
    private const string Rules = """
        {"schemaVersion":1,"rules":[
          {"id":"amazon-orders","name":"Amazon orders","order":1,"conditions":[{"field":"subject","operator":"contains","value":"ＯＲＤＥＲ"},{"field":"hasOrder","operator":"is","value":"true"}],"actions":[{"type":"addTag","tag":"order"}]},
          {"id":"refunds","name":"Refunds","order":2,"conditions":[{"field":"subject","operator":"contains","value":"refund"}],"actions":[{"type":"addTag","tag":"refund"}]}
        ]}
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Lint_Json_HasExactlyTheAgreedShape_AndExitsOneWhenBlocked()
    {
        var result = await _cli.RunAsync("lint", "--text", "Mail me at a@b.example. This is an automated reply.", "--json");

        Assert.Equal(1, result.ExitCode);
        var findings = result.Json().GetProperty("findings");
        Assert.Equal(["findings"], result.Json().EnumerateObject().Select(p => p.Name));
        var first = findings[0];
        Assert.Equal(["rule", "severity", "start", "length", "message"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("email-address", "block", 11, 11), (first.GetProperty("rule").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("start").GetInt32(), first.GetProperty("length").GetInt32()));
        Assert.Equal("warn", findings[1].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Lint_MarketplaceJp_MessagesInJapanese_SpansInTheOriginalText()
    {
        const string text = "お問い合わせは ｉｎｆｏ＠ｓｈｏｐ．ｊｐ までお願いします。";
        var result = await _cli.RunAsync("lint", "--text", text, "--marketplace", "jp", "--json");

        var finding = Assert.Single(result.Json().GetProperty("findings").EnumerateArray());
        Assert.Equal("ｉｎｆｏ＠ｓｈｏｐ．ｊｐ", text.Substring(finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));
        Assert.StartsWith("メールアドレス", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_CleanText_ExitsZeroWithNoFindings()
    {
        var result = await _cli.OkAsync("lint", "--text", "We are sorry for the delay. Your parcel arrives on Monday.", "--marketplace", "US", "--json");
        Assert.Equal(0, result.Json().GetProperty("findings").GetArrayLength());
        Assert.Equal("No findings.", (await _cli.OkAsync("lint", "--text", "We are sorry for the delay.")).Out.Trim());
    }

    [Fact]
    public async Task Lint_UnknownMarketplace_IsAUsageError()
    {
        var result = await _cli.RunAsync("lint", "--text", "x", "--marketplace", "XX");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--marketplace: 'XX'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_ShowsTheOutcomeAndWhyEachConditionHeld()
    {
        await _cli.IngestSamplesAsync();
        var rules = WriteRules();

        var result = await _cli.OkAsync("rules", "test", "--db", _cli.Database, "--rules", rules, CliHarness.Sample("01-us-shipping-jane.eml"), "--json");

        var json = result.Json();
        Assert.Equal(["amazon-orders"], json.GetProperty("outcome").GetProperty("matchedRules").EnumerateArray().Select(e => e.GetString()));
        var traces = json.GetProperty("rules");
        Assert.Equal(("matched", "notMatched"), (traces[0].GetProperty("status").GetString(), traces[1].GetProperty("status").GetString()));
        Assert.All(traces[0].GetProperty("conditions").EnumerateArray(), c => Assert.True(c.GetProperty("held").GetBoolean()));
        var failed = Assert.Single(traces[1].GetProperty("conditions").EnumerateArray());
        Assert.False(failed.GetProperty("held").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("reason").GetString()));

        var text = await _cli.OkAsync("rules", "test", "--db", _cli.Database, "--rules", rules, CliHarness.Sample("01-us-shipping-jane.eml"));
        Assert.Contains("[matched] amazon-orders", text.Out, StringComparison.Ordinal);
        Assert.Contains("not held", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_InvalidRulesFile_ReportsEveryProblemWithItsPath()
    {
        await _cli.IngestSamplesAsync();
        var path = Path.Combine(_cli.Folder, "bad.json");
        await File.WriteAllTextAsync(path, """{"schemaVersion":1,"rules":[{"id":"a","name":"A","conditions":[{"field":"subject","operator":"matches","value":"(x"}],"actions":[{"type":"addTag","tag":"t"}]}]}""");

        var result = await _cli.RunAsync("rules", "test", "--db", _cli.Database, "--rules", path, CliHarness.Sample("01-us-shipping-jane.eml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Conditions[0].Value", result.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await _cli.RunAsync("rules", "test", "--db", _cli.Database, "--rules", Path.Combine(_cli.Folder, "missing.json"), CliHarness.Sample("01-us-shipping-jane.eml"))).ExitCode);
    }

    [Fact]
    public async Task RulesApply_WithARulesFile_DryRunThenApply()
    {
        await _cli.IngestSamplesAsync();
        var rules = WriteRules();

        var dry = (await _cli.OkAsync("rules", "apply", "--db", _cli.Database, "--rules", rules, "--channel", "northwind-amazon-us", "--dry-run", "--json")).Json();
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.True(dry.GetProperty("changed").GetInt32() > 0);

        var applied = (await _cli.OkAsync("rules", "apply", "--db", _cli.Database, "--rules", rules, "--channel", "northwind-amazon-us", "--json")).Json();
        Assert.Equal(dry.GetProperty("changed").GetInt32(), applied.GetProperty("changed").GetInt32());
        Assert.Contains(applied.GetProperty("conversations").EnumerateArray().SelectMany(c => c.GetProperty("changes").EnumerateArray()), c => c.GetString()!.Contains("rule:Amazon orders", StringComparison.Ordinal));
        var again = (await _cli.OkAsync("rules", "apply", "--db", _cli.Database, "--rules", rules, "--channel", "northwind-amazon-us", "--json")).Json();
        Assert.Equal(0, again.GetProperty("changed").GetInt32());
    }

    [Fact]
    public async Task RulesListImportApply_Json_HaveTheFieldsTheReadmeDocuments()
    {
        await _cli.IngestSamplesAsync();
        var rules = WriteRules();

        var imported = (await _cli.OkAsync("rules", "import", "--db", _cli.Database, rules, "--json")).Json();
        var listed = (await _cli.OkAsync("rules", "list", "--db", _cli.Database, "--json")).Json();
        var applied = (await _cli.OkAsync("rules", "apply", "--db", _cli.Database, "--dry-run", "--json")).Json();

        Assert.Equal(imported.ToString(), listed.ToString());
        JsonAssert.HasExactly(listed, "rules");
        JsonAssert.HasExactly(listed.Items("rules")[0], "id", "name", "order", "enabled", "matchMode", "conditions", "actions", "stopProcessing");
        Assert.Equal(2, listed.Items("rules")[0].Int("conditions"));
        JsonAssert.HasExactly(applied, "examined", "changed", "dryRun", "conversations");
        JsonAssert.HasExactly(applied.Items("conversations")[0], "id", "matchedRules", "changes");
    }

    [Fact]
    public async Task RulesApply_AwaitingBuyerToPending_ResumesTheReplyClockUntilOverdue()
    {
        await _cli.IngestSamplesArrivingNowAsync();
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", "sakura-amazon-jp", "--limit", "1", "--json")).Json().Items()[0].Str("id")!;
        _cli.Time.Advance(TimeSpan.FromHours(4));
        await _cli.OkAsync("status", "--db", _cli.Database, "--set", "awaiting-buyer", "--actor", "alice", id);
        _cli.Time.Advance(TimeSpan.FromDays(3));
        var path = Path.Combine(_cli.Folder, "reopen.json");
        await File.WriteAllTextAsync(path, """{"schemaVersion":1,"rules":[{"id":"reopen","name":"Reopen","actions":[{"type":"setStatus","status":"pending"}]}]}""");

        var applied = (await _cli.OkAsync("rules", "apply", "--db", _cli.Database, "--rules", path, "--status", "awaiting-buyer", "--json")).Json();
        var resumed = Sla(await _cli.OkAsync("show", "--db", _cli.Database, id, "--json"));
        _cli.Time.Advance(TimeSpan.FromHours(21));
        var overdue = Sla(await _cli.OkAsync("show", "--db", _cli.Database, id, "--json"));

        Assert.Equal(1, applied.GetProperty("changed").GetInt32());
        Assert.Equal(("remaining", 20), (resumed.Str("state"), resumed.Int("hoursLeft")));
        Assert.Equal(("overdue", 1), (overdue.Str("state"), overdue.Int("hoursOverdue")));

        static JsonElement Sla(CliResult show) => show.Json().GetProperty("conversation").GetProperty("sla");
    }

    [Fact]
    public async Task Reply_ToAnAmazonBuyer_BlockedByTheContentCheck_ExitsOneAndRecordsNothing()
    {
        await _cli.IngestSamplesAsync();
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", "northwind-amazon-us", "--json")).Json().GetProperty("items")[0].GetProperty("id").GetString()!;

        var result = await _cli.RunAsync("reply", "--db", _cli.Database, id, "--text", "Please remove your negative feedback and we refund you.", "--actor", "bob");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[review-change-request]", result.Err, StringComparison.Ordinal);
        var show = await _cli.OkAsync("show", "--db", _cli.Database, id, "--json");
        Assert.DoesNotContain("negative feedback", show.Out, StringComparison.Ordinal);
    }

    private string WriteRules()
    {
        var path = Path.Combine(_cli.Folder, "rules.json");
        File.WriteAllText(path, Rules);
        return path;
    }
}
