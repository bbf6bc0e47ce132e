using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging;

/// <summary>
/// The text syntax of schedules, holidays and fixed date ranges, shared by the CLI, the JSON form of policies and
/// configuration. Every error names the item (by position and text) and what is wrong with it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Weekly windows: see <see cref="WeeklySchedule.Parse"/>.</item>
/// <item>Holidays: local dates separated by commas; <c>A/B</c> is an inclusive range
/// (<c>2026-12-24,2026-12-25/2026-12-26</c>).</item>
/// <item>Date ranges: <c>START/END</c> local date-times separated by commas, start inclusive, end exclusive
/// (<c>2026-12-25T18:00/2027-01-06T09:00</c>); seconds are optional.</item>
/// </list>
/// </remarks>
public static class ScheduleSyntax
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern DateTimeMinutesPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDateTimePattern DateTimeSecondsPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <summary>Parses holidays: local dates and inclusive ranges <c>A/B</c>, separated by commas. Empty text is no holiday.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The holidays, as inclusive date intervals in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not valid; the message names the bad item.</exception>
    public static IReadOnlyList<DateInterval> ParseHolidays(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseHolidays(text, out var holidays, out var error) ? holidays : throw new FormatException(error);
    }

    /// <summary>Tries to parse holidays (see <see cref="ParseHolidays"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="holidays">The holidays when valid.</param>
    /// <param name="error">Why the text is not valid; <see langword="null"/> when it is.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParseHolidays([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IReadOnlyList<DateInterval>? holidays, [NotNullWhen(false)] out string? error)
    {
        holidays = null;
        if (text is null)
        {
            error = "The holidays are missing.";
            return false;
        }

        var list = new List<DateInterval>();
        if (text.Trim().Length > 0)
        {
            var items = text.Split(',');
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i].Trim();
                var parts = item.Split('/');
                if (item.Length == 0)
                {
                    error = ItemError("holiday", i, items[i], text, "the item is empty");
                    return false;
                }

                if (parts.Length > 2)
                {
                    error = ItemError("holiday", i, item, text, "it has more than one '/'; write a date (2026-12-24) or an inclusive range (2026-12-25/2026-12-26)");
                    return false;
                }

                var first = DatePattern.Parse(parts[0].Trim());
                var last = parts.Length == 2 ? DatePattern.Parse(parts[1].Trim()) : first;
                if (!first.Success || !last.Success)
                {
                    var bad = !first.Success ? parts[0].Trim() : parts[1].Trim();
                    error = ItemError("holiday", i, item, text, $"'{bad}' is not a date; write yyyy-MM-dd, for example 2026-12-24");
                    return false;
                }

                if (last.Value < first.Value)
                {
                    error = ItemError("holiday", i, item, text, "it ends before it starts");
                    return false;
                }

                list.Add(new DateInterval(first.Value, last.Value));
            }
        }

        holidays = list;
        error = null;
        return true;
    }

    /// <summary>Parses fixed date ranges: <c>START/END</c> local date-times separated by commas. Empty text is no range.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The ranges in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not valid; the message names the bad item.</exception>
    public static IReadOnlyList<LocalDateTimeRange> ParseDateRanges(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseDateRanges(text, out var ranges, out var error) ? ranges : throw new FormatException(error);
    }

    /// <summary>Tries to parse fixed date ranges (see <see cref="ParseDateRanges"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="ranges">The ranges when valid.</param>
    /// <param name="error">Why the text is not valid; <see langword="null"/> when it is.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParseDateRanges([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IReadOnlyList<LocalDateTimeRange>? ranges, [NotNullWhen(false)] out string? error)
    {
        ranges = null;
        if (text is null)
        {
            error = "The date ranges are missing.";
            return false;
        }

        var list = new List<LocalDateTimeRange>();
        if (text.Trim().Length > 0)
        {
            var items = text.Split(',');
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i].Trim();
                var parts = item.Split('/');
                if (parts.Length != 2)
                {
                    error = ItemError("date range", i, item, text, "it must be START/END, for example 2026-12-25T18:00/2027-01-06T09:00");
                    return false;
                }

                if (!TryParseDateTime(parts[0].Trim(), out var start) || !TryParseDateTime(parts[1].Trim(), out var end))
                {
                    var bad = !TryParseDateTime(parts[0].Trim(), out _) ? parts[0].Trim() : parts[1].Trim();
                    error = ItemError("date range", i, item, text, $"'{bad}' is not a local date-time; write yyyy-MM-ddTHH:mm, for example 2026-12-25T18:00");
                    return false;
                }

                if (end <= start)
                {
                    error = ItemError("date range", i, item, text, "it does not end after it starts (the end is exclusive)");
                    return false;
                }

                list.Add(new LocalDateTimeRange(start, end));
            }
        }

        ranges = list;
        error = null;
        return true;
    }

    /// <summary>Formats holidays as <see cref="ParseHolidays"/> reads them.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    public static string FormatHolidays(IEnumerable<DateInterval> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return string.Join(',', holidays.Select(h => h.Start == h.End
            ? DatePattern.Format(h.Start)
            : $"{DatePattern.Format(h.Start)}/{DatePattern.Format(h.End)}"));
    }

    /// <summary>Formats date ranges as <see cref="ParseDateRanges"/> reads them.</summary>
    /// <param name="ranges">The ranges.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is <see langword="null"/>.</exception>
    public static string FormatDateRanges(IEnumerable<LocalDateTimeRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return string.Join(',', ranges.Select(r => r.ToString()));
    }

    internal static string DayName(IsoDayOfWeek day) => DayNames[(int)day - 1];

    internal static bool TryParseWeekly(string? text, [NotNullWhen(true)] out WeeklySchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = "The schedule is empty; write items such as 'Mon-Fri 09:00-18:00' or '24x7'.";
            return false;
        }

        if (string.Equals(text.Trim(), "24x7", StringComparison.OrdinalIgnoreCase))
        {
            schedule = WeeklySchedule.AllWeek;
            error = null;
            return true;
        }

        var windows = new List<WeeklyWindow>();
        var items = text.Split(',');
        IsoDayOfWeek[]? days = null;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            if (item.Length == 0)
            {
                error = ItemError("window", i, items[i], text, "the item is empty");
                return false;
            }

            var tokens = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string? times;
            if (char.IsAsciiDigit(tokens[0][0]))
            {
                if (tokens.Length != 1)
                {
                    error = ItemError("window", i, item, text, "it must be 'DAYS', 'DAYS HH:mm-HH:mm' or 'HH:mm-HH:mm'");
                    return false;
                }

                if (days is null)
                {
                    error = ItemError("window", i, item, text, "it has no days: an item that starts with a time keeps the days of the item before it, and there is none; write for example 'Mon-Fri 09:00-18:00'");
                    return false;
                }

                times = tokens[0];
            }
            else
            {
                if (tokens.Length > 2)
                {
                    error = ItemError("window", i, item, text, "it must be 'DAYS', 'DAYS HH:mm-HH:mm' or 'HH:mm-HH:mm'");
                    return false;
                }

                if (!TryParseDays(tokens[0], out days, out var dayError))
                {
                    error = ItemError("window", i, item, text, dayError);
                    return false;
                }

                times = tokens.Length == 2 ? tokens[1] : null;
            }

            LocalTime start = LocalTime.Midnight, end = LocalTime.Midnight;
            if (times is not null && !TryParseTimes(times, out start, out end, out var timeError))
            {
                error = ItemError("window", i, item, text, timeError);
                return false;
            }

            windows.Add(new WeeklyWindow(days, start, end));
        }

        schedule = new WeeklySchedule(windows);
        error = null;
        return true;
    }

    private static bool TryParseDays(string token, [NotNullWhen(true)] out IsoDayOfWeek[]? days, [NotNullWhen(false)] out string? error)
    {
        var set = new SortedSet<IsoDayOfWeek>();
        foreach (var part in token.Split('+'))
        {
            var range = part.Split('-');
            if (range.Length > 2 || range.Any(r => r.Length == 0))
            {
                days = null;
                error = $"'{part}' is not a day or a range of days such as Mon-Fri";
                return false;
            }

            if (!TryParseDay(range[0], out var first) || !TryParseDay(range[^1], out var last))
            {
                var bad = !TryParseDay(range[0], out _) ? range[0] : range[^1];
                days = null;
                error = $"'{bad}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun";
                return false;
            }

            for (var d = first; ; d = d == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : d + 1)
            {
                set.Add(d);
                if (d == last)
                {
                    break;
                }
            }
        }

        days = [.. set];
        error = null;
        return true;
    }

    private static bool TryParseDay(string text, out IsoDayOfWeek day)
    {
        for (var i = 0; i < 7; i++)
        {
            var d = (IsoDayOfWeek)(i + 1);
            if (string.Equals(text, DayNames[i], StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, d.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                day = d;
                return true;
            }
        }

        day = IsoDayOfWeek.None;
        return false;
    }

    private static bool TryParseTimes(string token, out LocalTime start, out LocalTime end, [NotNullWhen(false)] out string? error)
    {
        start = end = LocalTime.Midnight;
        var parts = token.Split('-');
        if (parts.Length != 2)
        {
            error = $"'{token}' is not a time range; write HH:mm-HH:mm, for example 09:00-18:00";
            return false;
        }

        var first = TimePattern.Parse(parts[0]);
        if (!first.Success || parts[0].Length != 5)
        {
            error = $"'{parts[0]}' is not a time; write HH:mm from 00:00 to 23:59";
            return false;
        }

        if (parts[1] == "24:00")
        {
            start = first.Value;
            error = null;
            return true;
        }

        var second = TimePattern.Parse(parts[1]);
        if (!second.Success || parts[1].Length != 5)
        {
            error = $"'{parts[1]}' is not a time; write HH:mm from 00:00 to 24:00";
            return false;
        }

        start = first.Value;
        end = second.Value;
        error = null;
        return true;
    }

    private static bool TryParseDateTime(string text, out LocalDateTime value)
    {
        var result = text.Length == 16 ? DateTimeMinutesPattern.Parse(text) : DateTimeSecondsPattern.Parse(text);
        value = result.Success ? result.Value : default;
        return result.Success;
    }

    private static string ItemError(string what, int index, string item, string text, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"Item {index + 1} ('{item.Trim()}') of \"{text}\" is not a valid {what}: {problem}.");
}
