using System.Globalization;
using System.Text;

namespace BuyerMessaging.Evaluation;

/// <summary>
/// The shop-question set: hand-written buyer messages to a marketplace shop in English, German and Japanese (see
/// SOURCE.md in <see cref="Directory"/>), each labelled with the sample situation whose template answers it, or
/// <c>none</c>. Measured against the built-in <see cref="TemplateSamples"/> of the message's language. Evaluation only:
/// no sample template's example is taken from it.
/// </summary>
internal static class ShopQuestions
{
    /// <summary>Where the set is, relative to the repository root: one <c>{language}.tsv</c> file per language.</summary>
    public const string Directory = "tests/BuyerMessaging.Tests/Data/shop-questions";

    /// <summary>The label of a message no sample template answers.</summary>
    public const string None = "none";

    /// <summary>
    /// The situations of the smart-reply policy view (a policy holds at most 10 templates of a language): the ten that
    /// answer a problem with an order. How-to-use, address change, warranty, A-to-z claims and out-of-office are left
    /// to a person, so their questions are out of scope there.
    /// </summary>
    public static IReadOnlyList<string> PolicySituations { get; } =
        ["shipping-delay", "tracking-not-updating", "lost-parcel", "damaged-item", "defective-item", "wrong-item", "missing-part", "return-request", "refund", "cancellation"];

    /// <summary>
    /// The messages of a language against all the sample templates of that language (as smart reply sees a store's
    /// library): a message's intent is its sample template's id, <see langword="null"/> for <c>none</c>.
    /// </summary>
    /// <param name="root">The repository root.</param>
    /// <param name="language">en, de or ja.</param>
    public static IntentSuite Library(string root, string language)
    {
        var templates = TemplateSamples.All.Where(t => t.Language == language).ToList();
        var ids = templates.Select(t => t.Id.Value).ToHashSet(StringComparer.Ordinal);
        var questions = new List<LabelledQuestion>();
        var path = Path.Combine(root, Directory, language + ".tsv");
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var situation = tab > 0 ? line[..tab] : "";
            var id = SampleId(situation, language);
            if (tab <= 0 || line.AsSpan(tab + 1).Trim().IsEmpty || (situation != None && !ids.Contains(id)))
            {
                throw new FormatException($"{Path.GetFileName(path)}: expected 'situation<TAB>text' with a sample situation or '{None}', got '{line}'.");
            }

            questions.Add(new LabelledQuestion(line[(tab + 1)..].Trim().Replace("\\n", "\n", StringComparison.Ordinal), situation == None ? null : id));
        }

        return new IntentSuite($"shop-{language}", language, templates, [], questions);
    }

    /// <summary>
    /// The smart-reply policy view of a library: only the templates of <see cref="PolicySituations"/>; a question of any
    /// other template is out of scope (the right outcome is to send nothing).
    /// </summary>
    public static IntentSuite Policy(IntentSuite library)
    {
        var kept = PolicySituations.Select(s => SampleId(s, library.Language)).ToHashSet(StringComparer.Ordinal);
        return library with
        {
            Name = $"{library.Name} ({kept.Count} templates)",
            Templates = [.. library.Templates.Where(t => kept.Contains(t.Id.Value))],
            Test = [.. library.Test.Select(q => q.Intent is not null && kept.Contains(q.Intent) ? q : q with { Intent = null })],
        };
    }

    /// <summary>The id of a sample situation's template in a language, "sample-{situation}-{language}".</summary>
    public static string SampleId(string situation, string language) => $"sample-{situation}-{language}";
}

/// <summary>What a matcher did with a set of labelled questions at its thresholds.</summary>
/// <param name="Questions">The questions.</param>
/// <param name="InScope">The questions some template answers.</param>
/// <param name="Sent">The questions matched (answered automatically).</param>
/// <param name="SentCorrect">The questions matched with the template that answers them.</param>
/// <param name="Suggested">The questions suggested to a person.</param>
/// <param name="SuggestedCorrect">The questions suggested with the template that answers them.</param>
/// <param name="OutOfScopeSent">The questions no template answers that were answered automatically.</param>
internal sealed record OutcomeScore(int Questions, int InScope, int Sent, int SentCorrect, int Suggested, int SuggestedCorrect, int OutOfScopeSent)
{
    /// <summary>Gets the share of automatic answers that are right (1 when none was sent).</summary>
    public double Precision => Sent == 0 ? 1 : (double)SentCorrect / Sent;

    /// <summary>Gets the share of in-scope questions answered automatically and rightly.</summary>
    public double Coverage => (double)SentCorrect / Math.Max(1, InScope);

    /// <summary>Gets the number of wrong automatic answers (a wrong template, or any template for an out-of-scope question).</summary>
    public int WrongAutomatic => Sent - SentCorrect;

    /// <summary>Gets the share of suggestions that name the right template (1 when none was made).</summary>
    public double SuggestedCorrectRate => Suggested == 0 ? 1 : (double)SuggestedCorrect / Suggested;

    /// <summary>Scores the matches of labelled questions, in order.</summary>
    public static OutcomeScore Of(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<TemplateMatch> matches)
    {
        int inScope = 0, sent = 0, sentCorrect = 0, suggested = 0, suggestedCorrect = 0, outOfScopeSent = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var intent = questions[i].Intent;
            var right = intent is not null && matches[i].TemplateId?.Value == intent;
            inScope += intent is null ? 0 : 1;
            if (matches[i].Outcome == MatchOutcome.Matched)
            {
                sent++;
                sentCorrect += right ? 1 : 0;
                outOfScopeSent += intent is null ? 1 : 0;
            }
            else if (matches[i].Outcome == MatchOutcome.Suggested)
            {
                suggested++;
                suggestedCorrect += right ? 1 : 0;
            }
        }

        return new OutcomeScore(questions.Count, inScope, sent, sentCorrect, suggested, suggestedCorrect, outOfScopeSent);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"precision {Precision:P1} ({SentCorrect}/{Sent}), coverage {Coverage:P1} of {InScope}, wrong automatic {WrongAutomatic} (out of scope {OutOfScopeSent}), suggested correct {SuggestedCorrectRate:P1} ({SuggestedCorrect}/{Suggested}), {Questions} questions");
}
