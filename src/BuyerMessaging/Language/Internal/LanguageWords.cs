using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BuyerMessaging.Internal;

/// <summary>
/// Word-level evidence for the language detector: each language's most frequent everyday words (function words,
/// pronouns, auxiliaries: "mein", "ist", "jeg", "que"), from openly licensed stop-word lists, as a likelihood per
/// language. The default set ships as an embedded resource built by <c>tools/BuyerMessaging.LanguageProfiles</c>;
/// see <c>Language/Words/SOURCE.md</c>.
/// </summary>
/// <remarks>
/// <para>The model of a word of the text under language L: with probability <see cref="ListedShare"/> it is one of the
/// <c>|S_L|</c> words of L's list, each as likely as the others (the lists give no frequencies); otherwise it is any
/// other word, with a probability <see cref="OtherWordProbability"/> that does not depend on the language. So a word
/// on L's list adds <c>log(1 + ListedShare / ((1 - ListedShare) · OtherWordProbability · |S_L|))</c> to L's
/// log-likelihood and nothing to a language whose list lacks it. A word that several languages list ("de" in French,
/// Spanish, Portuguese, Dutch, Swedish…) adds to each of them, a little less in a longer list: it is a likelihood, not
/// a vote that the most widely shared words win.</para>
/// <para>Buyers leave accents out ("tambien", "rompio"): a listed word also stands for its form without diacritics.</para>
/// </remarks>
internal sealed class LanguageWords
{
    /// <summary>
    /// The share of the running words of everyday text that are on its language's list. Chosen, with
    /// <see cref="OtherWordProbability"/>, on the development half of the Lingua test sentences (even lines).
    /// </summary>
    public const double ListedShare = 0.4;

    /// <summary>The probability of one particular word that is not on the list (a content word, a name).</summary>
    public const double OtherWordProbability = 1e-5;

    private readonly FrozenDictionary<string, int> _index;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The log-likelihood ratios, one row per word, <see cref="_languageCount"/> wide.</summary>
    private readonly float[] _rows;

    private readonly int _languageCount;

    private LanguageWords(FrozenDictionary<string, int> index, float[] rows, int languageCount)
    {
        _index = index;
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _rows = rows;
        _languageCount = languageCount;
    }

    /// <summary>Gets the number of distinct word forms (with the forms without diacritics).</summary>
    public int WordCount => _index.Count;

    /// <summary>
    /// Keeps the words of one language's source list that the detector can meet as one word: folded
    /// (<see cref="TextFolding"/>), a single run of letters of the list's main script (so no "d.h", "could've", digits
    /// or punctuation), without duplicates, in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Select(IEnumerable<string> listWords)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var scripts = new int[Scripts.GroupCount];
        var runs = new List<(string Word, ScriptGroup Script)>();
        foreach (var raw in listWords)
        {
            var folded = TextFolding.Fold(raw.Trim());
            var position = 0;
            var run = CharNgrams.NextRun(folded, ref position, out var script);
            if (run.IsEmpty || run.Length != folded.Length)
            {
                continue;
            }

            scripts[(int)script]++;
            runs.Add((folded, script));
        }

