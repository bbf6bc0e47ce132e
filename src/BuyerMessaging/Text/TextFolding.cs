using System.Buffers;
using System.Globalization;
using System.Text;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The one text normalisation used for comparison everywhere (search, rules, matching): Unicode NFKC, so full-width
/// and half-width forms and compatibility characters become one form ("ＡＢＣ" and "ABC", "ｶﾞ" and "ガ"), then
/// lower case (invariant culture).
/// </summary>
public static class TextFolding
{
    /// <summary>Folds text for comparison.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();

        // ASCII is unchanged by NFKC: lower case is all there is to do (the common case for English and German
        // subjects and senders), without the normalisation pass and its allocation.
        if (System.Text.Ascii.IsValid(span))
        {
            return span.ContainsAnyInRange('A', 'Z') ? text.ToLowerInvariant() : text;
        }

        // Most buyer text is made only of characters NFKC leaves alone (kana, kanji, Hangul, accented Latin and
        // Cyrillic letters, common punctuation): no need to ask ICU whether it is normalised. Japanese and Chinese
        // text without Latin capitals is then folded as it is, with no copy.
        if (!span.ContainsAnyExcept(CaselessStable))
        {
            return text;
        }

        if (!span.ContainsAnyExcept(Stable))
        {
            return text.ToLower(CultureInfo.InvariantCulture);
        }

        // Full-width ASCII forms (「！」「？」「，」「（」, "ＡＢＣ"), common in Japanese and Chinese text, are all NFKC does
        // to such text: each is its ASCII character.
        if (!span.ContainsAnyExcept(StableOrFullWidth))
        {
            var narrowed = string.Create(text.Length, text, static (destination, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    destination[i] = c is >= FullWidthFirst and <= FullWidthLast ? (char)(c - FullWidthOffset) : c;
                }
            });
            return narrowed.AsSpan().ContainsAnyExcept(CaselessStable) ? narrowed.ToLower(CultureInfo.InvariantCulture) : narrowed;
        }

        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return normalized.ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Returns whether <paramref name="text"/> contains <paramref name="value"/> after folding both.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="value">The value to find.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool Contains(string text, string value) =>
        Fold(text).Contains(Fold(value), StringComparison.Ordinal);

    /// <summary>
    /// Folds text like <see cref="Fold"/> one grapheme cluster at a time and keeps, for every folded character, where
    /// it came from, so that a match in the folded text can be reported as a span of the original text.
    /// </summary>
    internal static FoldedText FoldWithMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length + 1);
        var ends = new List<int>(text.Length + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80 && (i + 1 == text.Length || text[i + 1] < 0x80))
            {
                builder.Append(char.ToLowerInvariant(c));
                starts.Add(i);
                ends.Add(i + 1);
                i++;
                continue;
            }

            var length = StringInfo.GetNextTextElementLength(text, i);
            var cluster = text.Substring(i, length);
            var folded = Fold(cluster);
            foreach (var f in folded)
            {
                builder.Append(f);
                starts.Add(i);
                ends.Add(i + length);
            }

            i += length;
        }

        return new FoldedText(builder.ToString(), [.. starts], [.. ends]);
    }

    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>
    /// Ranges of characters that NFKC leaves as they are and that lower case leaves as they are: ASCII but capitals,
    /// kana (not the half-width forms or the compatibility ones, ゛ ゜ ゟ ヿ), CJK ideographs (not the compatibility
    /// block), Hangul syllables, CJK punctuation and brackets (not the ideographic space, which NFKC makes a space), and
    /// a few typographic quotes and dashes. None of them is a combining mark or composes with a neighbour, so a text made
    /// only of them is normalised (<c>TextFoldingFastPathTests</c> checks every character against ICU).
    /// </summary>
    private static readonly (char First, char Last)[] CaselessRanges =
    [
        ('\u0000', '@'), ('[', '\u007F'),
        ('\u3001', '\u3011'), ('\u3014', '\u301F'),
        ('\u3041', '\u3096'), ('\u309D', '\u309E'), ('\u30A1', '\u30FA'), ('\u30FC', '\u30FE'),
        ('\u3400', '\u4DBF'), ('\u4E00', '\u9FFF'), ('\uAC00', '\uD7A3'),
        ('\u2013', '\u2014'), ('\u2018', '\u2019'), ('\u201C', '\u201D'), ('\u2022', '\u2022'),
    ];

    /// <summary>
    /// Letters NFKC leaves as they are but lower case changes or may: ASCII capitals, Latin-1 and Latin Extended-A
    /// letters (not Ĳ ĳ Ŀ ŀ ŉ ſ, which NFKC spells out), basic Cyrillic.
    /// </summary>
    private static readonly (char First, char Last)[] CasedRanges =
    [
        ('A', 'Z'), ('\u00C0', '\u0131'), ('\u0134', '\u013E'), ('\u0141', '\u0148'), ('\u014A', '\u017E'),
        ('\u0400', '\u045F'),
    ];

    /// <summary>Text made only of these needs no folding at all.</summary>
    internal static readonly SearchValues<char> CaselessStable = SearchValues.Create(Ranges(CaselessRanges));

    /// <summary>Text made only of these is NFKC already: lower case is all its folding.</summary>
    internal static readonly SearchValues<char> Stable = SearchValues.Create(Ranges(CaselessRanges, CasedRanges));

    /// <summary><see cref="Stable"/> and the full-width ASCII forms, U+FF01 to U+FF5E, which NFKC makes ASCII.</summary>
    internal static readonly SearchValues<char> StableOrFullWidth = SearchValues.Create(Ranges(CaselessRanges, CasedRanges, [(FullWidthFirst, FullWidthLast)]));

    private static string Ranges(params ReadOnlySpan<(char First, char Last)[]> lists)
    {
        var builder = new StringBuilder();
        foreach (var list in lists)
        {
            foreach (var (first, last) in list)
            {
                for (var c = first; c <= last; c++)
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString();
    }
}
