using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuyerMessaging.AI.Tests;

public sealed class SemanticTemplateMatcherTests
{
    private const string Question = "my top-up was sent back to my card";

    private static readonly Template Failed = new()
    {
        Id = new("top-up-failed"),
        Name = "Top-up failed",
        Language = "en",
        Body = "Sorry your top-up did not go through.",
        Examples = ["my top-up failed", "the top-up did not work"],
    };

    private static readonly Template Reverted = new()
    {
        Id = new("top-up-reverted"),
        Name = "Top-up reverted",
        Language = "en",
        Body = "A reverted top-up is returned to your card.",
        Examples = ["why was my top-up reverted", "the top-up went back to my card"],
    };

    private static readonly Template Shipping = new() { Id = new("shipping"), Name = "Shipping", Language = "en", Body = "Your parcel ships today." };

    private static IReadOnlyList<Template> Templates => [Failed, Reverted, Shipping];

    /// <summary>The words favour "failed" (it shares "top-up" and more); confident enough to be sent automatically.</summary>
    private static TemplateMatch Lexical(MatchOutcome outcome = MatchOutcome.Matched, string language = "en") => new()
    {
        Outcome = outcome,
        TemplateId = outcome == MatchOutcome.Failed ? null : Failed.Id,
        Confidence = outcome == MatchOutcome.Matched ? 0.97 : outcome == MatchOutcome.Suggested ? 0.7 : 0.3,
        Language = language,
        FailureReason = outcome == MatchOutcome.Matched ? MatchFailureReason.None : MatchFailureReason.BelowThreshold,
        Candidates =
        [
            new() { TemplateId = Failed.Id, Score = 1.0, Confidence = 0.97, Terms = [new MatchedTerm("top-up", 2.0)] },
            new() { TemplateId = Reverted.Id, Score = 0.8, Confidence = 0.62 },
            new() { TemplateId = Shipping.Id, Score = 0.1, Confidence = 0.05 },
        ],
        AutoSendThreshold = 0.96,
        SuggestThreshold = 0.6,
    };

    /// <summary>Meaning: the question is close to "reverted"'s examples, far from "failed"'s and "shipping"'s.</summary>
    private static ScriptedEmbeddingGenerator Model() => new ScriptedEmbeddingGenerator()
        .Map(Question, 0.1f, 1, 0)
        .Map("my top-up failed", 1, 0.1f, 0)
        .Map("the top-up did not work", 1, 0, 0.1f)
        .Map("Top-up failed", 1, 0.2f, 0)
        .Map("why was my top-up reverted", 0.2f, 1, 0)
        .Map("the top-up went back to my card", 0, 1, 0.1f)
        .Map("Top-up reverted", 0.1f, 1, 0.1f)
        .Map("Shipping", 0, 0, 1)
        .Map("Your parcel ships today.", 0, 0.1f, 1);

    private static TemplateMatchRequest Request(TemplateMatch? previous = null) => new() { Text = Question, Language = "en", Templates = Templates, Previous = previous };

