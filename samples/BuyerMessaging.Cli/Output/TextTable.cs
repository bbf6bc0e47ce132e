using System.Text;

namespace BuyerMessaging.Cli;

/// <summary>One column of a <see cref="TextTable"/>.</summary>
/// <param name="Header">The heading.</param>
/// <param name="RightAligned">Whether values are aligned right (numbers).</param>
/// <param name="MaxWidth">The widest the column may be, in terminal columns.</param>
/// <param name="Flexible">Whether the column takes the room the others leave (the subject).</param>
internal sealed record TextColumn(string Header, bool RightAligned = false, int MaxWidth = int.MaxValue, bool Flexible = false);

/// <summary>Writes rows as aligned columns, measuring East Asian wide characters as two columns.</summary>
internal static class TextTable
{
    private const string Separator = "  ";
    private const int MinFlexibleWidth = 12;

    /// <summary>Writes a table that fits in <paramref name="totalWidth"/> columns where it can.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<TextColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, int totalWidth)
    {
        var widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var natural = DisplayWidth.Of(columns[i].Header);
            foreach (var row in rows)
            {
                natural = Math.Max(natural, DisplayWidth.Of(row[i]));
            }

            widths[i] = Math.Min(natural, Math.Max(columns[i].MaxWidth, DisplayWidth.Of(columns[i].Header)));
        }

        var fixedWidth = Separator.Length * (columns.Count - 1);
        var flexible = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Flexible)
            {
                flexible.Add(i);
            }
            else
            {
                fixedWidth += widths[i];
            }
        }

        if (flexible.Count > 0)
        {
            var room = Math.Max(MinFlexibleWidth * flexible.Count, totalWidth - fixedWidth) / flexible.Count;
            foreach (var i in flexible)
            {
                widths[i] = Math.Min(widths[i], Math.Max(room, DisplayWidth.Of(columns[i].Header)));
            }
        }

        WriteRow(writer, columns, widths, columns.Select(c => c.Header).ToList());
        WriteRow(writer, columns, widths, widths.Select(w => new string('-', w)).ToList());
        foreach (var row in rows)
        {
            WriteRow(writer, columns, widths, row);
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<TextColumn> columns, int[] widths, IReadOnlyList<string> cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(Separator);
            }

            var cell = DisplayWidth.Truncate(DisplayWidth.OneLine(cells[i]), widths[i]);
            sb.Append(DisplayWidth.Pad(cell, widths[i], columns[i].RightAligned));
        }

        writer.WriteLine(sb.ToString().TrimEnd());
    }
}
