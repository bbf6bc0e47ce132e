namespace BuyerMessaging.Cli.Tests;

/// <summary><c>autoreply show/set/pause/resume</c>: a channel's auto-reply policy in the database.</summary>
public sealed class AutoReplyPolicyTests : IDisposable
{
    private const string Jp = "sakura-amazon-jp";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Show_NoPolicy_SaysNotConfigured()
    {
        await _cli.IngestSamplesAsync();

        var json = (await _cli.OkAsync("autoreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json();

        Assert.False(json.GetProperty("configured").GetBoolean());
        Assert.Equal(Jp, json.Str("channelId"));
    }

    [Fact]
    public async Task Set_NewPolicy_IsSavedEnabledWithTheChannelsZone()
    {
        await ArrangeReturnsClosedAsync();

        await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Mon-Fri 18:00-09:00,Sat-Sun", "--dates", "2026-12-25T18:00/2027-01-06T09:00",
            "--min-delay", "1", "--max-delay", "10", "--first-contact", "auto-reply-ja", "--follow-up", "auto-reply-ja-follow-up", "--first-contact-for", "return-request=returns-closed", "--buyer-cooldown", "12");
        var json = (await _cli.OkAsync("autoreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json();

        JsonAssert.HasExactly(json, "channelId", "configured", "enabled", "zone", "windows", "dates", "minDelayMinutes", "maxDelayMinutes", "firstContactTemplate", "firstContactByType", "followUpTemplate", "followUpByType", "conversationCooldownHours", "buyerCooldownHours");
        Assert.True(json.GetProperty("enabled").GetBoolean());
        Assert.Equal("Asia/Tokyo", json.Str("zone"));
        Assert.Equal("Mon-Fri 18:00-09:00,Sat-Sun", json.Str("windows"));
        Assert.Equal("2026-12-25T18:00/2027-01-06T09:00", json.Str("dates"));
        Assert.Equal(1, json.Int("minDelayMinutes"));
        Assert.Equal(10, json.Int("maxDelayMinutes"));
        Assert.Equal("auto-reply-ja", json.Str("firstContactTemplate"));
        Assert.Equal("returns-closed", json.GetProperty("firstContactByType").GetProperty("returnRequest").GetString());
        Assert.Equal(12, json.GetProperty("buyerCooldownHours").GetDouble());
        Assert.Equal(24, json.GetProperty("conversationCooldownHours").GetDouble());
    }

    [Fact]
    public async Task Set_Again_KeepsWhatIsNotGivenAndEmptyRemoves()
    {
        await ArrangeReturnsClosedAsync();
        await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Sat-Sun", "--dates", "2026-12-25T18:00/2027-01-06T09:00", "--first-contact", "auto-reply-ja", "--first-contact-for", "return-request=returns-closed");

        var json = (await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--dates", "", "--first-contact-for", "return-request=", "--max-delay", "45", "--json")).Json();

        Assert.Equal("Sat-Sun", json.Str("windows"));
        Assert.Null(json.Str("dates"));
        Assert.Empty(json.GetProperty("firstContactByType").EnumerateObject());
        Assert.Equal("auto-reply-ja", json.Str("firstContactTemplate"));
        Assert.Equal(45, json.Int("maxDelayMinutes"));
    }

    [Fact]
    public async Task PauseAndResume_ToggleEnabled()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Sat-Sun", "--first-contact", "auto-reply-ja");

        var paused = (await _cli.OkAsync("autoreply", "pause", "--db", _cli.Database, "--channel", Jp, "--json")).Json();
        var shown = await _cli.OkAsync("autoreply", "show", "--db", _cli.Database, "--channel", Jp);
        var resumed = (await _cli.OkAsync("autoreply", "resume", "--db", _cli.Database, "--channel", Jp, "--json")).Json();

        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Contains("auto-reply paused", shown.Out, StringComparison.Ordinal);
        Assert.True(resumed.GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("--min-delay", "70", "AutoReply.MinDelayMinutes: The delay must be between 0 and 60 minutes.")]
    [InlineData("--windows", "Mon-Fri 18:00-09:00,Sa", "--windows: Item 2 ('Sa')")]
    [InlineData("--dates", "2027-01-06T09:00/2026-12-25T18:00", "--dates: Item 1")]
    [InlineData("--zone", "Tokyo", "--zone: 'Tokyo' is not an IANA time zone")]
    [InlineData("--first-contact-for", "returns=auto-reply-ja", "--first-contact-for: 'returns' is not a buyer message type")]
    [InlineData("--first-contact-for", "auto-reply-ja", "--first-contact-for: 'auto-reply-ja' is not TYPE=TEMPLATE")]
    [InlineData("--buyer-cooldown", "-2", "--buyer-cooldown: -2 is out of range")]
    public async Task Set_BadValue_FailsNamingTheOptionOrField(string option, string value, string message)
    {
        await _cli.IngestSamplesAsync();

        var args = new Dictionary<string, string> { ["--windows"] = "Sat-Sun", ["--first-contact"] = "auto-reply-ja" };
        args[option] = value;

        var result = await _cli.RunAsync(["autoreply", "set", "--db", _cli.Database, "--channel", Jp, .. args.SelectMany(a => new[] { a.Key, a.Value }), "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Json().Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_EnabledWithoutWindowOrTemplate_ListsEveryFailingField()
    {
        await _cli.IngestSamplesAsync();

        var result = await _cli.RunAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AutoReply.Schedule: An enabled auto-reply needs at least one window or date range.", result.Err, StringComparison.Ordinal);
        Assert.Contains("AutoReply.FirstContact: An enabled auto-reply needs a first-contact or a follow-up template.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TemplateThatDoesNotExist_FailsNamingTheFieldAndSavesNothing()
    {
        await _cli.IngestSamplesAsync();

        var json = await _cli.RunAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Sat-Sun", "--first-contact", "nope", "--json");
        var text = await _cli.RunAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Sat-Sun", "--first-contact", "auto-reply-ja", "--follow-up-for", "return-request=returns-closed");

        Assert.Equal(1, json.ExitCode);
        Assert.Equal("Policies of channel 'sakura-amazon-jp' is invalid: AutoReply.FirstContact.Default: Template 'nope' does not exist.", json.Json().Str("error"));
        Assert.Equal(1, text.ExitCode);
        Assert.Equal(
            "error: Policies of channel 'sakura-amazon-jp' is invalid: AutoReply.FollowUp.ByMessageType[ReturnRequest]: Template 'returns-closed' does not exist.",
            text.Err.Trim());
        Assert.Empty(text.Out);
        Assert.False((await _cli.OkAsync("autoreply", "show", "--db", _cli.Database, "--channel", Jp, "--json")).Json().GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task Set_TemplateOfAnotherStore_FailsNamingTheField()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-out-of-office-en", "--store", "northwind");

        var result = await _cli.RunAsync("autoreply", "set", "--db", _cli.Database, "--channel", Jp, "--windows", "Sat-Sun", "--first-contact", "northwind-out-of-office-en", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "AutoReply.FirstContact.Default: Template 'northwind-out-of-office-en' belongs to store 'northwind', not to the channel's store 'sakura'.",
            result.Json().Str("error"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_UnknownChannelOrNoPolicyOrNoDatabase_AreNotFound()
    {
        Assert.Equal(2, (await _cli.RunAsync("autoreply", "show", "--db", _cli.Database, "--channel", Jp)).ExitCode);
        await _cli.IngestSamplesAsync();

        var unknown = await _cli.RunAsync("autoreply", "show", "--db", _cli.Database, "--channel", "nowhere");
        var noPolicy = await _cli.RunAsync("autoreply", "pause", "--db", _cli.Database, "--channel", Jp);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("channel 'nowhere' not found", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(2, noPolicy.ExitCode);
        Assert.Contains("has no auto-reply policy", noPolicy.Err, StringComparison.Ordinal);
    }

    /// <summary>Loads the samples and saves the template 'returns-closed' in store sakura (a copy of a sample).</summary>
    private async Task ArrangeReturnsClosedAsync()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-return-request-ja", "--store", "sakura", "--id", "returns-closed");
    }
}
