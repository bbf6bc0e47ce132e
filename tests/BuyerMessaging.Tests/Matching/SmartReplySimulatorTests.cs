using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>The smart-reply preview: the channel's policy, its enabled templates, the matcher's decision and an explanation; nothing is written.</summary>
public sealed class SmartReplySimulatorTests : IAsyncLifetime
{
    private readonly InMemoryConversationStore _store = new();
    private SmartReplySimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        await TestMail.ConfigureAsync(_store);
        await using (var tx = await _store.BeginTransactionAsync())
        {
            await tx.SaveTemplateAsync(new Template { Id = new("tracking"), Name = "Where is my order", Language = "en", Body = "Here is your tracking number.", Examples = ["Where is my parcel?", "My package has not arrived yet", "Can you send me the tracking number?"] });
            await tx.SaveTemplateAsync(new Template { Id = new("returns"), Name = "Return an item", Language = "en", Body = "You can return it within 30 days.", Examples = ["How do I return this item?", "I want to send it back for a refund", "Can I return the shoes?"] });
            await tx.SaveTemplateAsync(new Template { Id = new("invoice"), Name = "Invoice request", Language = "en", Body = "Your invoice is attached.", Examples = ["Can I get an invoice?", "Please send me a receipt for my order", "I need a VAT invoice"] });
            await tx.SaveTemplateAsync(new Template { Id = new("dimmer"), Name = "Dimmer switches", Language = "en", StoreId = TestMail.AmazonUsChannel.StoreId, Body = "Yes, it works with most dimmers.", Examples = ["Does this lamp work with a dimmer switch?", "Can I dim the lamp?", "Is the bulb dimmable?"] });
            await tx.SaveTemplateAsync(new Template { Id = new("paused"), Name = "Paused", Language = "en", Enabled = false, Body = "Old answer.", Examples = ["Where is my parcel?"] });
            await tx.CommitAsync();
        }

        _simulator = new SmartReplySimulator(_store);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SimulateAsync_CloseQuestion_WouldSendAfterTheDelay_AndExplainsWhy()
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns"), new("invoice"), new("paused")], ReplyAfter = Duration.FromHours(18) });

        var result = await _simulator.SimulateAsync(TestMail.AmazonUs, "Hello, where is my parcel? My package has not arrived yet.");

