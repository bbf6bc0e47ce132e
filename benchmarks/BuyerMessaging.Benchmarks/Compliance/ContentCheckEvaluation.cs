using System.Diagnostics;
using System.Globalization;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- content</c>: the Amazon content check
/// (<see cref="AmazonContentChecker.Default"/>) on the hand-written seller replies of <see cref="ContentCheckSet"/>:
/// recall per language and rule on the violations, false positives on the look-alikes, every miss and false positive
/// (for the set and for its held-out part), and the mean time of one check over the set.
/// </summary>
internal static class ContentCheckEvaluation
{
    public static int Run(string root)
    {
        var cases = ContentCheckSet.Load(root);
        var checker = AmazonContentChecker.Default;
        Console.WriteLine($"Seller replies ({ContentCheckSet.Directory}): recall on the violations, false positives on the look-alikes");
        Report(ContentCheckSet.Run(checker, cases));
        var heldOut = ContentCheckSet.Load(root, heldOut: true);
        if (heldOut.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"Held-out replies ({ContentCheckSet.Directory}/{ContentCheckSet.HeldOut}, written after the rules; benchmarks/README.md lists what was fixed after their first run):");
            Report(ContentCheckSet.Run(checker, heldOut));
        }

        // The mean time of one check: every reply of the set, after a warm-up round.
        var requests = cases.Select(c => new ContentCheckRequest { Text = c.Text }).ToList();
        for (var i = 0; i < 20; i++)
        {
            requests.ForEach(r => checker.Check(r));
        }

        const int Rounds = 200;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            requests.ForEach(r => checker.Check(r));
        }

        stopwatch.Stop();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Mean time of one check over the {requests.Count} replies ({Rounds} rounds): {stopwatch.Elapsed.TotalMicroseconds / (Rounds * requests.Count):F1} µs"));
        return 0;
    }

    private static void Report(IReadOnlyList<ContentCheckOutcome> outcomes)
    {
        Console.WriteLine();
        Console.WriteLine("| language | violations | caught | recall | look-alikes | flagged |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var language in ContentCheckSet.Languages)
        {
            Row(language, ContentCheckSet.Score(outcomes, language));
        }

        Row("**all**", ContentCheckSet.Score(outcomes));
        Console.WriteLine();
        Console.WriteLine("Caught per rule and language:");
        Console.WriteLine();
        Console.WriteLine($"| rule | {string.Join(" | ", ContentCheckSet.Languages)} | all |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", ContentCheckSet.Languages.Count + 1))}");
        foreach (var rule in ContentCheckSet.Rules)
        {
            var cells = ContentCheckSet.Languages.Append(null).Select(language => ContentCheckSet.Score(outcomes, language, rule)).Select(s => $"{s.Caught}/{s.Violations}");
            Console.WriteLine($"| {rule} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Missed:");
        Console.WriteLine();
        foreach (var outcome in outcomes.Where(o => !o.IsRight && !o.Case.IsLookAlike))
        {
            var got = outcome.Findings.Count == 0 ? "nothing" : string.Join(", ", outcome.Findings.Select(f => f.RuleId).Distinct());
            Console.WriteLine($"- {outcome.Case.Language} {outcome.Case.Expected} (got {got}): {outcome.Case.Text}");
        }

        Console.WriteLine();
        Console.WriteLine("Look-alikes flagged:");
        Console.WriteLine();
        foreach (var outcome in outcomes.Where(o => !o.IsRight && o.Case.IsLookAlike))
        {
            Console.WriteLine($"- {outcome.Case.Language} {string.Join(", ", outcome.Findings.Select(f => $"{f.RuleId} «{f.Text}»"))}: {outcome.Case.Text}");
        }
    }

    private static void Row(string language, ContentCheckScore score) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {language} | {score.Violations} | {score.Caught} | {100 * score.Recall:F1} % | {score.LookAlikes} | {score.Flagged} |"));
}
