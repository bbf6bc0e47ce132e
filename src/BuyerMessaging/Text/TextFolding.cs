using System.Globalization;
using System.Text;

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

        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return normalized.ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Returns whether <paramref name="text"/> contains <paramref name="value"/> after folding both.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="value">The value to find.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool Contains(string text, string value) =>
        Fold(text).Contains(Fold(value), StringComparison.Ordinal);

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
