using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging;

/// <summary>
/// A fixed range of wall-clock date-times in a zone, start inclusive, end exclusive (for example the year-end closure
/// <c>2026-12-25T18:00/2027-01-06T09:00</c> of an <see cref="AutoReplySchedule"/>).
/// </summary>
public sealed record LocalDateTimeRange
{
    /// <summary>Initializes a new instance of the <see cref="LocalDateTimeRange"/> class.</summary>
    /// <param name="start">The first date-time in the range.</param>
    /// <param name="end">The first date-time after the range.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public LocalDateTimeRange(LocalDateTime start, LocalDateTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The end {Format(end)} is not after the start {Format(start)}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the first date-time in the range.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Gets the first date-time after the range.</summary>
    public LocalDateTime End { get; }

    /// <summary>
    /// Gets the range as instants in a zone, resolved with <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>
    /// (a skipped time moves forward by the gap, an ambiguous one takes the earlier instant).
    /// </summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The interval, or an empty one when both ends resolve to the same instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public Interval InZone(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = zone.AtLeniently(Start).ToInstant();
        var end = zone.AtLeniently(End).ToInstant();
        return new Interval(start, end < start ? start : end);
    }

    /// <summary>Returns the range as <c>START/END</c>, for example <c>2026-12-25T18:00/2027-01-06T09:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Format(Start)}/{Format(End)}";

    private static string Format(LocalDateTime value) => value.Second == 0 && value.NanosecondOfSecond == 0
        ? LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Format(value)
        : LocalDateTimePattern.GeneralIso.Format(value);
}
