using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// Turns text into match terms: folded (NFKC, lower case, width) by <see cref="TextFolding"/>; words for alphabetic
/// scripts, lightly stemmed for English-like plurals and verb endings; overlapping character pairs (and the single
/// character of a one-character run) for Han and kana, as Lucene's CJK analyzer does. Digit-only words are dropped:
/// order numbers and amounts say nothing about the question.
/// </summary>
internal static class MatchTokenizer
{
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        var folded = TextFolding.Fold(text);
        var word = new StringBuilder();
        var cjkStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            var script = Scripts.Of(c);
            var isCjk = script == ScriptGroup.Cjk;
            if (isCjk)
            {
                if (cjkStart < 0)
                {
                    cjkStart = i;
                }
            }
            else if (cjkStart >= 0)
            {
                AddCjk(terms, folded.AsSpan(cjkStart, i - cjkStart));
                cjkStart = -1;
            }

            if (!isCjk && (script != ScriptGroup.None || char.IsAsciiDigit(c) || (c == '\'' && word.Length > 0)))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                AddWord(terms, word);
                word.Clear();
            }
        }

        return terms;
    }

    /// <summary>
    /// The sentences of a text: cut after ".", "!" or "?" followed by a space or the end (not after a capitalised word of
    /// up to three letters: "Mr. Jones", "Dr.", "Nr.", an initial), after "。", "！" and "？", and at line breaks; pieces
    /// without a letter are left out.
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '\n' or '\r' or '。' or '！' or '？'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !(c == '.' && AfterAbbreviation(text, i)));
            if (end)
            {
                Add(start, i + 1);
                start = i + 1;
            }
        }

        Add(start, text.Length);
        return sentences;

        void Add(int from, int to)
        {
            var piece = text[from..to].Trim();
            if (piece.Any(char.IsLetter))
            {
                sentences.Add(piece);
            }
        }
    }

    /// <summary>Whether the "." at <paramref name="dot"/> ends a capitalised word of one to three letters (an abbreviation or an initial).</summary>
    private static bool AfterAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return dot - start is >= 1 and <= 3 && char.IsUpper(text[start]) && (start == 0 || !char.IsLetterOrDigit(text[start - 1]));
    }

    /// <summary>Whether a term is hiragana only (a particle, an ending or a pair across them in Japanese).</summary>
    public static bool IsKanaOnly(string term) => term.All(c => c is (>= '\u3041' and <= '\u309F') or 'ー');

    private static void AddCjk(List<string> terms, ReadOnlySpan<char> run)
    {
        if (run.Length == 1)
        {
            terms.Add(run.ToString());
            return;
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            terms.Add(run.Slice(i, 2).ToString());
        }
    }

    private static void AddWord(List<string> terms, StringBuilder word)
    {
        var w = word.ToString().Trim('\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        var digitsOnly = true;
        foreach (var c in w)
        {
            digitsOnly &= char.IsAsciiDigit(c);
        }

        if (w.Length > 0 && !digitsOnly)
        {
            terms.Add(Stem(w));
        }
    }

    /// <summary>
    /// A minimal suffix stemmer (plural -s/-es/-ies, -ing, -ed, a final -e, a doubled final consonant), so that
    /// "charge", "charged" and "charging" meet; harmless for the words of the other Latin languages.
    /// </summary>
    internal static string Stem(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = Undouble(w[..^3]);
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = Undouble(w[..^2]);
        }
        else if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            w = w[..^1];
        }

        return w.Length > 3 && w[^1] == 'e' ? w[..^1] : w;
    }

    private static string Undouble(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('s' or 'z' or 'e') && (w[^1] != 'l' || w.Length > 5) ? w[..^1] : w;
}
