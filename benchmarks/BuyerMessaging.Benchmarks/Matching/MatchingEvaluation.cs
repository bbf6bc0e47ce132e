using System.Diagnostics;
using System.Globalization;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- matching [calibrate|language]</c>: the smart-reply
/// matcher on the intent suites (figures in benchmarks/README.md), beside the Lucene.Net BM25 baseline, and its
/// latency percentiles with 10 and 1,000 templates (English templates only). The Japanese xSID suite is measured in full
/// and without the test questions whose text is a template example. <c>calibrate</c> also fits the confidence on the development
/// questions and sweeps the thresholds there.
/// </summary>
internal static class MatchingEvaluation
{
    public static int Run(string[] args)
    {
        var corpora = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "corpora"));
        if (!System.IO.Directory.Exists(corpora))
        {
            Console.Error.WriteLine($"The shared corpora are missing: expected at {corpora}.");
            return 2;
        }

        if (args.Contains("language"))
        {
            return LanguageEvaluation.Run(corpora);
        }

        var suites = IntentSuites.LoadAll(corpora);
        var matcher = LexicalTemplateMatcher.Default;
        if (args.Contains("calibrate"))
        {
            Calibrate(matcher, suites);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| suite | templates | test questions | Lucene BM25 top-1 | lexical top-1 | precision at auto-send | coverage at auto-send | wrong automatic answers | out-of-scope sent |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var japanese = IntentSuites.XsidJapanese(FindRoot());
        foreach (var suite in suites.Append(japanese).Append(IntentSuites.WithoutExampleTexts(japanese)))
        {
            var score = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(matcher, suite, suite.Test));
            using var lucene = new LuceneBaseline(suite.Templates);
            var baseline = MatchingMetrics.Score(suite.Test, [.. suite.Test.Select(q => (lucene.Top(q.Text), false))]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {suite.Name} | {suite.Templates.Count} | {suite.Test.Count} | {baseline.Top1:P1} | {score.Top1:P1} | {score.Precision:P1} | {score.Coverage:P1} | {score.WrongAutomatic:P2} | {(suite.Test.Any(q => q.Intent is null) ? score.OutOfScopeWrong.ToString("P2", CultureInfo.InvariantCulture) : "-")} |"));
        }

        Latency(suites, 10);
        Latency(suites, 1000);
        return 0;
    }

    private static void Calibrate(LexicalTemplateMatcher matcher, IReadOnlyList<IntentSuite> suites)
    {
        var rows = new List<(double Coverage, double Margin, bool Correct, bool InScope)>();
        foreach (var suite in suites)
        {
            var matches = MatchingMetrics.Run(matcher, suite, suite.Dev);
            for (var i = 0; i < matches.Count; i++)
            {
                var top = matches[i].Candidates.FirstOrDefault();
                rows.Add((top?.Coverage ?? 0, (top?.Margin ?? 0) * (top?.Coverage ?? 0), top is not null && top.TemplateId.Value == suite.Dev[i].Intent, suite.Dev[i].Intent is not null));
            }
        }

        // Logistic regression by gradient descent on (1, coverage, margin).
        double w0 = 0, w1 = 0, w2 = 0;
        for (var epoch = 0; epoch < 3000; epoch++)
        {
            double g0 = 0, g1 = 0, g2 = 0;
            foreach (var r in rows)
            {
                var p = 1 / (1 + Math.Exp(-(w0 + (w1 * r.Coverage) + (w2 * r.Margin))));
                var e = p - (r.Correct ? 1 : 0);
                g0 += e;
                g1 += e * r.Coverage;
                g2 += e * r.Margin;
            }

            w0 -= 2.0 * g0 / rows.Count;
            w1 -= 2.0 * g1 / rows.Count;
            w2 -= 2.0 * g2 / rows.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on {rows.Count} development questions: bias {w0:F2}, coverage {w1:F2}, margin × coverage {w2:F2}"));
        Console.WriteLine("threshold sweep on the development questions (with the matcher's current constants):");
        for (var t = 0.50; t < 0.995; t += 0.02)
        {
            var sent = rows.Where(r => LexicalTemplateMatcher.Confidence(r.Coverage, r.Coverage == 0 ? 0 : r.Margin / r.Coverage) >= t).ToList();
            var precision = sent.Count == 0 ? 1 : (double)sent.Count(r => r.Correct) / sent.Count;
            var coverage = (double)sent.Count(r => r.InScope) / rows.Count(r => r.InScope);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t:F2}: precision {precision:P2}, coverage {coverage:P1}"));
        }
    }

    private static void Latency(IReadOnlyList<IntentSuite> suites, int templateCount)
    {
        var pool = suites.SelectMany(s => s.Templates).ToList();
        var templates = Enumerable.Range(0, (templateCount / pool.Count) + 1)
            .SelectMany(copy => pool.Select(t => t with { Id = new TemplateId($"{t.Id.Value}-{copy}") }))
            .Take(templateCount)
            .ToList();
        var questions = suites.SelectMany(s => s.Test).Select(q => q.Text).Take(3000).ToList();
        var matcher = new LexicalTemplateMatcher();
        var request = new TemplateMatchRequest { Text = questions[0], Language = "en", Templates = templates };
        for (var i = 0; i < 200; i++)
        {
            matcher.Match(request with { Text = questions[i % questions.Count] });
        }

        var times = new double[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            matcher.Match(request with { Text = questions[i] });
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency with {templateCount} templates over {times.Length} questions: p50 {times[times.Length / 2]:F3} ms, p99 {times[(int)(times.Length * 0.99)]:F3} ms, max {times[^1]:F3} ms"));
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BuyerMessaging.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BuyerMessaging.sln not found.");
    }
}
