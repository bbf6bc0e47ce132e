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
        if (IsFoldedAscii(text))
        {
            return text;
        }

        // ASCII is unchanged by NFKC: lower case is all there is to do (the common case for English and German
        // subjects and senders), without the normalisation pass and its allocation.
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
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

    private static bool IsFoldedAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
