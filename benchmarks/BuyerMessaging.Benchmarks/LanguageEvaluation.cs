using System.Globalization;
using System.Text;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- language</c>: the accuracy of
/// <see cref="NgramLanguageDetector"/> on the held-out (odd) lines of the Lingua test sentences of 20 characters or more
/// (../shared/corpora/language; the profiles are built from UDHR text, see src/BuyerMessaging/Language/Profiles/SOURCE.md).
/// </summary>
internal static class LanguageEvaluation
{
    public static int Run(string corpora)
    {
        int allOk = 0, all = 0, unknown = 0;
        Console.WriteLine("| language | sentences (20+ chars) | correct | unknown | most frequent error |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var language in new[] { "en", "de", "fr", "es", "it", "ja", "zh" })
        {
            var lines = File.ReadAllLines(Path.Combine(corpora, "language", "sentences", language + ".txt"), Encoding.UTF8);
            int ok = 0, n = 0, unk = 0;
            var errors = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 1; i < lines.Length; i += 2)
            {
                var line = lines[i].Trim();
                if (line.Length < 20)
                {
                    continue;
                }

                n++;
                var got = NgramLanguageDetector.Default.Detect(line).Language;
                if (got == language)
                {
                    ok++;
                }
                else
                {
                    unk += got == LanguageDetection.UnknownTag ? 1 : 0;
                    errors[got] = errors.GetValueOrDefault(got) + 1;
                }
            }

            all += n;
            allOk += ok;
            unknown += unk;
            var worst = errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ({e.Value})").FirstOrDefault() ?? "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {language} | {n} | {(double)ok / n:P2} | {unk} | {worst} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {all} | {(double)allOk / all:P2} | {unknown} | |"));
        return 0;
    }
}
