using System.Globalization;
using System.Text;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- matching language</c>: the accuracy of
/// <see cref="NgramLanguageDetector"/> on text its data was not built from (see src/BuyerMessaging/Language/Profiles/SOURCE.md):
/// the held-out (odd) lines of the Lingua test sentences of 20 characters or more (../shared/corpora/language), the
/// hand-written buyer messages (<see cref="BuyerLanguageMessages"/>), and, for information, the Lingua word pairs and
/// single words (every line).
/// </summary>
internal static class LanguageEvaluation
{
    public static int Run(string corpora, string root)
    {
        var detector = NgramLanguageDetector.Default;
        Console.WriteLine("Lingua sentences, held-out (odd) lines of 20+ characters:");
        Console.WriteLine();
        var sentences = BuyerLanguageMessages.TargetLanguages.SelectMany(language => Lingua(corpora, "sentences", language, heldOutOnly: true)
            .Where(m => m.Text.Length >= BuyerLanguageMessages.TargetLength)).ToList();
        Table(detector, sentences, BuyerLanguageMessages.TargetLanguages, "sentences (20+ chars)");

        var buyer = BuyerLanguageMessages.Load(root);
        var others = buyer.Select(m => m.Language).Where(l => !BuyerLanguageMessages.TargetLanguages.Contains(l)).Distinct().Order(StringComparer.Ordinal);
        List<string> languages = [.. BuyerLanguageMessages.TargetLanguages, .. others];
        Console.WriteLine();
        Console.WriteLine($"Buyer messages ({BuyerLanguageMessages.Directory}), 20+ characters:");
        Console.WriteLine();
        Table(detector, [.. buyer.Where(m => m.Text.Length >= BuyerLanguageMessages.TargetLength)], languages, "messages (20+ chars)");
        Console.WriteLine();
        Console.WriteLine("Buyer messages, all lengths:");
        Console.WriteLine();
        Table(detector, buyer, languages, "messages");
        Console.WriteLine();
        Console.WriteLine("Buyer messages detected wrongly:");
        Console.WriteLine();
        PrintWrong(detector, buyer);

        var hanOnly = BuyerLanguageMessages.Load(root, BuyerLanguageMessages.HanOnlyDirectory);
        Console.WriteLine();
        Console.WriteLine($"Buyer messages in Han characters alone ({BuyerLanguageMessages.HanOnlyDirectory}), all lengths:");
        Console.WriteLine();
        Table(detector, hanOnly, ["ja", "zh"], "messages");
        Console.WriteLine();
        PrintWrong(detector, hanOnly);

        // As amazon.co.jp relays them: the marketplace's language decides what the text cannot (Chinese buyers write
        // there too, so the Chinese row is the price).
        Console.WriteLine();
        Console.WriteLine("The same, likely language ja (relayed by amazon.co.jp):");
        Console.WriteLine();
        Console.WriteLine("| language | messages | correct |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var language in new[] { "ja", "zh" })
        {
            var of = hanOnly.Where(m => m.Language == language).ToList();
            var ok = of.Count(m => detector.Detect(m.Text, "ja").Language == language);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {language} | {of.Count} | {(double)ok / of.Count:P2} |"));
        }

        foreach (var kind in new[] { "word-pairs", "single-words" })
        {
            Console.WriteLine();
            Console.WriteLine($"Lingua {kind}, every line (for information):");
            Console.WriteLine();
            Table(detector, [.. BuyerLanguageMessages.TargetLanguages.SelectMany(language => Lingua(corpora, kind, language, heldOutOnly: false))], BuyerLanguageMessages.TargetLanguages, kind);
        }

        return 0;
    }

    /// <summary>Prints each message the detector gets wrong: its language, what was detected, the confidence, the text.</summary>
    private static void PrintWrong(NgramLanguageDetector detector, IReadOnlyList<LabelledMessage> messages)
    {
        foreach (var message in messages)
        {
            var detection = detector.Detect(message.Text);
            if (detection.Language != message.Language)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {message.Language} -> {detection.Language} {detection.Confidence:F2}: {message.Text}"));
            }
        }
    }

    private static IEnumerable<LabelledMessage> Lingua(string corpora, string kind, string language, bool heldOutOnly)
    {
        var lines = File.ReadAllLines(Path.Combine(corpora, "language", kind, language + ".txt"), Encoding.UTF8);
        for (var i = heldOutOnly ? 1 : 0; i < lines.Length; i += heldOutOnly ? 2 : 1)
        {
            var line = lines[i].Trim();
            if (line.Length > 0)
            {
                yield return new LabelledMessage(language, line);
            }
        }
    }

    /// <summary>Prints one markdown row per language and a row per group (the seven target languages, the others).</summary>
    private static void Table(NgramLanguageDetector detector, IReadOnlyList<LabelledMessage> messages, IReadOnlyList<string> languages, string what)
    {
        Console.WriteLine($"| language | {what} | correct | unknown | most frequent error |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        var results = messages.Select(m => (m.Language, Got: detector.Detect(m.Text).Language)).ToList();
        foreach (var language in languages)
        {
            Row(language, results.Where(r => r.Language == language).ToList());
        }

        var targets = results.Where(r => BuyerLanguageMessages.TargetLanguages.Contains(r.Language)).ToList();
        Row("all 7", targets);
        if (targets.Count < results.Count)
        {
            Row("others", [.. results.Where(r => !BuyerLanguageMessages.TargetLanguages.Contains(r.Language))]);
            Row("all", results);
        }
    }

    private static void Row(string label, IReadOnlyList<(string Language, string Got)> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var ok = results.Count(r => r.Got == r.Language);
        var unknown = results.Count(r => r.Got == LanguageDetection.UnknownTag);
        var worst = results.Where(r => r.Got != r.Language).GroupBy(r => r.Got).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({g.Count()})").FirstOrDefault() ?? "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {results.Count} | {(double)ok / results.Count:P2} | {unknown} | {worst} |"));
    }
}
