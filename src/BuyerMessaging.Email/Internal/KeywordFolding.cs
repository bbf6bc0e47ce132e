using System.Globalization;
using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// Folds text for keyword matching: lower case, no accents on Latin letters (and "ł", "ı" as "l", "i"), Arabic without
/// its vowel and hamza marks or tatweel ("أ", "إ", "آ" as "ا"; "ى" as "ي"; "ة" as "ه"), single spaces, plain
/// apostrophes. Not the core's <see cref="TextFolding"/> (NFKC and lower case, used for search and rules):
/// classification also needs "cancelación" to match "cancelacion", "przyszedł" "przyszedl" and "إلغاء" "الغاء".
/// </summary>
internal static class KeywordFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastBase = '\0';
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // Accents on Latin letters and Arabic marks are dropped ("cancelación" = "cancelacion", "أ" = "ا");
                // Japanese voicing marks are kept.
                if (lastBase >= '\u0250' && !IsArabic(lastBase))
                {
                    builder.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            lastBase = c;
            if (c == '\u0640')
            {
                // Arabic tatweel only stretches a word.
                continue;
            }

            builder.Append(char.ToLowerInvariant(c) switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' => '\'',
                '\u0142' => 'l',
                '\u0131' => 'i',
                '\u0649' => '\u064A',
                '\u0629' => '\u0647',
                var lower => lower,
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether a character belongs to a script written without spaces between words (CJK, kana, Thai).</summary>
    public static bool IsUnspacedScript(char c) =>
        c is >= '\u3040' and <= '\u30FF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\u4E00' and <= '\u9FFF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF66' and <= '\uFF9F'
            or >= '\u0E00' and <= '\u0E7F';

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsUnspacedScript(c);
}
