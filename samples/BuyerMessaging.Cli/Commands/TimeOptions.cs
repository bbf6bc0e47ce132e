using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging.Cli;

/// <summary>
/// The options of the time commands (<c>sla</c>, <c>autoreply</c>) and the parsing of their values with the SDK's
/// <see cref="ScheduleSyntax"/>: every error names the option, and the item at fault.
/// </summary>
internal static class TimeOptions
{
    /// <summary>The most business hours <c>sla due</c> adds: ten years.</summary>
    public const decimal MaxHours = 87_600m;

    /// <summary>
    /// The instants <c>--start</c> and <c>--at</c> take: NodaTime's calendar ends with the years 1 and 9999, and a
    /// schedule looks at the local date in its zone and the days around it, so two days are kept clear at each end.
    /// </summary>
    private static readonly Instant Earliest = NodaTime.Instant.FromUtc(1, 1, 3, 0, 0);

    private static readonly Instant Latest = NodaTime.Instant.FromUtc(9999, 12, 29, 0, 0);

    private static readonly InstantPattern InstantIso = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern OffsetIso = OffsetDateTimePattern.ExtendedIso;

    public static Option<string> RequiredZone() => new("--zone")
    {
        Description = "The IANA time zone the schedule's times and dates are in, for example Europe/Berlin or Asia/Tokyo.",
        Required = true,
        HelpName = "ZONE",
    };

    public static Option<string?> Windows(string description) => new("--windows")
    {
        Description = description,
        HelpName = "WINDOWS",
    };

    public static Option<string?> Dates() => new("--dates")
    {
        Description = "Fixed date ranges START/END in local date-times, separated by commas; start inclusive, end exclusive (2026-12-25T18:00/2027-01-06T09:00).",
        HelpName = "RANGES",
    };

    /// <summary>Gets the zone named by <paramref name="field"/>; the error says it must be an IANA id.</summary>
    public static DateTimeZone Zone(string? value, string field = "--zone") =>
        value is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(value.Trim()) is { } zone
            ? zone
            : throw CliException.Usage($"{field}: '{value}' is not an IANA time zone (for example Asia/Tokyo, Europe/Berlin or America/Los_Angeles).");

    /// <summary>Parses weekly windows (<c>Mon-Fri 09:00-12:00,13:00-18:00</c>, <c>24x7</c>).</summary>
    public static WeeklySchedule Weekly(string? value, string field) =>
        WeeklySchedule.TryParse(value, out var schedule, out var error)
            ? schedule
            : throw CliException.Usage($"{field}: {error}");

    /// <summary>Parses holidays (<c>2026-12-24,2026-12-25/2026-12-26</c>); <see langword="null"/> is none.</summary>
    public static IReadOnlyList<DateInterval> Holidays(string? value, string field = "--holidays") =>
        value is null ? [] : ScheduleSyntax.TryParseHolidays(value, out var holidays, out var error)
            ? holidays
            : throw CliException.Usage($"{field}: {error}");

    /// <summary>Parses fixed date ranges; <see langword="null"/> is none.</summary>
    public static IReadOnlyList<LocalDateTimeRange> DateRanges(string? value, string field = "--dates") =>
        value is null ? [] : ScheduleSyntax.TryParseDateRanges(value, out var ranges, out var error)
            ? ranges
            : throw CliException.Usage($"{field}: {error}");

    /// <summary>Parses an instant: ISO-8601 in UTC (<c>2026-12-23T15:30:00Z</c>) or with an offset (<c>2026-12-23T16:30:00+01:00</c>).</summary>
    public static Instant Instant(string? value, string field)
    {
        var text = value?.Trim() ?? string.Empty;
        Instant? parsed = InstantIso.Parse(text) is { Success: true } instant ? instant.Value
            : OffsetIso.Parse(text) is { Success: true } offset ? offset.Value.ToInstant()
            : null;
        if (parsed is { } result)
        {
            return result >= Earliest && result <= Latest
                ? result
                : throw CliException.Usage($"{field}: '{value}' is too far in the past or the future; give an instant from {InstantIso.Format(Earliest)} to {InstantIso.Format(Latest)}.");
        }

        throw CliException.Usage($"{field}: '{value}' is not an instant; write ISO-8601 in UTC or with an offset, for example 2026-12-23T15:30:00Z or 2026-12-23T16:30:00+01:00.");
    }

    /// <summary>Parses a number of hours, decimals allowed (<c>8</c>, <c>1.5</c>), from 0 to <paramref name="max"/> (<see cref="MaxHours"/> when <see langword="null"/>).</summary>
    public static Duration Hours(string? value, string field, decimal? max = null)
    {
        var limit = max ?? MaxHours;
        if (!decimal.TryParse(value?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
        {
            throw CliException.Usage($"{field}: '{value}' is not a number of hours; write for example 8 or 1.5.");
        }

        if (hours < 0 || hours > limit)
        {
            throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"{field}: {hours} is out of range; use 0 to {limit} hours."));
        }

        // Decimal arithmetic: 0.1 h is exactly 6 minutes, not 5:59.999…
        return Duration.FromTicks((long)(hours * NodaConstants.TicksPerHour));
    }

    /// <summary>Formats a local time for people: <c>Mon 2026-12-28 16:30</c>.</summary>
    public static string Local(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        var seconds = local.Second != 0 || local.NanosecondOfSecond != 0 ? ":ss" : string.Empty;
        return local.ToString($"ddd yyyy-MM-dd HH:mm{seconds} x", CultureInfo.InvariantCulture);
    }
}
