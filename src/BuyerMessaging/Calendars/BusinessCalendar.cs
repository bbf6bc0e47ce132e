using System.Globalization;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Business hours in an IANA zone: weekly windows (several a day for split shifts, crossing midnight if need be) and
/// holidays. Measures business time: elapsed time inside the windows, outside the holidays.
/// </summary>
/// <remarks>
/// <para>Window ends are wall-clock times in <see cref="Zone"/>, made instants with
/// <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>: a wall-clock time that does not exist (spring forward) moves
/// forward by the gap, an ambiguous one (fall back) takes the earlier instant. A window on a DST day is therefore an
/// hour shorter or longer, and business time is always elapsed time. A date the zone skipped whole (Pacific/Apia,
/// 30 December 2011) has no business time.</para>
/// <para>Holidays are local dates: no time whose local date is a holiday counts, including the part of a window that
/// crosses midnight into a holiday. Overlapping windows count once.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>
    /// How many days without business time <see cref="AddBusinessTime"/> searches before giving up (holidays that cover
    /// every window): 20 years. Business time that is found starts the count again, so a long amount on a sparse
    /// calendar is not refused for taking longer.
    /// </summary>
    public const int MaxSearchDays = 20 * 366;

    private readonly (LocalTime Start, LocalTime End, bool NextDay)[][] _byDay = new (LocalTime, LocalTime, bool)[8][];
    private readonly (LocalDate First, LocalDate Last)[] _holidays;

    /// <summary>Initializes a new instance of the <see cref="BusinessCalendar"/> class.</summary>
    /// <param name="zone">The zone the windows and holidays are in.</param>
    /// <param name="hours">The business hours.</param>
    /// <param name="holidays">The holidays (inclusive date intervals); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="hours"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="hours"/> has no window.</exception>
    public BusinessCalendar(DateTimeZone zone, WeeklySchedule hours, IEnumerable<DateInterval>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.Windows.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one window.", nameof(hours));
        }

        Zone = zone;
        Hours = hours;
        Holidays = holidays?.Where(h => h is not null).ToList() ?? [];
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
        {
            _byDay[(int)d] = [.. hours.Windows.Where(w => w.OpensOn(d)).Select(w => (w.Start, w.End, w.EndsNextDay))];
        }

        _holidays = Merge(Holidays);
        IsAlwaysOpen = hours.IsAllWeek && _holidays.Length == 0;
    }

    /// <summary>Gets the zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the business hours.</summary>
    public WeeklySchedule Hours { get; }

    /// <summary>Gets the holidays, as given.</summary>
    public IReadOnlyList<DateInterval> Holidays { get; }

    /// <summary>Gets a value indicating whether every instant is business time (24x7 without holidays): business time is elapsed time.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Creates the calendar on which every instant counts (<c>24x7</c>): Amazon's clock, which counts nights, weekends and holidays.</summary>
    /// <param name="zone">The zone (irrelevant to the arithmetic, kept for display).</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static BusinessCalendar AlwaysOpen(DateTimeZone zone) => new(zone, WeeklySchedule.AllWeek);

    /// <summary>Returns whether an instant is business time.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when it is inside a window and not on a holiday.</returns>
    public bool IsOpen(Instant at)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        foreach (var (start, _) in OpenIntervals(at, at + Duration.Epsilon))
        {
            return start == at;
        }

        return false;
    }

    /// <summary>
    /// Returns the instant at which <paramref name="amount"/> of business time has passed after <paramref name="start"/>.
    /// When business time runs out exactly at the end of a window, that end is the result.
    /// </summary>
    /// <param name="start">The instant the clock starts.</param>
    /// <param name="amount">The business time; zero returns <paramref name="start"/>.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, or it would end after the
    /// last instant NodaTime represents (the end of the year 9999).</exception>
    /// <exception cref="InvalidOperationException">Holidays leave no business time within <see cref="MaxSearchDays"/> days.</exception>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Business time cannot be negative.");
        }

        try
        {
            if (amount == Duration.Zero || IsAlwaysOpen)
            {
                return start + amount;
            }

            var remaining = amount;
            foreach (var (from, to) in OpenIntervals(start, null))
            {
                var length = to - from;
                if (remaining <= length)
                {
                    return from + remaining;
                }

                remaining -= length;
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            // NodaTime's dates and instants end with the year 9999.
            throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                string.Create(CultureInfo.InvariantCulture, $"{amount.TotalHours:0.##} hours of business time after {start} would end after the year 9999."));
        }

        throw new InvalidOperationException("Unreachable: the interval walk ends only by throwing.");
    }

    /// <summary>Returns the business time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The second instant.</param>
    /// <returns>The business time.</returns>
    public Duration GetBusinessTime(Instant from, Instant to)
    {
        if (to < from)
        {
            return -GetBusinessTime(to, from);
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = Duration.Zero;
        foreach (var (start, end) in OpenIntervals(from, to))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total;
    }

    /// <summary>
    /// Returns the open intervals at or after <paramref name="from"/>, in order, without overlap (the first one clipped to
    /// start no earlier than <paramref name="from"/>).
    /// </summary>
    /// <param name="from">The first instant of interest.</param>
    /// <param name="until">Stop once no further interval can start before this instant (intervals that start later may or may not be returned); <see langword="null"/> to search until <see cref="MaxSearchDays"/> days pass without business time.</param>
    /// <returns>The intervals as (start inclusive, end exclusive).</returns>
    /// <exception cref="InvalidOperationException"><paramref name="until"/> is <see langword="null"/> and <see cref="MaxSearchDays"/> days pass without business time.</exception>
    public IEnumerable<(Instant Start, Instant End)> OpenIntervals(Instant from, Instant? until)
    {
        var pending = new List<(Instant Start, Instant End)>(4);
        var covered = from;
        // Windows last at most a day, so one that opened two local days before may still be open.
        var date = from.InZone(Zone).Date.PlusDays(-2);
        var dayStart = StartOfDay(date);
        // Days scanned since the last business time: the search gives up only where there is none, however much
        // business time the caller needs in all.
        for (var scanned = 0; ; scanned++)
        {
            if (until is null && scanned > MaxSearchDays)
            {
                throw new InvalidOperationException($"The calendar has no business time within {MaxSearchDays} days of {covered}: its holidays cover every window.");
            }

            var next = date.PlusDays(1);
            var nextStart = StartOfDay(next);
            AddOccurrences(date, dayStart, nextStart, covered, pending);

            // Every occurrence of a later date starts at or after the start of that date: emit what starts before it.
            if (pending.Count > 1)
            {
                pending.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }

            var emitted = 0;
            for (; emitted < pending.Count && pending[emitted].Start < nextStart; emitted++)
            {
                var (start, end) = pending[emitted];
                if (start < covered)
                {
                    start = covered;
                }

                if (end > start)
                {
                    yield return (start, end);
                    covered = end;
                    scanned = 0;
                }
            }

            pending.RemoveRange(0, emitted);
            if (until is { } limit && nextStart >= limit)
            {
                yield break;
            }

            date = next;
            dayStart = nextStart;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Holidays.Count == 0
        ? $"{Zone.Id} {Hours}"
        : $"{Zone.Id} {Hours} holidays {ScheduleSyntax.FormatHolidays(Holidays)}";

    private void AddOccurrences(LocalDate date, Instant dayStart, Instant nextDayStart, Instant covered, List<(Instant, Instant)> pending)
    {
        // A date the zone skipped whole has no windows (AtLeniently would move them a day on, onto the next date).
        var windows = _byDay[(int)date.DayOfWeek];
        if (windows.Length == 0 || dayStart == nextDayStart)
        {
            return;
        }

        var holiday = IsHoliday(date);
        bool? nextHoliday = null;
        foreach (var (startTime, endTime, nextDay) in windows)
        {
            var start = Zone.AtLeniently(date + startTime).ToInstant();
            var end = Zone.AtLeniently((nextDay ? date.PlusDays(1) : date) + endTime).ToInstant();
            if (holiday && start < nextDayStart)
            {
                start = nextDayStart;
            }

            if (end > nextDayStart && (nextHoliday ??= IsHoliday(date.PlusDays(1))))
            {
                end = nextDayStart;
            }

            if (end > start && end > covered && end > dayStart)
            {
                pending.Add((start, end));
            }
        }
    }

    /// <summary>
    /// The first instant of a local date, as <see cref="DateTimeZone.AtStartOfDay(LocalDate)"/> gives it, except for a
    /// date the zone skipped whole (Pacific/Apia went from 29 to 31 December 2011), where that throws: its start is then
    /// the instant it was skipped at, which is also the start of the next date, so the date is empty.
    /// </summary>
    private Instant StartOfDay(LocalDate date)
    {
        var mapping = Zone.MapLocal(date.AtMidnight());
        return mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;
    }

    private bool IsHoliday(LocalDate date)
    {
        int lo = 0, hi = _holidays.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (first, last) = _holidays[mid];
            if (date < first)
            {
                hi = mid - 1;
            }
            else if (date > last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static (LocalDate, LocalDate)[] Merge(IEnumerable<DateInterval> holidays)
    {
        var merged = new List<(LocalDate First, LocalDate Last)>();
        foreach (var h in holidays.OrderBy(h => h.Start))
        {
            if (merged.Count > 0 && h.Start <= merged[^1].Last.PlusDays(1))
            {
                if (h.End > merged[^1].Last)
                {
                    merged[^1] = (merged[^1].First, h.End);
                }
            }
            else
            {
                merged.Add((h.Start, h.End));
            }
        }

        return [.. merged];
    }
}
