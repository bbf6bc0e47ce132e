using System.Text;

namespace BuyerMessaging.Evaluation;

/// <summary>One hand-written seller reply: its language, the rule it breaks (or <see cref="ContentCheckSet.None"/>) and its text.</summary>
internal sealed record ContentCheckCase(string Language, string Expected, string Text)
{
    /// <summary>Gets whether the reply is a look-alike that must raise no finding.</summary>
    public bool IsLookAlike => Expected == ContentCheckSet.None;
}

/// <summary>What the checker made of one <see cref="ContentCheckCase"/>.</summary>
internal sealed record ContentCheckOutcome(ContentCheckCase Case, IReadOnlyList<ContentFinding> Findings)
{
    /// <summary>Gets whether the outcome is right: the expected rule reported, or nothing at all for a look-alike.</summary>
    public bool IsRight => Case.IsLookAlike ? Findings.Count == 0 : Findings.Any(f => f.RuleId == Case.Expected);
}

/// <summary>Recall on the violations of one rule (or all) and false positives on the look-alikes of one language (or all).</summary>
internal sealed record ContentCheckScore(int Violations, int Caught, int LookAlikes, int Flagged)
{
    public double Recall => Violations == 0 ? 1 : (double)Caught / Violations;

    public double FalsePositiveRate => LookAlikes == 0 ? 0 : (double)Flagged / LookAlikes;
}

/// <summary>
/// The content-check evaluation set: seller replies that break each of Amazon's messaging rules and look-alikes that
/// must pass, written for this repository (see SOURCE.md in <see cref="Directory"/>), one file per language of
/// <c>language&lt;TAB&gt;expected&lt;TAB&gt;text</c> lines. Evaluation only: the rules are not generated from it.
/// </summary>
internal static class ContentCheckSet
{
    /// <summary>Where the set is, relative to the repository root.</summary>
    public const string Directory = "tests/BuyerMessaging.Tests/Data/content-check";

    /// <summary>The replies written after the rules were extended (see SOURCE.md), relative to <see cref="Directory"/>.</summary>
    public const string HeldOut = "held-out";

    /// <summary>The expected value of a look-alike.</summary>
    public const string None = "none";

    /// <summary>The languages of the set, in the order they are reported.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "de", "ja", "fr", "es", "it", "nl", "pl", "sv", "tr"];

    /// <summary>The rules the set has violations of, in the order they are reported.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        ContentRuleIds.PositiveReviewRequest, ContentRuleIds.ReviewChangeRequest, ContentRuleIds.ReviewIncentive,
        ContentRuleIds.ReviewRequest, ContentRuleIds.ClaimWithdrawal, ContentRuleIds.Marketing,
        ContentRuleIds.AutomatedWording, ContentRuleIds.UnnecessaryMessage, ContentRuleIds.EmailAddress,
        ContentRuleIds.Link, ContentRuleIds.PhoneNumber,
    ];

    /// <summary>Reads every file of the set (or of its held-out part), in ordinal order of the file names.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="heldOut">Whether to read the held-out part instead (<see cref="HeldOut"/>).</param>
    public static IReadOnlyList<ContentCheckCase> Load(string root, bool heldOut = false) =>
    [
        .. System.IO.Directory.GetFiles(heldOut ? Path.Combine(root, Directory, HeldOut) : Path.Combine(root, Directory), "*.tsv")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => File.ReadLines(path, Encoding.UTF8).Where(line => line.Length > 0 && line[0] != '#').Select(line => Parse(path, line))),
    ];

    private static ContentCheckCase Parse(string path, string line)
    {
        var fields = line.Split('\t');
        return fields.Length == 3 && fields[2].Trim().Length > 0 && (fields[1] == None || Rules.Contains(fields[1]))
            ? new ContentCheckCase(fields[0], fields[1], fields[2].Trim())
            : throw new FormatException($"{Path.GetFileName(path)}: expected 'language<TAB>rule id or none<TAB>text', got '{line}'.");
    }

    /// <summary>Checks every case as a reply on an Amazon channel without a marketplace (so the language rule does not run).</summary>
    public static IReadOnlyList<ContentCheckOutcome> Run(IContentChecker checker, IEnumerable<ContentCheckCase> cases) =>
        [.. cases.Select(c => new ContentCheckOutcome(c, checker.Check(new ContentCheckRequest { Text = c.Text }).Findings))];

    /// <summary>Scores the outcomes of one language (or all when <see langword="null"/>) and one rule (or all when <see langword="null"/>).</summary>
    public static ContentCheckScore Score(IEnumerable<ContentCheckOutcome> outcomes, string? language = null, string? rule = null)
    {
        var selected = outcomes.Where(o => language is null || o.Case.Language == language).ToList();
        var violations = selected.Where(o => !o.Case.IsLookAlike && (rule is null || o.Case.Expected == rule)).ToList();
        var lookAlikes = selected.Where(o => o.Case.IsLookAlike).ToList();
        return new ContentCheckScore(violations.Count, violations.Count(o => o.IsRight), lookAlikes.Count, lookAlikes.Count(o => !o.IsRight));
    }
}