    [Fact]
    public async Task MeaningDisagreesWithTheWords_ReRanks_AndOnlySuggests()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model());

        var match = await matcher.MatchAsync(Request());

        Assert.Equal([Reverted.Id, Failed.Id, Shipping.Id], match.Candidates.Select(c => c.TemplateId));
        Assert.Equal(MatchOutcome.Suggested, match.Outcome);
        Assert.Equal(Reverted.Id, match.TemplateId);
        Assert.Equal(MatchFailureReason.RankingsDisagree, match.FailureReason);
        Assert.Equal(0.62, match.Confidence);
        // The candidates keep their own confidence and the terms that matched; the score is the combined one.
        Assert.Equal("top-up", Assert.Single(match.Candidates[1].Terms).Term);
        Assert.True(match.Candidates[0].Score > match.Candidates[1].Score);
        Assert.Equal((0.96, 0.6), (match.AutoSendThreshold, match.SuggestThreshold));
    }

    [Fact]
    public async Task MeaningAgreesWithTheWords_TheFirstOutcomeStands()
    {
        var model = Model().Map(Question, 1, 0, 0);
        var lexical = Lexical();
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(lexical), model);

        var match = await matcher.MatchAsync(Request());

        Assert.Equal((MatchOutcome.Matched, Failed.Id, 0.97, MatchFailureReason.None), (match.Outcome, match.TemplateId!.Value, match.Confidence, match.FailureReason));
        Assert.Equal(Failed.Id, match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task WeightZero_KeepsTheLexicalOrder()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model(), new SemanticMatchingOptions { Weight = 0 });

        var match = await matcher.MatchAsync(Request());

        Assert.Equal([Failed.Id, Reverted.Id, Shipping.Id], match.Candidates.Select(c => c.TemplateId));
    }

    [Fact]
    public async Task WordsWouldSend_ButTheMeaningIsFar_OnlySuggests()
    {
        // Weight 0: the words' order stands; the question means what "reverted" says, far from "failed"'s examples.
        var far = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model(), new SemanticMatchingOptions { Weight = 0 });
        var unchecked1 = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model(), new SemanticMatchingOptions { Weight = 0, MinimumSimilarity = -1 });

        var match = await far.MatchAsync(Request());

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.MeaningTooFar), (match.Outcome, match.FailureReason));
        Assert.Equal((Failed.Id, 0.97), (match.TemplateId!.Value, match.Confidence));
        Assert.Equal(MatchOutcome.Matched, (await unchecked1.MatchAsync(Request())).Outcome);
    }

    [Fact]
    public async Task FirstMatchFailed_StaysFailed_WithTheNewOrder()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical(MatchOutcome.Failed)), Model());

        var match = await matcher.MatchAsync(Request());

        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.BelowThreshold), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
        Assert.Equal(Reverted.Id, match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task NewBestIsNotEligible_Fails()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model());

        var match = await matcher.MatchAsync(Request() with { Eligible = [Failed.Id, Shipping.Id] });

        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.NotEligible), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
    }

    [Fact]
    public async Task LanguageTheModelDoesNotServe_LeavesTheFirstResult_WithoutCallingTheModel()
    {
        var model = Model();
        var lexical = Lexical(language: "ja");
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(lexical), model);

        Assert.Same(lexical, await matcher.MatchAsync(Request()));
        Assert.Empty(model.Calls);

        var everyLanguage = new SemanticTemplateMatcher(new FixedMatcher(lexical), model, Options(o => o.Languages.Clear()));
        Assert.Equal(Reverted.Id, (await everyLanguage.MatchAsync(Request())).TemplateId);
    }

    [Fact]
    public async Task ModelFails_OrAnswersWrongly_TheFirstResultStands()
    {
        var lexical = Lexical();
        var failing = Model();
        failing.Failure = new HttpRequestException("503 Service Unavailable");
        var short1 = Model();
        short1.ReturnCount = 1;
        var unknownText = new ScriptedEmbeddingGenerator().Map(Question, 1, 0, 0);
        var otherDimensions = Model().Map(Question, 1, 0, 0, 0);

        foreach (var model in new[] { failing, short1, unknownText, otherDimensions })
        {
            Assert.Same(lexical, await new SemanticTemplateMatcher(new FixedMatcher(lexical), model).MatchAsync(Request()));
        }
    }

    [Fact]
    public async Task Cancelled_Throws()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => matcher.MatchAsync(Request(), cancelled.Token).AsTask());
    }

    [Fact]
    public async Task TemplateEmbeddings_AreMadeOnce_UntilTheTemplateChanges()
    {
        var model = Model().Map("the top-up bounced", 0, 1, 0);
        var first = new FixedMatcher(Lexical());
        var matcher = new SemanticTemplateMatcher(first, model);

        await matcher.MatchAsync(Request());
        await matcher.MatchAsync(Request());
        var changed = Reverted with { Examples = [.. Reverted.Examples, "the top-up bounced"] };
        await matcher.MatchAsync(Request() with { Templates = [Failed, changed, Shipping] });

        Assert.Equal(3, model.Calls.Count);
        // First call: the question, then each template's examples and name (a template without examples: its name and body).
        Assert.Equal(
            [Question, "my top-up failed", "the top-up did not work", "Top-up failed", "why was my top-up reverted", "the top-up went back to my card", "Top-up reverted", "Shipping", "Your parcel ships today."],
            model.Calls[0]);
        Assert.Equal([Question], model.Calls[1]);
        Assert.Equal([Question, "why was my top-up reverted", "the top-up went back to my card", "the top-up bounced", "Top-up reverted"], model.Calls[2]);
    }

    [Fact]
    public async Task Previous_IsReRanked_WithoutAskingTheFirstMatcher()
    {
        var first = new FixedMatcher(Lexical(MatchOutcome.Failed));
        var matcher = new SemanticTemplateMatcher(first, Model());

        var match = await matcher.MatchAsync(Request(Lexical()));

        Assert.Equal(0, first.Calls);
        Assert.Equal(MatchOutcome.Suggested, match.Outcome);
    }

    [Fact]
    public async Task OneCandidate_TheOtherTemplatesOfTheLanguageAreRankedByMeaning()
    {
        var lexical = Lexical() with { Candidates = [Lexical().Candidates[0]] };

        var match = await new SemanticTemplateMatcher(new FixedMatcher(lexical), Model()).MatchAsync(Request());

        Assert.Equal([Reverted.Id, Failed.Id, Shipping.Id], match.Candidates.Select(c => c.TemplateId));
        // The words gave the template meaning put first no confidence: it is not even suggested.
        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.RankingsDisagree, (TemplateId?)null), (match.Outcome, match.FailureReason, match.TemplateId));
    }

    [Fact]
    public async Task MeaningDisagrees_WithATemplateTheWordsGiveLittleConfidence_Fails()
    {
        var lexical = Lexical() with
        {
            Candidates = [Lexical().Candidates[0], Lexical().Candidates[1] with { Confidence = 0.2 }, Lexical().Candidates[2]],
        };

        var match = await new SemanticTemplateMatcher(new FixedMatcher(lexical), Model()).MatchAsync(Request());

        Assert.Equal(Reverted.Id, match.Candidates[0].TemplateId);
        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.RankingsDisagree, (TemplateId?)null, 0.2), (match.Outcome, match.FailureReason, match.TemplateId, match.Confidence));
    }

    [Fact]
    public async Task NoTermInCommon_RanksTheTemplatesOfTheLanguageByMeaning_AndStillFails()
    {
        var noWords = new TemplateMatch
        {
            Outcome = MatchOutcome.Failed,
            Confidence = 0,
            Language = "en",
            FailureReason = MatchFailureReason.NoTermInCommon,
            AutoSendThreshold = 0.96,
            SuggestThreshold = 0.6,
        };
        var japanese = new Template { Id = new("ja"), Name = "配送", Language = "ja", Examples = ["届きません"] };
        var disabled = Reverted with { Id = new("old-reverted"), Enabled = false };
        var british = Shipping with { Id = new("shipping-gb"), Language = "en-GB" };
        var model = Model();
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(noWords), model);

        var match = await matcher.MatchAsync(Request() with { Templates = [Failed, Reverted, Shipping, japanese, disabled, british] });

        Assert.Equal([Reverted.Id, Failed.Id, Shipping.Id, british.Id], match.Candidates.Select(c => c.TemplateId));
        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.NoTermInCommon), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
        Assert.All(match.Candidates, c => Assert.Equal(0, c.Confidence));
        Assert.DoesNotContain("届きません", model.Calls.SelectMany(c => c));
    }

    [Fact]
    public async Task NothingToRank_LeavesTheFirstResult()
    {
        var empty = new TemplateMatch { Outcome = MatchOutcome.Failed, Confidence = 0, Language = "en", FailureReason = MatchFailureReason.EmptyText };
        var one = Lexical() with { Candidates = [Lexical().Candidates[0]] };
        var model = Model();

        Assert.Same(empty, await new SemanticTemplateMatcher(new FixedMatcher(empty), model).MatchAsync(Request()));
        Assert.Same(one, await new SemanticTemplateMatcher(new FixedMatcher(one), model).MatchAsync(Request() with { Templates = [Failed] }));
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task OnlyTheFirstCandidatesAreReRanked()
    {
        var matcher = new SemanticTemplateMatcher(new FixedMatcher(Lexical()), Model(), new SemanticMatchingOptions { Candidates = 2 });

        var match = await matcher.MatchAsync(Request());

        Assert.Equal([Reverted.Id, Failed.Id], match.Candidates.Select(c => c.TemplateId));
    }

    [Fact]
    public void Constructor_RejectsBadArguments()
    {
        var first = new FixedMatcher(Lexical());
        Assert.Throws<ArgumentNullException>("first", () => new SemanticTemplateMatcher(null!, Model()));
        Assert.Throws<ArgumentNullException>("generator", () => new SemanticTemplateMatcher(first, null!));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new SemanticTemplateMatcher(first, Model(), new SemanticMatchingOptions { Weight = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new SemanticTemplateMatcher(first, Model(), new SemanticMatchingOptions { Candidates = 1 }));
    }

    [Fact]
    public async Task AddSemanticTemplateMatching_ReplacesTheMatcher_WithTheRegisteredGenerator()
    {
        var model = Model();
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(model);
        services.AddBuyerMessaging().AddSemanticTemplateMatching(o => o.Weight = 5);
        await using var provider = services.BuildServiceProvider();

        var matcher = Assert.IsType<SemanticTemplateMatcher>(provider.GetRequiredService<ITemplateMatcher>());
        var match = await matcher.MatchAsync(new TemplateMatchRequest { Text = "why was my top-up reverted", Language = "en", Templates = Templates });

        Assert.NotEmpty(model.Calls);
        Assert.Equal(Reverted.Id, match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task AddSemanticTemplateMatching_InvalidOptions_FailWithTheFieldNamed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Model());
        services.AddBuyerMessaging().AddSemanticTemplateMatching(o => o.Weight = -1);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITemplateMatcher>());
        Assert.Contains("Weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSemanticTemplateMatching_WithoutAGenerator_SaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddBuyerMessaging().AddSemanticTemplateMatching();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ITemplateMatcher>());
        Assert.Contains("IEmbeddingGenerator<string, Embedding<float>>", error.Message, StringComparison.Ordinal);
    }

    private static SemanticMatchingOptions Options(Action<SemanticMatchingOptions> configure)
    {
        var options = new SemanticMatchingOptions();
        configure(options);
        return options;
    }
}
