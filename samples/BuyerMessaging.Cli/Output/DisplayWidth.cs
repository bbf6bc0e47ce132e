using System.Globalization;
using System.Text;

namespace BuyerMessaging.Cli;

/// <summary>
/// How many terminal columns text takes: East Asian wide and full-width characters (Unicode East_Asian_Width W and F:
/// kanji, kana, hangul, full-width forms, most emoji) take two, combining marks and format characters none, the rest
/// one. Enough for Japanese, Chinese and Korean to line up in a table.
/// </summary>
internal static class DisplayWidth
{
    /// <summary>The wide ranges (inclusive), sorted; from Unicode's EastAsianWidth.txt, W and F, simplified.</summary>
    private static readonly (int First, int Last)[] WideRanges =
    [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
        (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4),
        (0x17000, 0x18CFF), (0x1B000, 0x1B2FF), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F200, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7),
        (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAFF), (0x20000, 0x2FFFD),
        (0x30000, 0x3FFFD),
    ];

    /// <summary>The mark that ends truncated text.</summary>
    public const string Ellipsis = "…";

    /// <summary>Returns the number of columns a character takes: 0, 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x20 || (value >= 0x7F && value < 0xA0))
        {
            return 0;
        }

        if (value < 0x1100)
        {
            return IsZeroWidth(rune) ? 0 : 1;
        }

        if (IsZeroWidth(rune))
        {
            return 0;
        }

        var lo = 0;
        var hi = WideRanges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (value < WideRanges[mid].First)
            {
                hi = mid - 1;
            }
            else if (value > WideRanges[mid].Last)
            {
                lo = mid + 1;
            }
            else
            {
                return 2;
            }
        }

        return 1;
    }

    /// <summary>Returns the number of columns <paramref name="text"/> takes.</summary>
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="width"/> columns, ending it with "…" when cut.</summary>
    public static string Truncate(string text, int width)
    {
        if (width <= 0)
        {
            return string.Empty;
        }

        if (Of(text) <= width)
        {
            return text;
        }

        var sb = new StringBuilder();
        var used = 0;
        var room = width - Of(Ellipsis);
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Of(rune);
            if (used + w > room)
            {
                break;
            }

            sb.Append(rune.ToString());
            used += w;
        }

        return sb.Append(Ellipsis).ToString();
    }

    /// <summary>Pads <paramref name="text"/> with spaces to <paramref name="width"/> columns, on the right or the left.</summary>
    public static string Pad(string text, int width, bool right = false)
    {
        var missing = width - Of(text);
        if (missing <= 0)
        {
            return text;
        }

        return right ? new string(' ', missing) + text : text + new string(' ', missing);
    }

    /// <summary>Makes text fit on one line of a table: line breaks, tabs and other control characters become spaces, runs of white space collapse.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsZeroWidth(Rune rune)
    {
        if (rune.Value == 0x200B || (rune.Value >= 0xFE00 && rune.Value <= 0xFE0F))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }
}
