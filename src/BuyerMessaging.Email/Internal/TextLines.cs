using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>Line helpers: split with any newline convention, join normalised.</summary>
internal static class TextLines
{
    /// <summary>Splits text into lines at "\r\n", "\n" or "\r", without trailing white space.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                lines.Add(text[start..i].TrimEnd());
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..].TrimEnd());
        return lines;
    }

    /// <summary>Joins lines with "\n", with at most one blank line in a row and none at either end.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank ? "\n\n" : "\n");
            }

            builder.Append(line.TrimEnd());
            blank = false;
        }

        return builder.ToString();
    }

    public static bool IsBlank(IReadOnlyList<string> lines, int start = 0, int end = -1)
    {
        end = end < 0 ? lines.Count : end;
        for (var i = start; i < end; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a line is a quoted line of an earlier message ("&gt; …").</summary>
    public static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    /// <summary>Whether a line is only a separator (dashes, underscores, equals signs, stars).</summary>
    public static bool IsSeparator(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length >= 3 && !trimmed.ContainsAnyExcept("-_=*~");
    }
}
