using System.Globalization;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>... -- matching shop [details]</c>: the lexical matcher on the hand-written shop questions (English, German,
/// Japanese; <see cref="ShopQuestions"/>) against the sample templates: all of a language competing, a 10-template
/// smart-reply policy with the rest of the library competing, and the same policy alone. <c>details</c> lists every
/// wrong automatic answer and every question a template answers that was not sent with it.
/// </summary>
internal static class ShopEvaluation
{
    public static int Run(string root, bool details)
    {
        var matcher = LexicalTemplateMatcher.Default;
        Console.WriteLine("| shop questions, view | templates (eligible) | questions (in scope) | precision at auto-send | coverage at auto-send | wrong automatic answers (out of scope) | suggested correct |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var detailed = new List<(string View, LabelledQuestion Question, TemplateMatch Match)>();
        foreach (var language in TemplateSamples.Languages.Order(StringComparer.Ordinal))
        {
            var library = ShopQuestions.Library(root, language);
            var policy = ShopQuestions.Policy(library);
            var eligible = policy.Templates.Select(t => t.Id).ToHashSet();
            var views = new (string Name, IntentSuite Scored, int Eligible, List<TemplateMatch> Matches)[]
            {
                ($"{language}, all {library.Templates.Count} samples", library, library.Templates.Count, MatchingMetrics.Run(matcher, library, library.Test)),
                ($"{language}, policy of {policy.Templates.Count}, library competing", policy, policy.Templates.Count, MatchingMetrics.RunWithLibrary(matcher, library, policy)),
                ($"{language}, policy of {policy.Templates.Count} alone", policy, policy.Templates.Count, MatchingMetrics.Run(matcher, policy, policy.Test)),
            };
            foreach (var (name, scored, eligibleCount, matches) in views)
            {
                var score = OutcomeScore.Of(scored.Test, matches);
                var templates = scored == policy && name.Contains("library", StringComparison.Ordinal) ? $"{library.Templates.Count} ({eligibleCount})" : $"{eligibleCount}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {templates} | {score.Questions} ({score.InScope}) | {score.Precision:P1} | {score.Coverage:P1} | {score.WrongAutomatic} ({score.OutOfScopeSent}) | {score.SuggestedCorrectRate:P1} of {score.Suggested} |"));
                for (var i = 0; i < matches.Count; i++)
                {
                    var q = scored.Test[i];
                    var wrongSent = matches[i].Outcome == MatchOutcome.Matched && matches[i].TemplateId?.Value != q.Intent;
                    var missed = q.Intent is not null && !(matches[i].Outcome == MatchOutcome.Matched && matches[i].TemplateId?.Value == q.Intent);
                    if (wrongSent || missed)
                    {
                        detailed.Add((name, q, matches[i]));
                    }
                }
            }
        }

        if (details)
        {
            Console.WriteLine();
            foreach (var (view, q, m) in detailed)
            {
                var top = m.Candidates.FirstOrDefault();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{view}] want {q.Intent ?? "none"}; {m.Outcome} {m.FailureReason} top {top?.TemplateId.Value ?? "-"} conf {m.Confidence:F2} p {top?.Probability ?? -1:F2} cov {top?.Coverage ?? 0:F2}: {q.Text.Replace("\n", " / ", StringComparison.Ordinal)}"));
            }
        }

        return 0;
    }
}
