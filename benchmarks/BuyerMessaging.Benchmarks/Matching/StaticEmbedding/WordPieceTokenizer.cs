using System.Globalization;
using System.Text;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// BERT's uncased tokenizer (the one all-MiniLM-L6-v2 was trained with): control characters dropped, CJK characters
/// split apart, lower case, accents stripped (NFD, marks removed), split on white space and punctuation, then each word
/// cut into the longest WordPiece vocabulary entries from the left ("##" marks a continuation); a word that cannot be
/// cut (or longer than 100 characters) becomes [UNK]. The token ids are what the static embedding looks up.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private const int MaxWordLength = 100;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordPieceTokenizer(IReadOnlyList<string> vocabulary)
    {
        _ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            _ids.TryAdd(vocabulary[i], i);
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Unknown = _ids.GetValueOrDefault("[UNK]", 0);
        Vocabulary = vocabulary;
    }

    public IReadOnlyList<string> Vocabulary { get; }

    public int Unknown { get; }

    /// <summary>The token ids of <paramref name="text"/>, without [CLS] and [SEP].</summary>
    public List<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (var word in BasicTokens(text))
        {
            WordPieces(word, ids);
        }

        return ids;
    }

    /// <summary>The words and punctuation marks of BERT's basic tokenizer (lower-cased, accents stripped).</summary>
    internal static List<string> BasicTokens(string text)
    {
        var folded = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = char.GetUnicodeCategory(c);
            if (c == '\0' || c == '\uFFFD' || category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                folded.Append(' ');
            }
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }
            else if (IsPunctuation(c, category) || IsCjk(c))
            {
                folded.Append(' ').Append(c).Append(' ');
            }
            else
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return [.. folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private void WordPieces(string word, List<int> ids)
    {
        if (word.Length > MaxWordLength)
        {
            ids.Add(Unknown);
            return;
        }

        var start = ids.Count;
        Span<char> buffer = stackalloc char[MaxWordLength + 2];
        var at = 0;
        while (at < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > at; end--)
            {
                var length = 0;
                if (at > 0)
                {
                    buffer[0] = '#';
                    buffer[1] = '#';
                    length = 2;
                }

                word.AsSpan(at, end - at).CopyTo(buffer[length..]);
                length += end - at;
                if (_lookup.TryGetValue(buffer[..length], out var id))
                {
                    found = id;
                    break;
                }
            }

            if (found < 0)
            {
                ids.RemoveRange(start, ids.Count - start);
                ids.Add(Unknown);
                return;
            }

            ids.Add(found);
            at = end;
        }
    }

    private static bool IsPunctuation(char c, UnicodeCategory category) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~')
        || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
