using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The content check on the hand-written seller replies of Data/content-check (see SOURCE.md there): per language, the
/// share of violations caught and the look-alikes flagged, with bounds the figures of 2026-12-07 meet
/// (benchmarks/README.md, section Content check), so that a change to the rules that loses wording fails. Before French,
/// Spanish and Italian rules the checker caught 10.0, 6.1 and 12.2 % of those languages' violations.
/// </summary>
public sealed class ContentCheckEvaluationTests
{
    private static readonly IReadOnlyList<ContentCheckOutcome> Outcomes =
        ContentCheckSet.Run(AmazonContentChecker.Default, ContentCheckSet.Load(RepoPaths.Root));

    private static readonly IReadOnlyList<ContentCheckOutcome> HeldOutOutcomes =
        ContentCheckSet.Run(AmazonContentChecker.Default, ContentCheckSet.Load(RepoPaths.Root, heldOut: true));

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("it")]
    public void Check_Replies_CatchesEveryViolationAndFlagsNoLookAlike(string language)
    {
        var score = ContentCheckSet.Score(Outcomes, language);

        Assert.True(score.Violations >= 45 && score.LookAlikes >= 12, $"only {score.Violations} violations and {score.LookAlikes} look-alikes read");
        Assert.True(score.Recall >= 0.98, $"{score.Caught}/{score.Violations} caught; missed: {Wrong(Outcomes, language, lookAlikes: false)}");
        Assert.True(score.Flagged == 0, $"{score.Flagged} look-alikes flagged: {Wrong(Outcomes, language, lookAlikes: true)}");
    }

    /// <summary>The replies written after the rules (held-out/); bounds below their first figures, which were lower than the set's.</summary>
    [Theory]
    [InlineData("en", 0.85, 0)]
    [InlineData("de", 0.80, 0)]
    [InlineData("ja", 1.00, 0)]
    [InlineData("fr", 0.80, 1)]
    [InlineData("es", 0.65, 1)]
    [InlineData("it", 0.80, 1)]
    public void Check_HeldOutReplies_MeetsTheirBounds(string language, double recall, int flagged)
    {
        var score = ContentCheckSet.Score(HeldOutOutcomes, language);

        Assert.True(score.Violations >= 5, $"only {score.Violations} violations read");
        Assert.True(score.Recall >= recall, $"{score.Caught}/{score.Violations} caught; missed: {Wrong(HeldOutOutcomes, language, lookAlikes: false)}");
        Assert.True(score.Flagged <= flagged, $"{score.Flagged} look-alikes flagged: {Wrong(HeldOutOutcomes, language, lookAlikes: true)}");
    }

    [Fact]
    public void Load_EveryLanguageHasViolationsOfEveryPhraseRuleAndLookAlikes()
    {
        var cases = ContentCheckSet.Load(RepoPaths.Root);
        foreach (var language in ContentCheckSet.Languages)
        {
            var rules = cases.Where(c => c.Language == language).Select(c => c.Expected).ToHashSet();
            Assert.Empty(ContentCheckSet.Rules.Append(ContentCheckSet.None).Except(rules));
        }
    }

    private static string Wrong(IEnumerable<ContentCheckOutcome> outcomes, string language, bool lookAlikes) =>
        string.Join(" | ", outcomes.Where(o => o.Case.Language == language && o.Case.IsLookAlike == lookAlikes && !o.IsRight).Select(o => o.Case.Text));
}
