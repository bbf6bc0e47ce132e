using System.Diagnostics.CodeAnalysis;

namespace BuyerMessaging;

/// <summary>
/// A set of <see cref="WeeklyWindow"/>s: the business hours of a <see cref="BusinessCalendar"/> or the recurring
/// windows of an <see cref="AutoReplySchedule"/>. Written and parsed in the schedule syntax (see <see cref="Parse"/>).
/// </summary>
public sealed class WeeklySchedule : IEquatable<WeeklySchedule>
{
    /// <summary>Initializes a new instance of the <see cref="WeeklySchedule"/> class.</summary>
    /// <param name="windows">The windows; may be empty (never open).</param>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> or one of them is <see langword="null"/>.</exception>
    public WeeklySchedule(IEnumerable<WeeklyWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var list = windows.ToList();
        if (list.Any(w => w is null))
        {
            throw new ArgumentNullException(nameof(windows), "A window is null.");
        }

        Windows = list;
    }

    /// <summary>Gets the schedule that is open all the time, every day (<c>24x7</c>).</summary>
    public static WeeklySchedule AllWeek { get; } = new([new WeeklyWindow(Enum.GetValues<NodaTime.IsoDayOfWeek>().Where(d => d != NodaTime.IsoDayOfWeek.None), default, default)]);

    /// <summary>Gets the windows, in the order they were given.</summary>
    public IReadOnlyList<WeeklyWindow> Windows { get; }

    /// <summary>Gets a value indicating whether every day is open from midnight to midnight.</summary>
    public bool IsAllWeek => Windows.Any(w => w.DayMask == AllWeek.Windows[0].DayMask && w.Start == w.End && w.Start == NodaTime.LocalTime.Midnight);

    /// <summary>
    /// Parses the schedule syntax. Items are separated by commas. An item is <c>DAYS</c> (the whole day),
    /// <c>DAYS HH:mm-HH:mm</c>, or <c>HH:mm-HH:mm</c>, which keeps the days of the item before it
    /// (<c>Mon-Fri 09:00-12:00,13:00-18:00</c>). <c>DAYS</c> is a day (<c>Mon</c>…<c>Sun</c>, or the full English
    /// name, any case), a range of days (<c>Mon-Fri</c>; <c>Sat-Mon</c> wraps the week), or several joined with
    /// <c>+</c> (<c>Mon+Wed</c>). A window whose end is not after its start ends the next day; <c>24:00</c> may be
    /// written for the midnight that ends a day. The whole text <c>24x7</c> is <see cref="AllWeek"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not valid; the message names the bad item and why.</exception>
    public static WeeklySchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScheduleSyntax.TryParseWeekly(text, out var schedule, out var error) ? schedule : throw new FormatException(error);
    }

    /// <summary>Tries to parse the schedule syntax (see <see cref="Parse"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="schedule">The schedule when the text is valid.</param>
    /// <param name="error">Why the text is not valid, naming the bad item; <see langword="null"/> when it is.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out WeeklySchedule? schedule, [NotNullWhen(false)] out string? error) =>
        ScheduleSyntax.TryParseWeekly(text, out schedule, out error);

    /// <summary>Returns the schedule in the syntax <see cref="Parse"/> reads (an item per window, times kept with their days).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var items = new List<string>(Windows.Count);
        WeeklyWindow? previous = null;
        foreach (var window in Windows)
        {
            var wholeDay = window.Start == NodaTime.LocalTime.Midnight && window.End == NodaTime.LocalTime.Midnight;
            items.Add(previous is not null && previous.DayMask == window.DayMask && !wholeDay ? window.TimesText() : window.ToString());
            previous = window;
        }

        return string.Join(',', items);
    }

    /// <inheritdoc />
    public bool Equals(WeeklySchedule? other) => other is not null && Windows.SequenceEqual(other.Windows);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var window in Windows)
        {
            hash.Add(window);
        }

        return hash.ToHashCode();
    }
}