        Assert.Equal(SmartReplyDecision.WouldSend, result.Decision);
        Assert.Equal(new TemplateId("tracking"), result.Match!.TemplateId);
        Assert.Equal(["tracking", "returns", "invoice"], result.Templates.Select(t => t.Id.Value));
        Assert.Contains(result.Explanation, l => l.Contains("3 of its 4 templates are enabled", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("(detected)", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.StartsWith("Matched 'tracking'", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("Would send 'tracking' 18 h after", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("terms", StringComparison.Ordinal) && l.Contains("packag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulateAsync_QuestionInALanguageWithoutTemplates_SaysSo()
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns"), new("invoice")] });

        var result = await _simulator.SimulateAsync(TestMail.AmazonUs, "Waar is mijn bestelling? Het pakket is nog niet aangekomen.", "nl");

        Assert.Equal(SmartReplyDecision.MatchFailed, result.Decision);
        Assert.Contains(result.Explanation, l => l == "Failed: no smart-reply template is written in the buyer's language (nl).");
    }

    [Fact]
    public async Task SimulateAsync_UnrelatedQuestion_WouldLeaveItToAPerson_AndWritesNothing()
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns"), new("invoice")] });
        var before = await _store.QueryWorkAsync(new WorkItemQuery());

        var result = await _simulator.SimulateAsync(TestMail.AmazonUs, "Does this lamp work with a dimmer switch?", "en");

        Assert.Equal(SmartReplyDecision.MatchFailed, result.Decision);
        Assert.NotEqual(MatchOutcome.Matched, result.Match!.Outcome);
        Assert.Contains(result.Explanation, l => l.Contains("\"match failed\" folder", StringComparison.Ordinal));
        Assert.Equal(before.Count, (await _store.QueryWorkAsync(new WorkItemQuery())).Count);
        Assert.Empty((await _store.QueryAsync(new InboxQuery())).Items);
    }

    [Fact]
    public async Task SimulateAsync_QuestionAnotherTemplateOfTheStoreAnswers_IsLeftToAPerson()
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns"), new("invoice")] });

        var result = await _simulator.SimulateAsync(TestMail.AmazonUs, "Is the bulb dimmable? Can I dim the lamp with a dimmer switch?", "en");

        Assert.Equal(SmartReplyDecision.MatchFailed, result.Decision);
        Assert.Equal(MatchFailureReason.NotEligible, result.Match!.FailureReason);
        Assert.Equal(new TemplateId("dimmer"), result.Match.Candidates[0].TemplateId);
        Assert.Contains(result.Explanation, l => l.Contains("'dimmer', is not a smart-reply template", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("competing with 1 other template(s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MatchFailureReason.RankingsDisagree, "Suggested 'returns' only: its meaning ranks it first, its words did not")]
    [InlineData(MatchFailureReason.MeaningTooFar, "Suggested 'returns' only: its words match (confidence 0.97) but the question is far in meaning")]
    [InlineData(MatchFailureReason.Negated, "Suggested 'returns' only: its words match (confidence 0.97) but the question says \"not\"")]
    [InlineData(MatchFailureReason.UnknownWords, "Suggested 'returns' only: its words match (confidence 0.97) but much of the question is words no template uses")]
    [InlineData(MatchFailureReason.SeveralTopics, "Suggested 'returns' only: its words match (confidence 0.97) but a sentence of the message is about another template")]
    [InlineData(MatchFailureReason.ExampleNegated, "Suggested 'returns' only: its words match (confidence 0.97) but its example question closest to this one says \"not\"")]
    [InlineData(MatchFailureReason.SingleTemplate, "Suggested 'returns' only: its words match (confidence 0.97) but it is the only template in en")]
    public async Task SimulateAsync_ReRankedSuggestion_SaysWhyItIsOnlySuggested(MatchFailureReason reason, string line)
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns")] });
        var reRanked = new ScriptedMatcher(new TemplateMatch
        {
            Outcome = MatchOutcome.Suggested,
            TemplateId = new("returns"),
            Confidence = 0.97,
            Language = "en",
            FailureReason = reason,
            Candidates = [new() { TemplateId = new("returns"), Score = 9, Confidence = 0.97 }, new() { TemplateId = new("tracking"), Score = 8, Confidence = 0.4 }],
            AutoSendThreshold = 0.96,
            SuggestThreshold = 0.6,
        });

        var result = await new SmartReplySimulator(_store, reRanked).SimulateAsync(TestMail.AmazonUs, "It never came, I want my money back.", "en");

        Assert.Equal(SmartReplyDecision.MatchFailed, result.Decision);
        Assert.Contains(result.Explanation, l => l.StartsWith(line, StringComparison.Ordinal));
    }

    private sealed class ScriptedMatcher(TemplateMatch match) : ITemplateMatcher
    {
        public ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default) => ValueTask.FromResult(match);
    }

    [Fact]
    public async Task SimulateAsync_PausedPolicy_SaysNothingWouldHappen_ButStillShowsTheMatch()
    {
        await SetPolicyAsync(new SmartReplyPolicy { Templates = [new("tracking"), new("returns")], Enabled = false });

        var result = await _simulator.SimulateAsync(TestMail.AmazonUs, "Where is my parcel?", "en");

        Assert.Equal(SmartReplyDecision.Paused, result.Decision);
        Assert.NotNull(result.Match);
        Assert.Contains(result.Explanation, l => l.Contains("is paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulateAsync_NoPolicy_SaysSo()
    {
        var result = await _simulator.SimulateAsync(TestMail.AmazonDe, "Wo ist mein Paket?");

        Assert.Equal(SmartReplyDecision.NoPolicy, result.Decision);
        Assert.Null(result.Match);
        Assert.Contains("no smart-reply policy", Assert.Single(result.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateAsync_UnknownChannel_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _simulator.SimulateAsync(new ChannelId("nope"), "Where is my parcel?"));
    }

    private Task SetPolicyAsync(SmartReplyPolicy policy) =>
        new PolicyDirectory(_store).SaveAsync(new ChannelPolicies { ChannelId = TestMail.AmazonUs, SmartReply = policy });
}
