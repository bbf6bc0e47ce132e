using System.Globalization;
using System.Text;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A weekly recurring time window: on each of its days it opens at <see cref="Start"/> and closes at <see cref="End"/>,
/// wall-clock times in the zone of the calendar or schedule that holds it. A window whose end is not after its start
/// ends the next day (<c>18:00-09:00</c>); <c>00:00-00:00</c> is the whole day.
/// </summary>
/// <remarks>
/// Wall-clock times become instants with <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>: a time that does not
/// exist (spring forward) moves forward by the gap, an ambiguous one (fall back) takes the earlier instant. A window on
/// a DST day is therefore an hour shorter or longer.
/// </remarks>
public sealed record WeeklyWindow
{
    private readonly int _dayMask;

    /// <summary>Initializes a new instance of the <see cref="WeeklyWindow"/> class.</summary>
    /// <param name="days">The days the window opens on; at least one.</param>
    /// <param name="start">The opening time.</param>
    /// <param name="end">The closing time; not after <paramref name="start"/> means the next day.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty or holds <see cref="IsoDayOfWeek.None"/> or an undefined value.</exception>
    public WeeklyWindow(IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"'{day}' is not a day of the week.", nameof(days));
            }

            _dayMask |= 1 << (int)day;
        }

        if (_dayMask == 0)
        {
            throw new ArgumentException("A window needs at least one day.", nameof(days));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the days the window opens on, Monday first.</summary>
    public IReadOnlyList<IsoDayOfWeek> Days
    {
        get
        {
            var days = new List<IsoDayOfWeek>(7);
            for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
            {
                if (OpensOn(d))
                {
                    days.Add(d);
                }
            }

            return days;
        }
    }

    /// <summary>Gets the opening time.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the closing time.</summary>
    public LocalTime End { get; }

    /// <summary>Gets a value indicating whether the window closes on the day after it opens (its end is not after its start).</summary>
    public bool EndsNextDay => End <= Start;

    /// <summary>Gets the window's length on a day without a DST transition.</summary>
    public Duration NominalLength => EndsNextDay
        ? Duration.FromDays(1) - (Start - End).ToDuration()
        : (End - Start).ToDuration();

    /// <summary>Returns whether the window opens on a day of the week.</summary>
    /// <param name="day">The day.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool OpensOn(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday && (_dayMask & (1 << (int)day)) != 0;

    /// <summary>Returns the window in the schedule syntax, for example <c>Mon-Fri 09:00-18:00</c> or <c>Sat-Sun</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(DaysText());
        if (Start != LocalTime.Midnight || End != LocalTime.Midnight)
        {
            text.Append(' ').Append(TimesText());
        }

        return text.ToString();
    }

    internal int DayMask => _dayMask;

    internal string TimesText() => string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}-{End:HH:mm}");

    internal string DaysText()
    {
        // Contiguous runs of days, Monday first; a run that wraps the week is written Sat-Mon.
        var parts = new List<string>();
        var days = Enumerable.Range(1, 7).Select(d => OpensOn((IsoDayOfWeek)d)).ToArray();
        if (days.All(d => d))
        {
            return "Mon-Sun";
        }

        for (var index = 0; index < 7; index++)
        {
            // A run starts on an open day whose previous day (wrapping the week) is closed.
            if (!days[index] || days[(index + 6) % 7])
            {
                continue;
            }

            var length = 0;
            while (length < 7 && days[(index + length) % 7])
            {
                length++;
            }

            var first = ScheduleSyntax.DayName((IsoDayOfWeek)(index + 1));
            var last = ScheduleSyntax.DayName((IsoDayOfWeek)(((index + length - 1) % 7) + 1));
            parts.Add(length == 1 ? first : $"{first}-{last}");
        }

        return string.Join('+', parts);
    }
}
