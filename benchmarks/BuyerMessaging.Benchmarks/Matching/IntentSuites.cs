using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BuyerMessaging.Evaluation;

/// <summary>One labelled buyer question; <see cref="Intent"/> is <see langword="null"/> for an out-of-scope question.</summary>
internal sealed record LabelledQuestion(string Text, string? Intent);

/// <summary>
/// An evaluation suite: one template per intent whose example questions come from the training part of the data only,
/// development questions (the rest of the training part, for calibration and thresholds) and test questions.
/// </summary>
internal sealed record IntentSuite(string Name, string Language, IReadOnlyList<Template> Templates, IReadOnlyList<LabelledQuestion> Dev, IReadOnlyList<LabelledQuestion> Test);

/// <summary>
/// Builds the suites from ../shared/corpora (see each corpus's SOURCE.md for licence and splits): Banking77 (CC BY 4.0;
/// train/test), CLINC150 (CC BY 3.0; train/val/test, out-of-scope oos_train for development and oos_val for test, as
/// this copy has no oos_test) and Bitext customer support (CDLA-Sharing 1.0; one file, split here by a hash of the text:
/// 60 % train, 40 % test); and, in Japanese, xSID 0.4 (CC BY-SA 4.0; the (intent, text) pairs of ja.valid and
/// ja.test committed under <see cref="XsidJapaneseDirectory"/>, see SOURCE.md there): valid for the templates, test
/// for measurement.
/// </summary>
internal static class IntentSuites
{
    /// <summary>The example buyer questions each template gets from the training part.</summary>
    public const int ExamplesPerTemplate = 10;

    /// <summary>Where the xSID Japanese pairs are, relative to the repository root.</summary>
    public const string XsidJapaneseDirectory = "tests/BuyerMessaging.Tests/Data/xsid-ja";

    /// <summary>The body of every xSID template: a short neutral line (the data has no answers).</summary>
    public const string XsidJapaneseBody = "お問い合わせありがとうございます。";

    /// <summary>The English suites, from ../shared/corpora.</summary>
    public static IReadOnlyList<IntentSuite> LoadAll(string corpora, int examples = ExamplesPerTemplate) => [Banking77(corpora, examples), Clinc150(corpora, examples), Bitext(corpora, examples)];

    /// <summary>
    /// xSID 0.4 Japanese: one template per intent of valid.tsv (its first 10 questions as examples; the rest is the
    /// development set), measured on test.tsv. A test question whose intent has no template (alarm/time_left_on_alarm
    /// is absent from the valid split) counts as out of scope: the right outcome is to send nothing.
    /// </summary>
    public static IntentSuite XsidJapanese(string repositoryRoot)
    {
        var dir = Path.Combine(repositoryRoot, XsidJapaneseDirectory);
        var train = ReadTsv(Path.Combine(dir, "valid.tsv"));
        var known = train.Select(q => q.Intent!).ToHashSet(StringComparer.Ordinal);
        var test = ReadTsv(Path.Combine(dir, "test.tsv")).Select(q => known.Contains(q.Intent!) ? q : q with { Intent = null }).ToList();
        return Build("xsid-ja", train, [], test, "ja", XsidJapaneseBody);
    }

