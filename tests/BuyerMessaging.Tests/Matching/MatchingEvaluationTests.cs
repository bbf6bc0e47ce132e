using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The precision target on the intent suites (one template per intent, examples from the training part only,
/// measured on the test part; see benchmarks/README.md, "Smart-reply matching"). Fails, rather than passes, when
/// ../shared/corpora is missing.
/// </summary>
public sealed class MatchingEvaluationTests
{
    public static TheoryData<string, double> Suites => new() { { "banking77", 0.70 }, { "clinc150", 0.70 }, { "bitext", 0.88 } };

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

    [Fact]
    public void Bitext_SplitByTextHash_KeepsTestQuestionsOutOfTheExamples()
    {
        var suite = IntentSuites.Bitext(RepoPaths.Corpora);
        var examples = suite.Templates.SelectMany(t => t.Examples).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(suite.Test, q => examples.Contains(q.Text));
        Assert.InRange(suite.Test.Count, 900, 1300);
    }
}
