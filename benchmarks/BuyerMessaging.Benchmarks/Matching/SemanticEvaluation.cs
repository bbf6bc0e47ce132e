using System.Diagnostics;
using System.Globalization;
using BuyerMessaging.Cli;
using BuyerMessaging.Evaluation;
using Microsoft.Extensions.AI;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// `matching semantic [sweep | calibrate | static --vectors file]`: the semantic re-ranker (<see cref="SemanticTemplateMatcher"/> over the lexical matcher,
/// with the local all-MiniLM-L6-v2 model) against Lucene's BM25 and the lexical matcher on the same suites; `sweep`
/// prints top-1 on the development questions for a range of weights (how the default was chosen); `static` swaps
/// the model for a static student saved by `matching static --save` (<see cref="StaticEmbeddingLab"/>).
/// </summary>
internal static class SemanticEvaluation
{
    public static int Run(IReadOnlyList<IntentSuite> suites, IntentSuite japanese, bool sweep, bool calibrate = false, Func<IEmbeddingGenerator<string, Embedding<float>>>? model = null)
    {
        model ??= () => new MiniLmEmbeddingGenerator();
        using var generator = new RememberingGenerator(model());
        var lexical = new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { MaxCandidates = new SemanticMatchingOptions().Candidates });
        if (calibrate)
        {
            SemanticCalibration.Run(suites, lexical, generator);
            return 0;
        }

        if (sweep)
        {
            WeightSweep(suites, lexical, generator, [0, 1, 2, 4, 6, 8, 10, 12, 16, 24]);

            double[] gates = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
            Console.WriteLine();
            Console.WriteLine("| view (development questions, first 3,000) | " + string.Join(" | ", gates.Select(g => string.Create(CultureInfo.InvariantCulture, $"minimum similarity {g}"))) + " |");
            Console.WriteLine("|---|" + string.Concat(gates.Select(_ => "---:|")));
            foreach (var suite in suites.Concat(suites.Select(s => IntentSuites.FewTemplates(s, 10))))
            {
                var dev = suite.Dev.Take(3000).ToList();
                var first = MatchingMetrics.Run(lexical, suite, dev);
                var row = gates.Select(g =>
                {
                    var matcher = new SemanticTemplateMatcher(lexical, generator, new SemanticMatchingOptions { MinimumSimilarity = g });
                    var score = MatchingMetrics.Score(dev, Rerank(matcher, suite, dev, first));
                    return string.Create(CultureInfo.InvariantCulture, $"{score.Precision:P1} / {score.Coverage:P1}");
                });
                Console.WriteLine($"| {suite.Name} (precision / coverage) | " + string.Join(" | ", row) + " |");
            }

            return 0;
        }

        var semantic = new SemanticTemplateMatcher(lexical, generator);
        Console.WriteLine("| suite | templates | test questions | Lucene BM25 top-1 | lexical top-1 | semantic top-1 | semantic - Lucene | precision at auto-send | coverage at auto-send | wrong automatic answers | out-of-scope sent |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var few = suites.Select(s => IntentSuites.FewTemplates(s, 10));
        foreach (var suite in suites.Append(japanese).Concat(few))
        {
            var first = MatchingMetrics.Run(lexical, suite, suite.Test);
            using var lucene = new LuceneBaseline(suite.Templates);
            var baseline = MatchingMetrics.Score(suite.Test, [.. suite.Test.Select(q => (lucene.Top(q.Text), false))]);
            var words = MatchingMetrics.Score(suite.Test, first);
            var score = MatchingMetrics.Score(suite.Test, Rerank(semantic, suite, suite.Test, first));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {suite.Name} | {suite.Templates.Count} | {suite.Test.Count} | {baseline.Top1:P1} | {words.Top1:P1} | **{score.Top1:P1}** | {100 * (score.Top1 - baseline.Top1):+0.0;-0.0} | {score.Precision:P1} | {score.Coverage:P1} | {score.WrongAutomatic:P2} | {(suite.Test.Any(q => q.Intent is null) ? score.OutOfScopeWrong.ToString("P2", CultureInfo.InvariantCulture) : "-")} |"));
        }

        Latency(suites, 10, model);
        Latency(suites, 1000, model);
        return 0;
    }

