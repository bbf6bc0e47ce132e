namespace BuyerMessaging.Cli.Tests;

/// <summary><c>smartreply show/set/pause/resume</c>: a channel's smart-reply policy in the database.</summary>
public sealed class SmartReplyPolicyTests : IDisposable
{
    private const string Jp = "sakura-amazon-jp";

    private static readonly string[] Situations =
    [
        "shipping-delay", "tracking-not-updating", "lost-parcel", "damaged-item", "defective-item", "wrong-item",
        "missing-part", "how-to-use", "return-request", "refund", "cancellation",
    ];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Show_NoPolicy_SaysNotConfigured()
    {
        await _cli.IngestSamplesAsync();

        var json = (await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json();
        var text = await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp);

        Assert.False(json.GetProperty("configured").GetBoolean());
        Assert.Equal(Jp, json.Str("channelId"));
        Assert.Contains("no smart-reply policy", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_NewPolicy_IsSavedEnabledAndShown()
    {
        await ArrangeAsync("refund", "cancellation");

        await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja,sakura-cancellation-ja", "--name", "返金とキャンセル", "--language", "ja", "--reply-after-hours", "1.5");
        var json = (await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json();
        var text = await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp);

        JsonAssert.HasExactly(json, "channelId", "configured", "enabled", "name", "language", "templates", "replyAfterHours");
        Assert.True(json.GetProperty("configured").GetBoolean());
        Assert.True(json.GetProperty("enabled").GetBoolean());
        Assert.Equal("返金とキャンセル", json.Str("name"));
        Assert.Equal("ja", json.Str("language"));
        Assert.Equal(["sakura-refund-ja", "sakura-cancellation-ja"], json.GetProperty("templates").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1.5, json.GetProperty("replyAfterHours").GetDouble());
        Assert.Contains("smart reply enabled", text.Out, StringComparison.Ordinal);
        Assert.Contains("sakura-refund-ja, sakura-cancellation-ja (2/10)", text.Out, StringComparison.Ordinal);
        Assert.Contains("reply after  1.5 h", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_Again_ChangesOnlyWhatIsGiven()
    {
        await ArrangeAsync("refund", "cancellation");
        await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja", "--name", "返金");

        var json = (await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-cancellation-ja,sakura-refund-ja", "--json")).Json();
        var renamed = (await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--name", "", "--reply-after-hours", "12", "--json")).Json();

        Assert.Equal("返金", json.Str("name"));
        Assert.Equal(18, json.GetProperty("replyAfterHours").GetDouble());
        Assert.Equal(2, json.GetProperty("templates").GetArrayLength());
        Assert.Null(renamed.Str("name"));
        Assert.Equal(12, renamed.GetProperty("replyAfterHours").GetDouble());
        Assert.Equal(2, renamed.GetProperty("templates").GetArrayLength());
    }

    [Fact]
    public async Task PauseAndResume_ToggleEnabled()
    {
        await ArrangeAsync("refund");
        await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja");

        var paused = (await _cli.OkAsync("smartreply", "pause", "--db", _cli.Database, "--channel", Jp, "--json")).Json();
        var shown = await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp);
        var resumed = (await _cli.OkAsync("smartreply", "resume", "--db", _cli.Database, "--channel", Jp, "--json")).Json();

        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Contains("smart reply paused", shown.Out, StringComparison.Ordinal);
        Assert.True(resumed.GetProperty("enabled").GetBoolean());
        Assert.Equal(["sakura-refund-ja"], resumed.GetProperty("templates").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Set_ElevenTemplates_FailsNamingTemplates()
    {
        await ArrangeAsync(Situations);

        var result = await _cli.RunAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", string.Join(",", Situations.Select(s => $"sakura-{s}-ja")), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SmartReply.Templates: Smart reply matches against at most 10 templates; 11 were given.", result.Json().Str("error"), StringComparison.Ordinal);
        Assert.False((await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json().GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task Set_TemplateInAnotherLanguage_FailsNamingTheTemplate()
    {
        await ArrangeAsync("refund");
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "sakura");

        var result = await _cli.RunAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja,sakura-refund-en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SmartReply.Templates[1]: Template 'sakura-refund-en' is in 'en', not in the smart reply's language 'ja'.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_LanguageOtherThanTheChannels_FailsNamingLanguage()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "sakura");

        var result = await _cli.RunAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SmartReply.Language: The channel's language", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--templates", "sakura-refund-ja,nope", "SmartReply.Templates[1]: Template 'nope' does not exist.")]
    [InlineData("--templates", "sample-refund-ja", "SmartReply.Templates[0]: Template 'sample-refund-ja' does not exist.")]
    [InlineData("--templates", "sakura-refund-ja,sakura-refund-ja", "SmartReply.Templates: A template is listed twice.")]
    [InlineData("--templates", "", "SmartReply.Templates: Smart reply needs at least one template.")]
    [InlineData("--reply-after-hours", "200", "--reply-after-hours: 200 is out of range; use 0 to 168 hours.")]
    [InlineData("--reply-after-hours", "100000", "--reply-after-hours: 100000 is out of range; use 0 to 168 hours.")]
    [InlineData("--reply-after-hours", "soon", "--reply-after-hours: 'soon' is not a number of hours")]
    public async Task Set_BadValue_FailsNamingTheOptionOrField(string option, string value, string message)
    {
        await ArrangeAsync("refund");
        var args = new Dictionary<string, string> { ["--templates"] = "sakura-refund-ja" };
        args[option] = value;

        var result = await _cli.RunAsync(["smartreply", "set", "--db", _cli.Database, "--channel", Jp, .. args.SelectMany(a => new[] { a.Key, a.Value }), "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Json().Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_UnknownChannelOrNoPolicyOrNoDatabase_AreNotFound()
    {
        Assert.Equal(2, (await _cli.RunAsync("smartreply", "show", "--db", _cli.Database, "--channel", Jp)).ExitCode);
        await _cli.IngestSamplesAsync();

        var unknown = await _cli.RunAsync("smartreply", "set", "--db", _cli.Database, "--channel", "nowhere", "--templates", "sakura-refund-ja");
        var noPolicy = await _cli.RunAsync("smartreply", "resume", "--db", _cli.Database, "--channel", Jp);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("channel 'nowhere' not found", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(2, noPolicy.ExitCode);
        Assert.Contains("has no smart-reply policy", noPolicy.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TemplateOfAnotherStore_IsNamed()
    {
        await ArrangeAsync("refund");
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-cancellation-ja", "--store", "northwind");

        var result = await _cli.RunAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja,northwind-cancellation-ja");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SmartReply.Templates[1]: Template 'northwind-cancellation-ja' belongs to store 'northwind'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_SavedPolicy_ExplainsTheDecision_AndWritesNothing()
    {
        await ArrangeAsync("refund", "cancellation");
        await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", Jp, "--templates", "sakura-refund-ja,sakura-cancellation-ja", "--reply-after-hours", "18");
        await _cli.OkAsync("worker", "--db", _cli.Database, "--once");

        var json = (await _cli.OkAsync("smartreply", "simulate", "--db", _cli.Database, "--channel", Jp, "--text", "注文をキャンセルしてください。間違えて注文しました。", "--json")).Json();
        var text = await _cli.OkAsync("smartreply", "simulate", "--db", _cli.Database, "--channel", Jp, "--text", "この商品は電子レンジで使えますか？");

        JsonAssert.HasExactly(json, ["channelId", "decision", "match", "explanation"]);
        Assert.Equal("would-send", json.Str("decision"));
        Assert.Equal("sakura-cancellation-ja", json.GetProperty("match").Str("templateId"));
        Assert.Equal("ja", json.GetProperty("match").Str("language"));
        Assert.Contains(json.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("18 h after", StringComparison.Ordinal));
        Assert.Contains("Decision:   match-failed", text.Out, StringComparison.Ordinal);
        Assert.Contains("match failed", text.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.OkAsync("worker", "--db", _cli.Database, "--once", "--json")).Json().GetProperty("leased").GetInt32());
    }

    [Fact]
    public async Task Simulate_NeedsTemplatesOrADatabaseWithAChannel()
    {
        await _cli.IngestSamplesAsync();

        var neither = await _cli.RunAsync("smartreply", "simulate", "--text", "返金してほしいです");
        var noChannel = await _cli.RunAsync("smartreply", "simulate", "--db", _cli.Database, "--text", "返金してほしいです");
        var unknown = await _cli.RunAsync("smartreply", "simulate", "--db", _cli.Database, "--channel", "nope", "--text", "返金してほしいです");
        var none = (await _cli.OkAsync("smartreply", "simulate", "--db", _cli.Database, "--channel", Jp, "--text", "返金してほしいです", "--json")).Json();

        Assert.Equal((1, 1), (neither.ExitCode, noChannel.ExitCode));
        Assert.Contains("--templates", neither.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("no-policy", none.Str("decision"));
    }

    private async Task ArrangeAsync(params string[] situations)
    {
        await _cli.IngestSamplesAsync();
        foreach (var situation in situations)
        {
            await _cli.OkAsync("templates", "copy", "--db", _cli.Database, $"sample-{situation}-ja", "--store", "sakura");
        }
    }
}
