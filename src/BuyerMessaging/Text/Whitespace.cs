using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>Collapses runs of white space (and, if asked, control characters) to one space, trimming both ends.</summary>
internal static class Whitespace
{
    /// <summary>Collapses every run of white space (line breaks, U+2028, U+0085 included) to one space and trims.</summary>
    /// <param name="text">The text.</param>
    /// <param name="controls">Whether control characters count as white space too.</param>
    /// <returns>The one-line text.</returns>
    public static string Collapse(ReadOnlySpan<char> text, bool controls = false)
    {
        if (IsCollapsed(text, controls))
        {
            // The common case (a subject, a name): nothing to change, one copy and no builder.
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || (controls && char.IsControl(c)))
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

    /// <summary>Whether the text has no white space (or control, if asked) at either end and none but single spaces inside.</summary>
    private static bool IsCollapsed(ReadOnlySpan<char> text, bool controls)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c) || (controls && char.IsControl(c)))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return !previousSpace || text.IsEmpty;
    }
}