    /// <summary>Prints top-1 of the re-ranker on the development questions (the first 3,000 in scope of each suite) by weight.</summary>
    internal static void WeightSweep(IReadOnlyList<IntentSuite> suites, LexicalTemplateMatcher lexical, IEmbeddingGenerator<string, Embedding<float>> generator, double[] weights)
    {
        Console.WriteLine("| suite (development questions, first 3,000) | " + string.Join(" | ", weights.Select(w => string.Create(CultureInfo.InvariantCulture, $"weight {w}"))) + " |");
        Console.WriteLine("|---|" + string.Concat(weights.Select(_ => "---:|")));
        foreach (var suite in suites)
        {
            var dev = suite.Dev.Where(q => q.Intent is not null).Take(3000).ToList();
            var first = MatchingMetrics.Run(lexical, suite, dev);
            var row = weights.Select(w =>
            {
                var matcher = new SemanticTemplateMatcher(lexical, generator, new SemanticMatchingOptions { Weight = w });
                return MatchingMetrics.Score(dev, Rerank(matcher, suite, dev, first)).Top1;
            });
            Console.WriteLine($"| {suite.Name} | " + string.Join(" | ", row.Select(t => t.ToString("P1", CultureInfo.InvariantCulture))) + " |");
        }
    }

    /// <summary>Re-ranks the lexical results already computed (<see cref="TemplateMatchRequest.Previous"/>), as a second matcher in a chain does.</summary>
    internal static List<TemplateMatch> Rerank(SemanticTemplateMatcher matcher, IntentSuite suite, IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<TemplateMatch> first) =>
        [.. questions.Select((q, i) => matcher.MatchAsync(new TemplateMatchRequest { Text = q.Text, Language = suite.Language, Templates = suite.Templates, Previous = first[i] }).AsTask().GetAwaiter().GetResult())];

    /// <summary>
    /// Latency of one match with <paramref name="templateCount"/> templates (copied from the suites with new ids), the
    /// question embedded by the model each time (template embeddings cached).
    /// </summary>
    private static void Latency(IReadOnlyList<IntentSuite> suites, int templateCount, Func<IEmbeddingGenerator<string, Embedding<float>>> model)
    {
        using var generator = model();
        var matcher = new SemanticTemplateMatcher(generator);
        var pool = suites.SelectMany(s => s.Templates).ToList();
        var templates = Enumerable.Range(0, (templateCount / pool.Count) + 1)
            .SelectMany(copy => pool.Select(t => t with { Id = new TemplateId($"{t.Id.Value}-{copy}") }))
            .Take(templateCount)
            .ToList();
        var questions = suites.SelectMany(s => s.Test).Select(q => q.Text).Take(1000).ToList();
        var request = new TemplateMatchRequest { Text = questions[0], Language = "en", Templates = templates };
        // Warm-up: every question once, so that the templates' examples are embedded (and cached) before timing.
        foreach (var question in questions)
        {
            matcher.MatchAsync(request with { Text = question }).AsTask().GetAwaiter().GetResult();
        }

        var times = new double[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            matcher.MatchAsync(request with { Text = questions[i] }).AsTask().GetAwaiter().GetResult();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"semantic latency with {templateCount} templates over {times.Length} questions: p50 {times[times.Length / 2]:F2} ms, p99 {times[(int)(times.Length * 0.99)]:F2} ms, max {times[^1]:F2} ms"));
    }

    /// <summary>Remembers every text's embedding, so that the sweep and the suites embed each question once.</summary>
    private sealed class RememberingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly Dictionary<string, Embedding<float>> _seen = new(StringComparer.Ordinal);

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            var missing = texts.Where(t => !_seen.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                var made = await inner.GenerateAsync(missing, options, cancellationToken);
                for (var i = 0; i < missing.Count; i++)
                {
                    _seen[missing[i]] = made[i];
                }
            }

            return [.. texts.Select(t => _seen[t])];
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() => inner.Dispose();
    }
}