    public static IntentSuite Banking77(string corpora, int examples = ExamplesPerTemplate)
    {
        var dir = Path.Combine(corpora, "banking77");
        using var categories = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "categories.json")));
        var known = categories.RootElement.EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
        return Build("banking77", ReadCsv(Path.Combine(dir, "train.csv"), known), [], ReadCsv(Path.Combine(dir, "test.csv"), known), examplesPerTemplate: examples);
    }

    public static IntentSuite Clinc150(string corpora, int examples = ExamplesPerTemplate)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpora, "clinc150", "data_full_without_oos_test.json")));
        List<LabelledQuestion> Split(string name, bool oos) =>
            [.. doc.RootElement.GetProperty(name).EnumerateArray().Select(p => new LabelledQuestion(p[0].GetString()!, oos ? null : p[1].GetString()))];
        return Build("clinc150", Split("train", false), [.. Split("val", false), .. Split("oos_train", true)], [.. Split("test", false), .. Split("oos_val", true)], examplesPerTemplate: examples);
    }

    public static IntentSuite Bitext(string corpora, int examples = ExamplesPerTemplate)
    {
        var all = File.ReadLines(Path.Combine(corpora, "bitext-customer-support", "dev.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var d = JsonDocument.Parse(l);
                return new LabelledQuestion(d.RootElement.GetProperty("text").GetString()!, d.RootElement.GetProperty("intent").GetString());
            })
            .ToList();
        return Build("bitext", [.. all.Where(q => Bucket(q.Text) < 60)], [], [.. all.Where(q => Bucket(q.Text) >= 60)], examplesPerTemplate: examples);
    }

    /// <summary>
    /// The suite with only the test questions whose exact text is not one of the template examples (xSID repeats many
    /// short commands between its splits).
    /// </summary>
    /// <summary>
    /// A smart-reply-sized view of a suite: the templates of <paramref name="count"/> intents (every n-th in name order,
    /// starting at <paramref name="offset"/>) and all the questions; a question of any other intent is out of scope
    /// (the right outcome is to send nothing), as most buyer mail is for a seller's ten smart-reply templates.
    /// </summary>
    public static IntentSuite FewTemplates(IntentSuite suite, int count, int offset = 0)
    {
        var step = Math.Max(1, suite.Templates.Count / count);
        var chosen = suite.Templates.Where((_, i) => i >= offset && (i - offset) % step == 0).Take(count).ToList();
        var kept = chosen.Select(t => t.Id.Value).ToHashSet(StringComparer.Ordinal);
        LabelledQuestion Scope(LabelledQuestion q) => q.Intent is not null && kept.Contains(q.Intent) ? q : q with { Intent = null };
        return suite with
        {
            Name = $"{suite.Name} ({chosen.Count} templates)",
            Templates = chosen,
            Dev = [.. suite.Dev.Select(Scope)],
            Test = [.. suite.Test.Select(Scope)],
        };
    }

    public static IntentSuite WithoutExampleTexts(IntentSuite suite)
    {
        var examples = suite.Templates.SelectMany(t => t.Examples).ToHashSet(StringComparer.Ordinal);
        return suite with { Name = suite.Name + " (unseen text)", Test = [.. suite.Test.Where(q => !examples.Contains(q.Text))] };
    }

    /// <summary>A stable bucket from 0 to 99 (FNV-1a of the UTF-8 text).</summary>
    public static int Bucket(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % 100);
    }

    private static IntentSuite Build(string name, List<LabelledQuestion> train, List<LabelledQuestion> extraDev, List<LabelledQuestion> test, string language = "en", string body = "", int examplesPerTemplate = ExamplesPerTemplate)
    {
        var templates = new List<Template>();
        var dev = new List<LabelledQuestion>();
        foreach (var group in train.GroupBy(q => q.Intent!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var examples = group.Take(examplesPerTemplate).Select(q => q.Text).ToList();
            templates.Add(new Template
            {
                Id = new TemplateId(group.Key),
                Name = group.Key.Replace('_', ' '),
                Language = language,
                Body = body,
                Examples = examples,
            });
            dev.AddRange(group.Skip(examplesPerTemplate));
        }

        dev.AddRange(extraDev);
        return new IntentSuite(name, language, templates, dev, test);
    }

    /// <summary>Reads "intent&lt;TAB&gt;text" lines after a header line.</summary>
    private static List<LabelledQuestion> ReadTsv(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new LabelledQuestion(f[1], f[0]))];

    /// <summary>Reads "text,category" lines; a quoted text that spans lines is skipped (its category is not a known one).</summary>
    private static List<LabelledQuestion> ReadCsv(string path, HashSet<string> categories)
    {
        var result = new List<LabelledQuestion>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.LastIndexOf(',');
            if (comma <= 0)
            {
                continue;
            }

            var text = line[..comma];
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
            {
                text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            var category = line[(comma + 1)..].Trim();
            if (categories.Contains(category))
            {
                result.Add(new LabelledQuestion(text, category));
            }
        }

        return result;
    }
}

/// <summary>The figures of one matcher on one set of questions.</summary>
internal sealed record MatchingScore(int Questions, int InScope, double Top1, double Precision, double Coverage, double WrongAutomatic, double OutOfScopeWrong)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"top-1 {Top1:P1}, precision {Precision:P1}, coverage {Coverage:P1}, wrong automatic {WrongAutomatic:P2}, out-of-scope sent {OutOfScopeWrong:P2} ({Questions} questions, {InScope} in scope)");
}

/// <summary>Scores a matcher: top-1 accuracy on the in-scope questions; precision, coverage and wrong automatic answers at its auto-send threshold.</summary>
internal static class MatchingMetrics
{
    /// <summary>Scores ranked answers: for each question, the best template id (or null) and whether it was matched (would be sent).</summary>
    public static MatchingScore Score(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<(string? Top, bool Matched)> answers)
    {
        int inScope = 0, top1 = 0, matched = 0, correctMatched = 0, matchedInScope = 0, oos = 0, oosMatched = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var (top, sent) = answers[i];
            var intent = questions[i].Intent;
            if (intent is null)
            {
                oos++;
                oosMatched += sent ? 1 : 0;
                matched += sent ? 1 : 0;
                continue;
            }

            inScope++;
            top1 += top == intent ? 1 : 0;
            if (sent)
            {
                matched++;
                matchedInScope++;
                correctMatched += top == intent ? 1 : 0;
            }
        }

        return new MatchingScore(
            questions.Count,
            inScope,
            (double)top1 / Math.Max(1, inScope),
            matched == 0 ? 1 : (double)correctMatched / matched,
            (double)matchedInScope / Math.Max(1, inScope),
            (double)(matched - correctMatched) / Math.Max(1, questions.Count),
            (double)oosMatched / Math.Max(1, oos));
    }

    /// <summary>Runs the lexical matcher over the questions of a suite.</summary>
    public static List<TemplateMatch> Run(LexicalTemplateMatcher matcher, IntentSuite suite, IReadOnlyList<LabelledQuestion> questions) =>
        [.. questions.Select(q => matcher.Match(new TemplateMatchRequest { Text = q.Text, Language = suite.Language, Templates = suite.Templates }))];

    /// <summary>
    /// Runs the lexical matcher over the questions of a smart-reply-sized view with the whole suite's templates
    /// competing and only the view's templates eligible (<see cref="TemplateMatchRequest.Eligible"/>).
    /// </summary>
    public static List<TemplateMatch> RunWithLibrary(LexicalTemplateMatcher matcher, IntentSuite library, IntentSuite view)
    {
        var eligible = view.Templates.Select(t => t.Id).ToHashSet();
        return [.. view.Test.Select(q => matcher.Match(new TemplateMatchRequest { Text = q.Text, Language = library.Language, Templates = library.Templates, Eligible = eligible }))];
    }

    public static MatchingScore Score(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<TemplateMatch> matches) =>
        Score(questions, [.. matches.Select(m => (m.Candidates.FirstOrDefault()?.TemplateId.Value, m.Outcome == MatchOutcome.Matched))]);
}
