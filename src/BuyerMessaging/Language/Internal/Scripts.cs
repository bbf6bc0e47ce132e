using System.Globalization;

namespace BuyerMessaging.Internal;

/// <summary>The writing systems the language detector tells apart; Han and kana share <see cref="Cjk"/>.</summary>
internal enum ScriptGroup
{
    None = 0,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Hangul,
    Thai,
    Devanagari,
    Other,
}

/// <summary>Classifies characters by writing system.</summary>
internal static class Scripts
{
    /// <summary>The number of <see cref="ScriptGroup"/> values.</summary>
    public const int GroupCount = (int)ScriptGroup.Other + 1;

    /// <summary>Returns the script group of a letter, or <see cref="ScriptGroup.None"/> for anything that is not part of a word.</summary>
    public static ScriptGroup Of(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) ? ScriptGroup.Latin : ScriptGroup.None;
        }

        if (!IsWordChar(c))
        {
            return ScriptGroup.None;
        }

        return c switch
        {
            <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') => ScriptGroup.Latin,
            >= '\u0370' and <= '\u03FF' => ScriptGroup.Greek,
            >= '\u0400' and <= '\u052F' => ScriptGroup.Cyrillic,
            >= '\u0590' and <= '\u05FF' => ScriptGroup.Hebrew,
            (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') => ScriptGroup.Arabic,
            >= '\u0900' and <= '\u097F' => ScriptGroup.Devanagari,
            >= '\u0E00' and <= '\u0E7F' => ScriptGroup.Thai,
            (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uAC00' and <= '\uD7AF') => ScriptGroup.Hangul,
            (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F') => ScriptGroup.Cjk,
            '\u3005' or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') => ScriptGroup.Cjk,
            _ => ScriptGroup.Other,
        };
    }

    /// <summary>Returns whether <paramref name="c"/> is a Han ideograph or kana.</summary>
    public static bool IsCjk(char c) => Of(c) == ScriptGroup.Cjk;

    /// <summary>Returns whether <paramref name="c"/> is hiragana: the particles and endings of Japanese, never Chinese.</summary>
    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    /// <summary>Returns whether <paramref name="c"/> is hiragana or katakana.</summary>
    public static bool IsKana(char c) => c is (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F');

    private static bool IsWordChar(char c)
    {
        if (char.IsLetter(c))
        {
            return true;
        }

        // Combining marks stay inside the word they decorate (Devanagari vowel signs, Thai tone marks).
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
