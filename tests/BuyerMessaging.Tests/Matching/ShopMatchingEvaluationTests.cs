using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The matcher on hand-written buyer messages to a shop (Data/shop-questions, see SOURCE.md there) against the sample
/// templates: few wrong automatic answers in every view, and the coverage measured (benchmarks/README.md, "Smart-reply
/// matching on shop questions").
/// </summary>
public sealed class ShopMatchingEvaluationTests
{
    /// <summary>The views of one language: all samples competing, the 10-template policy with the library competing, the policy alone.</summary>
    private static IEnumerable<(string View, OutcomeScore Score)> Views(LexicalTemplateMatcher matcher, string language)
    {
        var library = ShopQuestions.Library(RepoPaths.Root, language);
        var policy = ShopQuestions.Policy(library);
        yield return ("all samples", OutcomeScore.Of(library.Test, MatchingMetrics.Run(matcher, library, library.Test)));
        yield return ("policy, library competing", OutcomeScore.Of(policy.Test, MatchingMetrics.RunWithLibrary(matcher, library, policy)));
        yield return ("policy alone", OutcomeScore.Of(policy.Test, MatchingMetrics.Run(matcher, policy, policy.Test)));
    }

    /// <summary>What the default matcher must keep: at most 1 wrong automatic answer in any view, at most 3 in all nine, 98 % precision over the three languages' "all samples" views, and each language's coverage there.</summary>
    private static List<string> Failures(LexicalTemplateMatcher matcher)
    {
        var failures = new List<string>();
        var minimumCoverage = new Dictionary<string, double> { ["en"] = 0.32, ["de"] = 0.22, ["ja"] = 0.32 };
        int wrong = 0, sent = 0, sentCorrect = 0;
        foreach (var language in minimumCoverage.Keys)
        {
            foreach (var (view, score) in Views(matcher, language))
            {
                wrong += score.WrongAutomatic;
                if (score.WrongAutomatic > 1)
                {
                    failures.Add($"{language}, {view}: {score}");
                }

                if (view == "all samples")
                {
                    (sent, sentCorrect) = (sent + score.Sent, sentCorrect + score.SentCorrect);
                    if (score.Coverage < minimumCoverage[language] || score.Questions < 120)
                    {
                        failures.Add($"{language}, {view}: {score}");
                    }
                }
            }
        }

        if (wrong > 3 || sentCorrect < 0.98 * sent)
        {
            failures.Add($"all: {wrong} wrong automatic answers, {sentCorrect} of {sent} sent right");
        }

        return failures;
    }

    [Fact]
    public void DefaultMatcher_OnShopQuestions_SendsFewWrongAnswers_AndKeepsItsCoverage()
    {
        var failures = Failures(LexicalTemplateMatcher.Default);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The bounds are not loose: a matcher that sends from a confidence of 0.85 breaks them.</summary>
    [Fact]
    public void LowerAutoSendThreshold_OnShopQuestions_BreaksTheBounds() =>
        Assert.NotEmpty(Failures(new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { AutoSendThreshold = 0.85 })));

    [Fact]
    public void ShopQuestions_LabelEverySituation_InEveryLanguage()
    {
        foreach (var language in TemplateSamples.Languages)
        {
            var library = ShopQuestions.Library(RepoPaths.Root, language);

            Assert.InRange(library.Test.Count, 120, 200);
            Assert.All(library.Templates, t => Assert.True(library.Test.Count(q => q.Intent == t.Id.Value) >= 4, t.Id.Value));
            Assert.InRange(library.Test.Count(q => q.Intent is null), 50, 80);
        }
    }
}
