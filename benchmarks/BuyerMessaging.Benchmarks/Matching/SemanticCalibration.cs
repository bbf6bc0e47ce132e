using System.Globalization;
using BuyerMessaging.Evaluation;
using Microsoft.Extensions.AI;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// `matching semantic calibrate`: fits the semantic re-ranker's confidence on the development questions (whole suites and
/// smart-reply-sized views) and sweeps the auto-send threshold.
/// </summary>
internal static class SemanticCalibration
{
    public static void Run(IReadOnlyList<IntentSuite> suites, LexicalTemplateMatcher lexical, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var options = new SemanticMatchingOptions();
        var semantic = new SemanticTemplateMatcher(lexical, generator, options);
        var rows = new List<(double[] X, bool Correct, bool Few, bool CurrentSent, bool Agree)>();
        var views = suites.Select(s => (Suite: s, Few: false))
            .Concat(suites.SelectMany(s => Enumerable.Range(0, 4).Select(offset => (Suite: IntentSuites.FewTemplates(s, 10, offset), Few: true))));
        foreach (var (suite, few) in views)
        {
            var dev = suite.Dev.Take(2000).ToList();
            var first = MatchingMetrics.Run(lexical, suite, dev);
            for (var i = 0; i < dev.Count; i++)
            {
                var m = semantic.MatchAsync(new TemplateMatchRequest { Text = dev[i].Text, Language = suite.Language, Templates = suite.Templates, Previous = first[i] }).AsTask().GetAwaiter().GetResult();
                if (m.Candidates.Count == 0)
                {
                    continue;
                }

                var best = first[i].Candidates.Count == 0 ? 0 : first[i].Candidates[0].Score;
                double Sim(TemplateCandidate c)
                {
                    var lex = first[i].Candidates.FirstOrDefault(x => x.TemplateId == c.TemplateId);
                    var rel = lex is null || best <= 0 ? 0 : lex.Score / best;
                    return (c.Score - rel) / options.Weight;
                }

                var top = m.Candidates[0];
                var s1 = Sim(top);
                var s2 = m.Candidates.Count > 1 ? Sim(m.Candidates[1]) : 0;
                var lexTop = first[i].Candidates.FirstOrDefault(x => x.TemplateId == top.TemplateId);
                var agree = first[i].Candidates.Count > 0 && first[i].Candidates[0].TemplateId == top.TemplateId;
                var correct = top.TemplateId.Value == dev[i].Intent;
                rows.Add(([s1, s1 - s2, lexTop?.Confidence ?? 0, agree ? 1 : 0, (lexTop?.Confidence ?? 0) * (agree ? 1 : 0)], correct, few, m.Outcome == MatchOutcome.Matched, agree));
            }
        }

        foreach (var (name, fitted) in new[] { ("whole suites", rows.Where(r => !r.Few).ToList()), ("whole suites and views", rows) })
        {
            var w = MatchingEvaluation.FitLogistic([.. fitted.Select(r => (r.X, r.Correct))], 4000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on {name} ({fitted.Count}): bias, similarity, gap, lexical confidence, agree, agree x lexical = {string.Join(", ", w.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}"));
            double P(double[] x)
            {
                var z = w[0];
                for (var j = 0; j < x.Length; j++)
                {
                    z += w[j + 1] * x[j];
                }

                return 1 / (1 + Math.Exp(-z));
            }

            Console.WriteLine("| threshold | whole: precision / coverage (any) | views (any) | whole (agree only) | views (agree only) |");
            for (var t = 0.70; t < 0.995; t += 0.02)
            {
                string S(bool few, bool agreeOnly)
                {
                    var group = rows.Where(r => r.Few == few).ToList();
                    var sent = group.Where(r => P(r.X) >= t && (!agreeOnly || r.Agree)).ToList();
                    return string.Create(CultureInfo.InvariantCulture, $"{(sent.Count == 0 ? 1 : (double)sent.Count(r => r.Correct) / sent.Count):P1} / {(double)sent.Count / group.Count:P1}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t:F2} | {S(false, false)} | {S(true, false)} | {S(false, true)} | {S(true, true)} |"));
            }
        }

        string Current(bool few)
        {
            var group = rows.Where(r => r.Few == few).ToList();
            var sent = group.Where(r => r.CurrentSent).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{(sent.Count == 0 ? 1 : (double)sent.Count(r => r.Correct) / sent.Count):P1} / {(double)sent.Count / group.Count:P1}");
        }

        Console.WriteLine($"current outcome: whole {Current(false)}, views {Current(true)}");
    }
}
