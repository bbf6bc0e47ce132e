using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Tests;

/// <summary>
/// The content check on the hand-written seller replies of Data/content-check (see SOURCE.md there): per language, the
/// share of violations caught and the look-alikes flagged, held to the figures of 2026-12-07 and 2026-12-08 (every
/// violation caught, no look-alike flagged; benchmarks/README.md, section Content check), so that a change to the rules
/// that loses wording or starts flagging a look-alike fails. Before their rules the checker caught 10.0, 6.1 and 12.2 %
/// of the French, Spanish and Italian violations, and 12.2, 14.3, 18.4 and 12.2 % of the Dutch, Polish, Swedish and
/// Turkish ones.
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
    public void Check_Replies_CatchesEveryViolationAndFlagsNoLookAlike(string language) =>
        AssertEveryViolationCaughtAndNoLookAlikeFlagged(Outcomes, language, minimumViolations: 45, minimumLookAlikes: 12);

    /// <summary>
    /// The replies written after the rules (held-out/). Their first run caught 81.5 % and flagged 3 of 23 look-alikes in
    /// en, de, ja, fr, es and it, and 82.7 % and 4 of 20 in nl, pl, sv and tr; the gaps it showed were fixed
    /// (benchmarks/README.md), so they are no longer blind and are held to the same bound.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Check_HeldOutReplies_CatchesEveryViolationAndFlagsNoLookAlike(string language) =>
        AssertEveryViolationCaughtAndNoLookAlikeFlagged(HeldOutOutcomes, language, minimumViolations: 5, minimumLookAlikes: 2);

    private static void AssertEveryViolationCaughtAndNoLookAlikeFlagged(IReadOnlyList<ContentCheckOutcome> outcomes, string language, int minimumViolations, int minimumLookAlikes)
    {
        var score = ContentCheckSet.Score(outcomes, language);

        Assert.True(score.Violations >= minimumViolations && score.LookAlikes >= minimumLookAlikes, $"only {score.Violations} violations and {score.LookAlikes} look-alikes read");
        Assert.True(score.Caught == score.Violations, $"{score.Caught}/{score.Violations} caught; missed: {Wrong(outcomes, language, lookAlikes: false)}");
        Assert.True(score.Flagged == 0, $"{score.Flagged} look-alikes flagged: {Wrong(outcomes, language, lookAlikes: true)}");
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
