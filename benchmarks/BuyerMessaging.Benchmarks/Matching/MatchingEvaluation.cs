using System.Diagnostics;
using System.Globalization;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- matching [calibrate|language|shop [details]|all-examples|dev]</c>: the smart-reply
/// matcher on the intent suites (figures in benchmarks/README.md), beside the Lucene.Net BM25 baseline, and its
/// latency percentiles with 10 and 1,000 templates (English templates only). The Japanese xSID suite is measured in full
/// and without the test questions whose text is a template example. <c>calibrate</c> also fits the confidence on the development
/// questions and sweeps the thresholds there; <c>dev</c> prints only top-1 on the development questions (to try a change
/// without looking at the test part).
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

        if (args.Contains("shop"))
        {
            return ShopEvaluation.Run(FindRoot(), args.Contains("details"));
        }

        if (args.Contains("language"))
        {
            return LanguageEvaluation.Run(corpora, FindRoot());
        }

        // all-examples: every template gets all of its intent's training questions instead of 10 (the English suites only).
        var allExamples = args.Contains("all-examples");
        var suites = IntentSuites.LoadAll(corpora, allExamples ? int.MaxValue : IntentSuites.ExamplesPerTemplate);
        var matcher = LexicalTemplateMatcher.Default;
        if (args.Contains("static") && !args.Contains("semantic"))
        {
            return StaticEmbeddingLab.Run(corpora, suites, args);
        }

        if (args.Contains("semantic"))
        {
            // static --vectors <file> [--pairs n]: a static student saved by `matching static --save <file>` in place of all-MiniLM-L6-v2.
            var vectors = args.Contains("static") ? args[Array.IndexOf(args, "--vectors") + 1] : null;
            var pairs = args.Contains("--pairs") ? int.Parse(args[Array.IndexOf(args, "--pairs") + 1], CultureInfo.InvariantCulture) : 0;
            return SemanticEvaluation.Run(
                suites,
                IntentSuites.XsidJapanese(FindRoot()),
                args.Contains("sweep"),
                args.Contains("calibrate"),
                vectors is null ? null : () => new StudentEmbedding(new WordPieceTokenizer(Teacher.Vocabulary()), Teacher.ReadFloats(vectors), Teacher.Dimensions, pairs));
        }

        if (args.Contains("calibrate"))
        {
            Calibrate(matcher, suites);
        }

        // dev: top-1 on the development questions only, to try a change to the matcher without looking at the test part.
        if (args.Contains("dev"))
        {
            Console.WriteLine("| suite (development questions) | questions | Lucene BM25 top-1 | lexical top-1 |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var suite in suites)
            {
                var inScope = suite.Dev.Where(q => q.Intent is not null).ToList();
                using var lucene = new LuceneBaseline(suite.Templates);
                var baseline = MatchingMetrics.Score(inScope, [.. inScope.Select(q => (lucene.Top(q.Text), false))]);
                var score = MatchingMetrics.Score(inScope, MatchingMetrics.Run(matcher, suite, inScope));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {suite.Name} | {inScope.Count} | {baseline.Top1:P1} | {score.Top1:P1} |"));
            }

            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| suite | templates | test questions | Lucene BM25 top-1 | BM25 alone top-1 | lexical top-1 | precision at auto-send | coverage at auto-send | wrong automatic answers | out-of-scope sent |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var bm25Only = new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { ClassifierTemplateLimit = 0 });
        var japanese = IntentSuites.XsidJapanese(FindRoot());
        var few = suites.Select(s => IntentSuites.FewTemplates(s, 10)).Append(IntentSuites.FewTemplates(japanese, 3));
        foreach (var suite in allExamples ? suites : suites.Append(japanese).Append(IntentSuites.WithoutExampleTexts(japanese)).Concat(few))
        {
            var score = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(matcher, suite, suite.Test));
            using var lucene = new LuceneBaseline(suite.Templates);
            var baseline = MatchingMetrics.Score(suite.Test, [.. suite.Test.Select(q => (lucene.Top(q.Text), false))]);
            var alone = MatchingMetrics.Score(suite.Test, MatchingMetrics.Run(bm25Only, suite, suite.Test));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {suite.Name} | {suite.Templates.Count} | {suite.Test.Count} | {baseline.Top1:P1} | {alone.Top1:P1} | {score.Top1:P1} | {score.Precision:P1} | {score.Coverage:P1} | {score.WrongAutomatic:P2} | {(suite.Test.Any(q => q.Intent is null) ? score.OutOfScopeWrong.ToString("P2", CultureInfo.InvariantCulture) : "-")} |"));
        }

        // The same smart-reply-sized views, with the rest of the suite's templates competing as the seller's library
        // (TemplateMatchRequest.Eligible): a question another template answers better fails instead of being sent.
        if (!allExamples)
        {
            Console.WriteLine();
            Console.WriteLine("| view, whole library competing | eligible templates | test questions | precision at auto-send | coverage at auto-send | wrong automatic answers | out-of-scope sent |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var library in suites.Append(japanese))
            {
                var view = IntentSuites.FewTemplates(library, library.Templates.Count > 10 ? 10 : 3);
                var score = MatchingMetrics.Score(view.Test, MatchingMetrics.RunWithLibrary(matcher, library, view));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {view.Name} of {library.Templates.Count} | {view.Templates.Count} | {view.Test.Count} | {score.Precision:P1} | {score.Coverage:P1} | {score.WrongAutomatic:P2} | {score.OutOfScopeWrong:P2} |"));
            }
        }

        Latency(suites, 10);
        Latency(suites, 1000);
        return 0;
    }

    private static void Calibrate(LexicalTemplateMatcher matcher, IReadOnlyList<IntentSuite> suites)
    {
        // The development questions of the whole suites, and of smart-reply-sized views of them (10 templates; the
        // questions of every other intent out of scope), several views per suite.
        var bm25 = new List<(double[] X, bool Correct, bool InScope, bool Few)>();
        var classified = new List<(double[] X, bool Correct, bool InScope, bool Few)>();
        var views = suites.Select(s => (Suite: s, Few: false))
            .Concat(suites.SelectMany(s => Enumerable.Range(0, 4).Select(offset => (Suite: IntentSuites.FewTemplates(s, 10, offset), Few: true))));
        foreach (var (suite, few) in views)
        {
            var matches = MatchingMetrics.Run(matcher, suite, suite.Dev);
            for (var i = 0; i < matches.Count; i++)
            {
                var top = matches[i].Candidates.FirstOrDefault();
                var correct = top is not null && top.TemplateId.Value == suite.Dev[i].Intent;
                var inScope = suite.Dev[i].Intent is not null;
                double coverage = top?.Coverage ?? 0, margin = top?.Margin ?? 0, probability = top?.Probability ?? -1;
                if (top is not null && probability >= 0)
                {
                    classified.Add(([coverage, margin * coverage, probability, probability * coverage, top.ExampleCoverage], correct, inScope, few));
                }
                else if (top is not null)
                {
                    bm25.Add(([coverage, margin * coverage], correct, inScope, few));
                }
            }
        }

        Fit("BM25 alone: bias, coverage, margin × coverage", bm25, r => LexicalTemplateMatcher.Confidence(r[0], r[0] == 0 ? 0 : r[1] / r[0]));
        Fit("with the classifier: bias, coverage, margin × coverage, probability, probability × coverage, example coverage", classified,
            r => LexicalTemplateMatcher.Confidence(r[0], r[0] == 0 ? 0 : r[1] / r[0], r[2], r[4]));
    }

    /// <summary>Logistic regression by batch gradient descent (learning rate 4) on (1, features): the weights, bias first.</summary>
    internal static double[] FitLogistic(IReadOnlyList<(double[] X, bool Y)> rows, int epochs)
    {
        var w = new double[rows[0].X.Length + 1];
        var g = new double[w.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(g);
            foreach (var (x, y) in rows)
            {
                var z = w[0];
                for (var j = 0; j < x.Length; j++)
                {
                    z += w[j + 1] * x[j];
                }

                var e = (1 / (1 + Math.Exp(-z))) - (y ? 1 : 0);
                g[0] += e;
                for (var j = 0; j < x.Length; j++)
                {
                    g[j + 1] += e * x[j];
                }
            }

            for (var j = 0; j < w.Length; j++)
            {
                w[j] -= 4.0 * g[j] / Math.Max(1, rows.Count);
            }
        }

        return w;
    }

    /// <summary>Logistic regression by gradient descent on (1, features); then a threshold sweep with the matcher's current constants.</summary>
    private static void Fit(string title, List<(double[] X, bool Correct, bool InScope, bool Few)> rows, Func<double[], double> current)
    {
        if (rows.Count == 0)
        {
            Console.WriteLine($"{title}: no development question");
            return;
        }

        // Fitted on the whole suites only: weighting the 10-template views in (equally or by count) lowered precision on
        // the whole suites without bringing the views to 97 % (benchmarks/README.md); they are swept as a stress test.
        var fitted = rows.Where(r => !r.Few).ToList();
        var w = FitLogistic([.. fitted.Select(r => (r.X, r.Correct))], 5000);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: fitted on {fitted.Count} development questions: {string.Join(", ", w.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine("threshold sweep on the development questions (with the matcher's current constants): whole suites | 10-template views");
        for (var t = 0.50; t < 0.995; t += 0.02)
        {
            string Sweep(bool few)
            {
                var group = rows.Where(r => r.Few == few).ToList();
                var sent = group.Where(r => current(r.X) >= t).ToList();
                var precision = sent.Count == 0 ? 1 : (double)sent.Count(r => r.Correct) / sent.Count;
                var coverage = (double)sent.Count(r => r.InScope) / Math.Max(1, group.Count(r => r.InScope));
                return string.Create(CultureInfo.InvariantCulture, $"precision {precision:P2}, coverage {coverage:P1}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t:F2}: {Sweep(false)} | {Sweep(true)}"));
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

    internal static string FindRoot()
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
