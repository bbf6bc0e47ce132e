using NodaTime;
using NodaTime.Testing.TimeZones;

namespace BuyerMessaging.Tests;

/// <summary>Time zones for DST tests: real tzdb zones and synthetic single-transition zones.</summary>
public static class TestZones
{
    /// <summary>America/Los_Angeles: 2026-03-08 02:00 PST becomes 03:00 PDT (gap); 2026-11-01 02:00 PDT becomes 01:00 PST (01:00-02:00 twice).</summary>
    public static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    /// <summary>Europe/Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST (gap); 2026-10-25 03:00 CEST becomes 02:00 CET (02:00-03:00 twice).</summary>
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Asia/Tokyo: UTC+9 all year, no DST.</summary>
    public static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    /// <summary>
    /// A synthetic zone that is UTC+0 until 2030-06-02T01:00Z (a Sunday), then UTC+1: local 01:00-02:00 that Sunday
    /// does not exist (a one-hour gap).
    /// </summary>
    public static readonly DateTimeZone SyntheticGap = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 6, 2, 1, 0), 0, 1);

    /// <summary>
    /// A synthetic zone that is UTC+1 until 2030-06-02T01:00Z (a Sunday, 02:00 local), then UTC+0: local 01:00-02:00 that
    /// Sunday happens twice (a one-hour overlap).
    /// </summary>
    public static readonly DateTimeZone SyntheticOverlap = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 6, 2, 1, 0), 1, 0);

    public static Instant Local(DateTimeZone zone, int year, int month, int day, int hour, int minute = 0) =>
        zone.AtLeniently(new LocalDateTime(year, month, day, hour, minute)).ToInstant();
}
