using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The content check on the hand-written seller replies of Data/content-check (see SOURCE.md there): per language, the
/// share of violations caught and the look-alikes flagged, held to the figures of 2026-12-07 (every violation caught,
/// no look-alike flagged; benchmarks/README.md, section Content check), so that a change to the rules that loses
/// wording or starts flagging a look-alike fails. Before French,
/// Spanish and Italian rules the checker caught 10.0, 6.1 and 12.2 % of those languages' violations.
/// </summary>
public sealed class ContentCheckEvaluationTests
{
    private static readonly IReadOnlyList<ContentCheckOutcome> Outcomes =
        ContentCheckSet.Run(AmazonContentChecker.Default, ContentCheckSet.Load(RepoPaths.Root));

    private static readonly IReadOnlyList<ContentCheckOutcome> HeldOutOutcomes =
        ContentCheckSet.Run(AmazonContentChecker.Default, ContentCheckSet.Load(RepoPaths.Root, heldOut: true));

    public static TheoryData<string> Languages => [.. ContentCheckSet.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Check_Replies_CatchesEveryViolationAndFlagsNoLookAlike(string language)
    {
        var score = ContentCheckSet.Score(Outcomes, language);

        Assert.True(score.Violations >= 45 && score.LookAlikes >= 12, $"only {score.Violations} violations and {score.LookAlikes} look-alikes read");
        Assert.True(score.Caught == score.Violations, $"{score.Caught}/{score.Violations} caught; missed: {Wrong(Outcomes, language, lookAlikes: false)}");
        Assert.True(score.Flagged == 0, $"{score.Flagged} look-alikes flagged: {Wrong(Outcomes, language, lookAlikes: true)}");
    }

    /// <summary>
    /// The replies written after the rules (held-out/). Their first run caught 81.5 % and flagged 3 of 23 look-alikes;
    /// the gaps it showed were fixed (benchmarks/README.md), so they are no longer blind and are held to the same bound.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Check_HeldOutReplies_CatchesEveryViolationAndFlagsNoLookAlike(string language)
    {
        var score = ContentCheckSet.Score(HeldOutOutcomes, language);

        Assert.True(score.Violations >= 5 && score.LookAlikes >= 2, $"only {score.Violations} violations and {score.LookAlikes} look-alikes read");
        Assert.True(score.Caught == score.Violations, $"{score.Caught}/{score.Violations} caught; missed: {Wrong(HeldOutOutcomes, language, lookAlikes: false)}");
        Assert.True(score.Flagged == 0, $"{score.Flagged} look-alikes flagged: {Wrong(HeldOutOutcomes, language, lookAlikes: true)}");
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