        var main = (ScriptGroup)Array.IndexOf(scripts, scripts.Max());
        foreach (var (word, script) in runs)
        {
            if (script == main)
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    /// <summary>
    /// The resource file from the committed data: <paramref name="manifest"/> (<c>data/language-words/languages.tsv</c>,
    /// one <c>language&lt;TAB&gt;key</c> a line) names, for each language, its list in <paramref name="stopwordsJson"/>
    /// (<c>stopwords-iso.json</c>: an object of arrays of words), which is kept as <see cref="Select"/> keeps it.
    /// </summary>
    public static string Generate(string manifest, string stopwordsJson)
    {
        using var json = JsonDocument.Parse(stopwordsJson);
        var lists = new List<(string, IReadOnlyList<string>)>();
        foreach (var line in manifest.Split('\n'))
        {
            var entry = line.TrimEnd('\r');
            if (entry.Length == 0 || entry[0] == '#')
            {
                continue;
            }

            var parts = entry.Split('\t');
            lists.Add((parts[0], Select(json.RootElement.GetProperty(parts[1]).EnumerateArray().Select(w => w.GetString() ?? string.Empty))));
        }

        return Write("stopwords-iso.json of the npm package stopwords-iso 1.1.0 (MIT licence, Gene Diaz; see Language/Words/SOURCE.md)", lists);
    }

    /// <summary>Writes the word lists in the resource format: one <c>language&lt;TAB&gt;word</c> a line.</summary>
    public static string Write(string source, IEnumerable<(string Language, IReadOnlyList<string> Words)> lists)
    {
        var sb = new StringBuilder();
        sb.Append("# BuyerMessaging everyday words per language. Generated by tools/BuyerMessaging.LanguageProfiles; do not edit.\n");
        sb.Append("#source\t").Append(source).Append('\n');
        foreach (var (language, words) in lists.OrderBy(l => l.Language, StringComparer.Ordinal))
        {
            foreach (var word in words)
            {
                sb.Append(language).Append('\t').Append(word).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads the word lists from the resource format.</summary>
    public static List<(string Language, string Word)> Parse(TextReader reader)
    {
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"Invalid language word line: '{line}'.");
            }

            entries.Add((line[..tab], line[(tab + 1)..]));
        }

        return entries;
    }

    /// <summary>Builds the evidence for <paramref name="languages"/> (the profiles' languages, by index); words of other languages are left out.</summary>
    public static LanguageWords Build(IReadOnlyList<string> languages, IEnumerable<(string Language, string Word)> entries)
    {
        var byLanguage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (language, word) in entries)
        {
            if (!byLanguage.TryGetValue(language, out var set))
            {
                byLanguage[language] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(word);
        }

        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var l = 0; l < languages.Count; l++)
        {
            if (!byLanguage.TryGetValue(languages[l], out var words))
            {
                continue;
            }

            var ratio = (float)Math.Log(1 + (ListedShare / ((1 - ListedShare) * OtherWordProbability * words.Count)));
            foreach (var word in words.Order(StringComparer.Ordinal))
            {
                Add(word, l, ratio);
                var bare = WithoutDiacritics(word);
                if (bare != word && Scripts.Of(word[0]) == ScriptGroup.Latin)
                {
                    Add(bare, l, ratio);
                }
            }
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new float[weights.Count * languages.Count];
        foreach (var (word, row) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            row.CopyTo(rows, index.Count * languages.Count);
            index[word] = index.Count;
        }

        return new LanguageWords(index.ToFrozenDictionary(StringComparer.Ordinal), rows, languages.Count);

        void Add(string word, int language, float ratio)
        {
            if (!weights.TryGetValue(word, out var row))
            {
                weights[word] = row = new float[languages.Count];
            }

            row[language] = ratio;
        }
    }

    /// <summary>
    /// Adds the log-likelihood ratio of each word of the runs of <paramref name="script"/> in <paramref name="folded"/>
    /// to <paramref name="scores"/> (indexed like the profiles' languages).
    /// </summary>
    /// <returns>The number of words found on some list.</returns>
    public int Score(string folded, ScriptGroup script, Span<double> scores)
    {
        var found = 0;
        var i = 0;
        while (CharNgrams.NextRun(folded, ref i, out var runScript) is var run && !run.IsEmpty)
        {
            if (runScript != script || !_lookup.TryGetValue(run, out var row))
            {
                continue;
            }

            found++;
            var weights = _rows.AsSpan(row * _languageCount, _languageCount);
            for (var l = 0; l < weights.Length; l++)
            {
                scores[l] += weights[l];
            }
        }

        return found;
    }

    /// <summary>The word without its combining marks ("está" is "esta", "für" is "fur"); letters like "ø" or "ł" stay.</summary>
    private static string WithoutDiacritics(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
