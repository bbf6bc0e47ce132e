using System.Globalization;
using System.Text.Json;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>matching static [--without banking77,clinc150,bitext,general] [--epochs n] [--lr x] [--l2 x] [--all-dev] [--save file]</c>:
/// trains a static student embedding (Model2Vec "tokenlearn" style) on the teacher's (all-MiniLM-L6-v2) sentence
/// embeddings of the training corpus, then prints top-1 of the semantic re-ranker with the student on the development
/// questions (the first 3,000 in scope of each suite, as <c>matching semantic sweep</c>). The training texts are the
/// suites' training parts only (template examples and development questions: Banking77 train.csv, CLINC150
/// train/val/oos_train, Bitext's 60 %), and general text (ABCD's sample and guidelines, Lingua's English sentences);
/// never a test part. Unless <c>--all-dev</c>, the development questions the sweep scores are left out of training too.
/// Teacher embeddings are cached under /tmp/static-embedding-cache (or $STATIC_EMBEDDING_CACHE).
/// </summary>
internal static class StaticEmbeddingLab
{
    public static readonly string[] Domains = ["banking77", "clinc150", "bitext", "general"];

    public static int Run(string corpora, IReadOnlyList<IntentSuite> suites, string[] args)
    {
        var cache = Environment.GetEnvironmentVariable("STATIC_EMBEDDING_CACHE") ?? "/tmp/static-embedding-cache";
        Directory.CreateDirectory(cache);
        var without = Option(args, "--without")?.Split(',') ?? [];
        var defaults = new TrainingSettings();
        var settings = new TrainingSettings
        {
            Epochs = Option(args, "--epochs") is { } epochs ? int.Parse(epochs, CultureInfo.InvariantCulture) : defaults.Epochs,
            LearningRate = Option(args, "--lr") is { } lr ? double.Parse(lr, CultureInfo.InvariantCulture) : defaults.LearningRate,
            L2 = Option(args, "--l2") is { } l2 ? double.Parse(l2, CultureInfo.InvariantCulture) : defaults.L2,
        };
        var allDev = args.Contains("--all-dev");

        var vocabulary = Teacher.Vocabulary();
        var tokenizer = new WordPieceTokenizer(vocabulary);
        var single = Teacher.SingleTokens(vocabulary.Count, cache);

        var scored = suites.ToDictionary(s => s.Name, s => s.Dev.Where(q => q.Intent is not null).Take(3000).Select(q => q.Text).ToHashSet(StringComparer.Ordinal));
        var corpus = Corpus(corpora, suites)
            .Where(c => !without.Contains(c.Domain))
            .Where(c => allDev || !scored.TryGetValue(c.Domain, out var dev) || !dev.Contains(c.Text))
            .Select(c => c.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Console.WriteLine($"training texts: {corpus.Count} (without: {(without.Length == 0 ? "nothing" : string.Join(", ", without))}{(allDev ? ", development questions included" : "")})");
        var teacher = Teacher.Sentences(corpus, cache);

        var held = Teacher.Sentences([.. scored.Values.SelectMany(x => x)], cache);
        void Fidelity(StudentEmbedding s) => Console.WriteLine("mean cosine with the teacher on the scored development questions: " + string.Join(", ", scored.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Average(t => Cosine(s.Embed(t), held[t])):F4}"))));
        var student = StaticEmbeddingTrainer.Initial(tokenizer, single, corpus, int.Parse(Option(args, "--pairs") ?? "0", CultureInfo.InvariantCulture));
        Fidelity(student);
        Console.WriteLine("distilled (untrained):");
        Evaluate(student, suites);
        if (settings.Epochs > 0)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            StaticEmbeddingTrainer.Train(student, [.. corpus.Select(t => (t, teacher[t]))], settings);

            Console.WriteLine($"trained in {started.Elapsed.TotalSeconds:F0} s");
            Console.WriteLine("trained:");
            Fidelity(student);
            Evaluate(student, suites);
        }

        if (Option(args, "--save") is { } save)
        {
            Teacher.WriteFloats(save, student.Vectors);
            Console.WriteLine($"saved {save}");
        }

        return 0;
    }

    /// <summary>Top-1 of the re-ranker with the student on the development questions, by weight.</summary>
    public static void Evaluate(StudentEmbedding student, IReadOnlyList<IntentSuite> suites) =>
        SemanticEvaluation.WeightSweep(suites, new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { MaxCandidates = new SemanticMatchingOptions().Candidates }), student, [0, 4, 8, 10, 16]);

    /// <summary>The allowed training texts, each with its domain: the suites' training parts and general text.</summary>
    public static IEnumerable<(string Domain, string Text)> Corpus(string corpora, IReadOnlyList<IntentSuite> suites)
    {
        foreach (var suite in suites)
        {
            foreach (var text in suite.Templates.SelectMany(t => t.Examples).Concat(suite.Dev.Select(q => q.Text)))
            {
                yield return (suite.Name, text);
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(corpora, "language", "sentences", "en.txt")).Where(l => l.Length > 0))
        {
            yield return ("general", line);
        }

        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpora, "abcd", "abcd_sample.json")));
        foreach (var convo in sample.RootElement.EnumerateArray())
        {
            foreach (var turn in convo.GetProperty("original").EnumerateArray())
            {
                yield return ("general", turn[1].GetString()!);
            }
        }

        using var guidelines = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpora, "abcd", "guidelines.json")));
        foreach (var text in Strings(guidelines.RootElement).Where(s => s.Length >= 20))
        {
            yield return ("general", text);
        }
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (var j = 0; j < a.Length; j++)
        {
            dot += a[j] * b[j];
        }

        return dot;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
