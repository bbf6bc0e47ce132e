using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// When auto-replies apply: recurring weekly windows (for example weekdays 18:00 to 09:00 the next day and all
/// weekend) and fixed date ranges (for example 2026-12-25 18:00 to 2027-01-06 09:00), wall-clock times in an IANA zone.
/// </summary>
/// <remarks>
/// Wall-clock times become instants with <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>: a time that does not
/// exist moves forward by the gap, an ambiguous one takes the earlier instant. Window starts and date-range starts are
/// inclusive, ends exclusive. Immutable and thread-safe.
/// </remarks>
public sealed class AutoReplySchedule
{
    private readonly BusinessCalendar? _weekly;

    /// <summary>Initializes a new instance of the <see cref="AutoReplySchedule"/> class.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="windows">The weekly windows; <see langword="null"/> or empty for none.</param>
    /// <param name="dates">The fixed date ranges; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public AutoReplySchedule(DateTimeZone zone, WeeklySchedule? windows = null, IEnumerable<LocalDateTimeRange>? dates = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        Windows = windows ?? new WeeklySchedule([]);
        Dates = dates?.Where(d => d is not null).ToList() ?? [];
        _weekly = Windows.Windows.Count > 0 ? new BusinessCalendar(zone, Windows) : null;
    }

    /// <summary>Gets the zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the weekly windows.</summary>
    public WeeklySchedule Windows { get; }

    /// <summary>Gets the fixed date ranges.</summary>
    public IReadOnlyList<LocalDateTimeRange> Dates { get; }

    /// <summary>Gets a value indicating whether the schedule has neither windows nor date ranges (it never applies).</summary>
    public bool IsEmpty => _weekly is null && Dates.Count == 0;

    /// <summary>Returns whether an instant is inside a weekly window or a date range.</summary>
    /// <param name="at">The instant (for example when the buyer message arrived).</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Contains(Instant at)
    {
        foreach (var range in Dates)
        {
            if (range.InZone(Zone).Contains(at))
            {
                return true;
            }
        }

        return _weekly?.IsOpen(at) == true;
    }

    /// <inheritdoc />
    public override string ToString() => Dates.Count == 0
        ? $"{Zone.Id} {Windows}"
        : $"{Zone.Id} {Windows} dates {ScheduleSyntax.FormatDateRanges(Dates)}";
}
