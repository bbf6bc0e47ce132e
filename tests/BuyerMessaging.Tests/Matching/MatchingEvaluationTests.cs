using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The precision target on the intent suites (one template per intent, examples from the training part only,
/// measured on the test part; see benchmarks/README.md, "Smart-reply matching"). Fails, rather than passes, when
/// ../shared/corpora is missing.
/// </summary>
public sealed class MatchingEvaluationTests
{
    public static TheoryData<string, double> Suites => new() { { "banking77", 0.77 }, { "clinc150", 0.75 }, { "bitext", 0.93 } };

    [Theory]
    [MemberData(nameof(Suites))]
    public void DefaultThreshold_GivesAtLeast97PercentPrecision_OnTheTestPart(string name, double minimumTop1)
    {
        var suite = IntentSuites.LoadAll(RepoPaths.Corpora).Single(s => s.Name == name);

        var score = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(LexicalTemplateMatcher.Default, suite, suite.Test));

        Assert.True(score.Precision >= 0.97, $"{name}: {score}");
        Assert.True(score.Coverage >= 0.10, $"{name}: {score}");
        Assert.True(score.Top1 >= minimumTop1, $"{name}: {score}");
        Assert.True(score.WrongAutomatic <= 0.01, $"{name}: {score}");
    }

    /// <summary>The classifier earns its place: at least 1.5 points of top-1 accuracy over BM25 alone on every suite.</summary>
    [Theory]
    [InlineData("banking77")]
    [InlineData("clinc150")]
    [InlineData("bitext")]
    [InlineData("xsid-ja")]
    public void Classifier_AddsTop1Accuracy_OverBm25Alone(string name)
    {
        var suite = name == "xsid-ja" ? IntentSuites.XsidJapanese(RepoPaths.Root) : IntentSuites.LoadAll(RepoPaths.Corpora).Single(s => s.Name == name);
        var bm25Only = new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { ClassifierTemplateLimit = 0 });

        var with = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(LexicalTemplateMatcher.Default, suite, suite.Test));
        var without = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(bm25Only, suite, suite.Test));

        Assert.True(with.Top1 >= without.Top1 + 0.015, $"{name}: with the classifier {with}; BM25 alone {without}");
        Assert.True(without.Precision >= 0.97, $"{name}: BM25 alone {without}");
    }

    /// <summary>
    /// The smart-reply-sized stress views (10 templates, the other intents' questions out of scope; benchmarks/README.md):
    /// precision is below the target there, as measured; this guards what was measured from getting worse.
    /// </summary>
    [Theory]
    [InlineData("banking77", 0.02, 0.70)]
    [InlineData("clinc150", 0.015, 0.75)]
    [InlineData("bitext", 0.06, 0.85)]
    public void SmartReplySized_OutOfScopeQuestions_AreRarelySent(string name, double maximumOutOfScopeSent, double minimumPrecision)
    {
        var suite = IntentSuites.FewTemplates(IntentSuites.LoadAll(RepoPaths.Corpora).Single(s => s.Name == name), 10);

        var score = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(LexicalTemplateMatcher.Default, suite, suite.Test));

        Assert.Equal(10, suite.Templates.Count);
        Assert.True(score.OutOfScopeWrong <= maximumOutOfScopeSent, $"{suite.Name}: {score}");
        Assert.True(score.Precision >= minimumPrecision, $"{suite.Name}: {score}");
    }

    /// <summary>
    /// The same views with the rest of the suite's templates competing as the store's library (what smart reply does):
    /// the 97 % precision target holds.
    /// </summary>
    [Theory]
    [InlineData("banking77", 0.15)]
    [InlineData("clinc150", 0.25)]
    [InlineData("bitext", 0.40)]
    public void SmartReplySized_WithTheLibraryCompeting_GivesAtLeast97PercentPrecision(string name, double minimumCoverage)
    {
        var library = IntentSuites.LoadAll(RepoPaths.Corpora).Single(s => s.Name == name);
        var view = IntentSuites.FewTemplates(library, 10);

        var score = MatchingMetrics.Score(view.Test, MatchingMetrics.RunWithLibrary(LexicalTemplateMatcher.Default, library, view));

        Assert.True(score.Precision >= 0.97, $"{view.Name}: {score}");
        Assert.True(score.Coverage >= minimumCoverage, $"{view.Name}: {score}");
        Assert.True(score.OutOfScopeWrong <= 0.001, $"{view.Name}: {score}");
    }

    /// <summary>
    /// Japanese (xSID 0.4, committed under Data/xsid-ja; see SOURCE.md there): the same 97 % precision target, and the
    /// top-1 and coverage floors measured on the full test split and on the questions whose text is not an example
    /// (46.3 % and 35.3 % coverage since 2026-12-07, when questions mostly in words no template uses became at most
    /// suggested; 49.6 % and 39.2 % before).
    /// </summary>
    [Theory]
    [InlineData(false, 0.92, 0.45)]
    [InlineData(true, 0.90, 0.34)]
    public void Japanese_DefaultThreshold_GivesAtLeast97PercentPrecision_OnXsidTest(bool unseenOnly, double minimumTop1, double minimumCoverage)
    {
        var suite = IntentSuites.XsidJapanese(RepoPaths.Root);
        suite = unseenOnly ? IntentSuites.WithoutExampleTexts(suite) : suite;

        var score = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(LexicalTemplateMatcher.Default, suite, suite.Test));

        Assert.True(score.Precision >= 0.97, $"{suite.Name}: {score}");
        Assert.True(score.Coverage >= minimumCoverage, $"{suite.Name}: {score}");
        Assert.True(score.Top1 >= minimumTop1, $"{suite.Name}: {score}");
        Assert.True(score.WrongAutomatic <= 0.01, $"{suite.Name}: {score}");
        Assert.True(score.OutOfScopeWrong == 0, $"{suite.Name}: {score}");
    }

    [Fact]
    public void Xsid_Japanese_HasNineTemplatesAndTheWholeTestSplit()
    {
        var suite = IntentSuites.XsidJapanese(RepoPaths.Root);

        Assert.Equal(9, suite.Templates.Count);
        Assert.All(suite.Templates, t => Assert.Equal("ja", t.Language));
        Assert.Equal(250, suite.Test.Count);
        Assert.Equal(4, suite.Test.Count(q => q.Intent is null));
        Assert.DoesNotContain(suite.Test, q => q.Text.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Bitext_SplitByTextHash_KeepsTestQuestionsOutOfTheExamples()
    {
        var suite = IntentSuites.Bitext(RepoPaths.Corpora);
        var examples = suite.Templates.SelectMany(t => t.Examples).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(suite.Test, q => examples.Contains(q.Text));
        Assert.InRange(suite.Test.Count, 900, 1300);
    }
}
