using NodaTime;
using NodaTime.Text;
using static BuyerMessaging.Tests.TestZones;

namespace BuyerMessaging.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly IReadOnlyList<DateInterval> Christmas = ScheduleSyntax.ParseHolidays("2026-12-24,2026-12-25/2026-12-26");

    private static BusinessCalendar Calendar(DateTimeZone zone, string hours, string holidays = "") =>
        new(zone, WeeklySchedule.Parse(hours), ScheduleSyntax.ParseHolidays(holidays));

    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Fact]
    public void AddBusinessTime_IssueExample_BerlinChristmas()
    {
        // Wed 23 Dec 16:30 local: 1.5 h that day; 24-26 Dec holidays, 27 Dec Sunday; Mon 28 Dec 09:00-12:00 (3 h) and 13:00-16:30 (3.5 h).
        var calendar = new BusinessCalendar(Berlin, WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00"), Christmas);

        var due = calendar.AddBusinessTime(Utc("2026-12-23T15:30:00Z"), Duration.FromHours(8));

        Assert.Equal(Utc("2026-12-28T15:30:00Z"), due);
    }

    [Fact]
    public void AddBusinessTime_RunsOutAtWindowEnd_ReturnsThatEnd()
    {
        var calendar = Calendar(Berlin, "Mon-Fri 09:00-12:00,13:00-18:00");

        var due = calendar.AddBusinessTime(Local(Berlin, 2026, 12, 28, 9), Duration.FromHours(3));

        Assert.Equal(Local(Berlin, 2026, 12, 28, 12), due);
        Assert.Equal(Local(Berlin, 2026, 12, 28, 18), calendar.AddBusinessTime(Local(Berlin, 2026, 12, 28, 9), Duration.FromHours(8)));
    }

    [Fact]
    public void AddBusinessTime_StartOutsideHours_CountsFromNextOpening()
    {
        var calendar = Calendar(Tokyo, "Mon-Fri 09:00-18:00");

        // Saturday 20:00 -> Monday 09:00 + 2 h.
        Assert.Equal(Local(Tokyo, 2026, 12, 7, 11), calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 5, 20), Duration.FromHours(2)));
        // Friday 17:00 + 2 h -> 1 h Friday, 1 h Monday.
        Assert.Equal(Local(Tokyo, 2026, 12, 7, 10), calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 4, 17), Duration.FromHours(2)));
        // Decimal hours: 1.25 h.
        Assert.Equal(Local(Tokyo, 2026, 12, 7, 10, 15), calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 7, 6), Duration.FromMinutes(75)));
    }

    [Fact]
    public void AddBusinessTime_WindowAcrossMidnight_HolidayCutsThePartAfterMidnight()
    {
        var calendar = Calendar(Tokyo, "Mon-Sun 22:00-06:00", "2026-12-25");

        // 24 Dec 22:00 -> 25 Dec 00:00 counts (2 h); 25 Dec is a holiday, so its 22:00 window counts only from 26 Dec 00:00.
        var due = calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 24, 22), Duration.FromHours(5));

        Assert.Equal(Local(Tokyo, 2026, 12, 26, 3), due);
    }

    [Fact]
    public void GetBusinessTime_OverlappingWindowsCountOnce()
    {
        var calendar = Calendar(Tokyo, "Mon 09:00-17:00,Mon 12:00-20:00");

        Assert.Equal(Duration.FromHours(11), calendar.GetBusinessTime(Local(Tokyo, 2026, 12, 7, 0), Local(Tokyo, 2026, 12, 8, 0)));
        Assert.Equal(Local(Tokyo, 2026, 12, 7, 19), calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 7, 0), Duration.FromHours(10)));
    }

    [Fact]
    public void GetBusinessTime_HolidayRangeAndNegative()
    {
        var calendar = new BusinessCalendar(Berlin, WeeklySchedule.Parse("Mon-Fri 09:00-17:00"), Christmas);
        var from = Local(Berlin, 2026, 12, 21, 0);
        var to = Local(Berlin, 2027, 1, 1, 0);

        // Mon 21 - Wed 23 (3 days) and Mon 28 - Thu 31 (4 days): 7 x 8 h.
        Assert.Equal(Duration.FromHours(56), calendar.GetBusinessTime(from, to));
        Assert.Equal(Duration.FromHours(-56), calendar.GetBusinessTime(to, from));
        Assert.Equal(Duration.Zero, calendar.GetBusinessTime(from, from));
    }

    [Fact]
    public void IsOpen_StartInclusiveEndExclusive()
    {
        var calendar = Calendar(Berlin, "Mon-Fri 09:00-12:00,13:00-18:00", "2026-12-24");

        Assert.True(calendar.IsOpen(Local(Berlin, 2026, 12, 21, 9)));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 21, 9) - Duration.Epsilon));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 21, 12)));
        Assert.True(calendar.IsOpen(Local(Berlin, 2026, 12, 21, 12) - Duration.Epsilon));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 24, 10)));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 26, 10)));
    }

    [Fact]
    public void AlwaysOpen_IsPlainArithmetic()
    {
        var calendar = BusinessCalendar.AlwaysOpen(LosAngeles);
        var start = Local(LosAngeles, 2026, 3, 7, 12);

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal(start + Duration.FromHours(24), calendar.AddBusinessTime(start, Duration.FromHours(24)));
        Assert.True(calendar.IsOpen(start));
    }

    [Fact]
    public void WholeDaysEveryDayWithHoliday_IsElapsedTimeOutsideTheHoliday()
    {
        var calendar = Calendar(LosAngeles, "Mon-Sun", "2026-03-08");

        Assert.False(calendar.IsAlwaysOpen);
        // Sat 7 Mar 12:00 PST: 12 h to midnight, the 23-hour holiday is skipped, then 12 h on Monday.
        Assert.Equal(Local(LosAngeles, 2026, 3, 9, 12), calendar.AddBusinessTime(Local(LosAngeles, 2026, 3, 7, 12), Duration.FromHours(24)));
    }

    [Fact]
    public void AddBusinessTime_ZeroAndNegative()
    {
        var calendar = Calendar(Tokyo, "Mon-Fri 09:00-18:00");
        var saturday = Local(Tokyo, 2026, 12, 5, 20);

        Assert.Equal(saturday, calendar.AddBusinessTime(saturday, Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>("amount", () => calendar.AddBusinessTime(saturday, Duration.FromHours(-1)));
    }

    [Fact]
    public void AddBusinessTime_HolidaysCoverEverything_Throws()
    {
        var calendar = Calendar(Tokyo, "Mon-Fri 09:00-18:00", "2026-01-01/2060-12-31");

        var ex = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 5, 20), Duration.FromHours(1)));
        Assert.Contains("holidays", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBusinessTime_LongerThanTheSearchLimit_IsComputedWhenNoDayLacksBusinessTime()
    {
        // 87,600 h at 45 h a week: 1946 weeks and 30 h. From Thursday 17:00 JST, 1946 weeks later, then Thu 17-18,
        // Fri, Mon, Tue (29 h) and Wednesday 09:00-11:00 JST: 37 years, more than MaxSearchDays, with business time every week.
        var calendar = Calendar(Tokyo, "Mon-Fri 09:00-18:00");

        Assert.Equal(Utc("2064-04-16T02:00:00Z"), calendar.AddBusinessTime(Utc("2026-12-24T08:00:00Z"), Duration.FromHours(87_600)));
    }

    [Fact]
    public void AddBusinessTime_HolidaysAfterSomeBusinessTime_ThrowNamingWhereBusinessTimeEnded()
    {
        var calendar = Calendar(Tokyo, "Mon-Fri 09:00-18:00", "2026-12-08/2060-12-31");

        var ex = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Local(Tokyo, 2026, 12, 7, 9), Duration.FromHours(10)));
        Assert.Contains("of 2026-12-07T09:00:00Z: its holidays cover every window", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24x7", "9999-12-31T00:00:00Z", 48)]
    [InlineData("Mon 09:00-09:01", "2026-12-23T15:30:00Z", 87_600)]
    public void AddBusinessTime_PastTheYear9999_ThrowsArgumentOutOfRange(string hours, string start, int amount)
    {
        var calendar = Calendar(Tokyo, hours);

        var ex = Assert.Throws<ArgumentOutOfRangeException>("amount", () => calendar.AddBusinessTime(Utc(start), Duration.FromHours(amount)));
        Assert.StartsWith($"{amount} hours of business time after {start} would end after the year 9999.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Validates()
    {
        Assert.Throws<ArgumentNullException>("zone", () => new BusinessCalendar(null!, WeeklySchedule.AllWeek));
        Assert.Throws<ArgumentNullException>("hours", () => new BusinessCalendar(Tokyo, null!));
        Assert.Throws<ArgumentException>("hours", () => new BusinessCalendar(Tokyo, new WeeklySchedule([])));
    }

    // DST: windows are wall-clock times, so a window on a transition day is shorter or longer; business time is elapsed time.

    [Theory]
    [InlineData("America/Los_Angeles", 2026, 3, 8, 5)]   // spring forward: 02:00-03:00 does not exist
    [InlineData("America/Los_Angeles", 2026, 11, 1, 7)]  // fall back: 01:00-02:00 twice
    [InlineData("Europe/Berlin", 2026, 3, 29, 5)]        // 02:00-03:00 does not exist
    [InlineData("Europe/Berlin", 2026, 10, 25, 7)]       // 02:00-03:00 twice
    [InlineData("Asia/Tokyo", 2026, 3, 8, 6)]            // no DST
    [InlineData("Asia/Tokyo", 2026, 11, 1, 6)]
    public void GetBusinessTime_WindowOverDstTransition_IsElapsedTime(string zoneId, int year, int month, int day, int hours)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var calendar = Calendar(zone, "Sun 00:00-06:00");
        var from = Local(zone, year, month, day, 0);

        Assert.Equal(Duration.FromHours(hours), calendar.GetBusinessTime(from, from + Duration.FromDays(1)));
        Assert.Equal(Local(zone, year, month, day, 6), calendar.AddBusinessTime(from, Duration.FromHours(hours)));
    }

    [Fact]
    public void Window_StartingInGap_MovesForwardByTheGap()
    {
        // 02:30 does not exist on 8 Mar 2026 in Los Angeles: it becomes 03:30 PDT, so the window is 30 minutes.
        var calendar = Calendar(LosAngeles, "Sun 02:30-04:00");
        var day = Local(LosAngeles, 2026, 3, 8, 0);

        Assert.Equal(Duration.FromMinutes(30), calendar.GetBusinessTime(day, day + Duration.FromDays(1)));
        Assert.False(calendar.IsOpen(Local(LosAngeles, 2026, 3, 8, 3, 15)));
        Assert.True(calendar.IsOpen(Local(LosAngeles, 2026, 3, 8, 3, 30)));
    }

    [Fact]
    public void Window_StartingInOverlap_TakesTheEarlierInstant()
    {
        // 01:30 happens twice on 1 Nov 2026 in Los Angeles: the window opens at 01:30 PDT and closes at 03:00 PST (2.5 h).
        var calendar = Calendar(LosAngeles, "Sun 01:30-03:00");
        var day = Local(LosAngeles, 2026, 11, 1, 0);

        Assert.Equal(Duration.FromMinutes(150), calendar.GetBusinessTime(day, day + Duration.FromDays(1)));
        // One hour after 01:30 PDT (08:30Z) is the second 01:30 (PST).
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 9, 30), calendar.AddBusinessTime(day, Duration.FromHours(1)));
    }

    [Fact]
    public void Window_EndingInOverlap_TakesTheEarlierInstant()
    {
        // Berlin 25 Oct 2026: 02:30 happens twice; the window closes at the first 02:30 (CEST), so it is 1.5 h long.
        var calendar = Calendar(Berlin, "Sun 01:00-02:30");
        var day = Local(Berlin, 2026, 10, 25, 0);

        Assert.Equal(Duration.FromMinutes(90), calendar.GetBusinessTime(day, day + Duration.FromDays(1)));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), calendar.AddBusinessTime(day, Duration.FromMinutes(90)));
    }

    [Fact]
    public void SyntheticGap_WindowAcrossTheGapIsAnHourShorter()
    {
        var calendar = Calendar(SyntheticGap, "Sun 00:00-03:00");
        var day = Local(SyntheticGap, 2030, 6, 2, 0);

        Assert.Equal(Instant.FromUtc(2030, 6, 2, 0, 0), day);
        Assert.Equal(Duration.FromHours(2), calendar.GetBusinessTime(day, day + Duration.FromDays(1)));
        // Business time runs out exactly at the end of the window: 03:00 local = 02:00Z.
        Assert.Equal(Instant.FromUtc(2030, 6, 2, 2, 0), calendar.AddBusinessTime(day, Duration.FromHours(2)));
        // A week earlier and later the same window is 3 h.
        Assert.Equal(Duration.FromHours(3), calendar.GetBusinessTime(Local(SyntheticGap, 2030, 5, 26, 0), Local(SyntheticGap, 2030, 5, 27, 0)));
        Assert.Equal(Duration.FromHours(3), calendar.GetBusinessTime(Local(SyntheticGap, 2030, 6, 9, 0), Local(SyntheticGap, 2030, 6, 10, 0)));
    }

    [Fact]
    public void SyntheticOverlap_WindowAcrossTheOverlapIsAnHourLonger()
    {
        var calendar = Calendar(SyntheticOverlap, "Sun 00:00-03:00");
        var day = Local(SyntheticOverlap, 2030, 6, 2, 0);

        Assert.Equal(Instant.FromUtc(2030, 6, 1, 23, 0), day);
        Assert.Equal(Duration.FromHours(4), calendar.GetBusinessTime(day, day + Duration.FromDays(1)));
        Assert.Equal(Instant.FromUtc(2030, 6, 2, 3, 0), calendar.AddBusinessTime(day, Duration.FromHours(4)));
        // A start inside the repeated hour (the second 01:30 local = 01:30Z) still has 1.5 h left.
        Assert.Equal(Duration.FromMinutes(90), calendar.GetBusinessTime(Instant.FromUtc(2030, 6, 2, 1, 30), day + Duration.FromDays(1)));
    }

    [Fact]
    public void SyntheticGap_HolidayAndNightShiftOnTransitionDay()
    {
        // Sat 22:00 -> Sun 06:00 local; the Sunday loses an hour, so the window is 7 h.
        var calendar = Calendar(SyntheticGap, "Sat 22:00-06:00");
        var saturday = Local(SyntheticGap, 2030, 6, 1, 12);

        Assert.Equal(Duration.FromHours(7), calendar.GetBusinessTime(saturday, saturday + Duration.FromDays(1)));
        Assert.Equal(Instant.FromUtc(2030, 6, 2, 5, 0), calendar.AddBusinessTime(saturday, Duration.FromHours(7)));
    }

    [Fact]
    public void SkippedDay_PacificApia2011_HasNoBusinessTime()
    {
        // Samoa crossed the date line: 29 Dec 2011 23:59:59 -10:00 was followed by 31 Dec 00:00 +14:00, so Friday
        // 30 Dec did not exist there. Its hours are not moved onto the Saturday, and nothing throws.
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var calendar = Calendar(apia, "Mon-Fri 09:00-17:00");

        Assert.Equal(Local(apia, 2012, 1, 2, 17), calendar.AddBusinessTime(Local(apia, 2011, 12, 29, 9), Duration.FromHours(16)));
        Assert.Equal(Duration.FromHours(8), calendar.GetBusinessTime(Local(apia, 2011, 12, 29, 0), Local(apia, 2012, 1, 2, 0)));
        Assert.False(calendar.IsOpen(Local(apia, 2011, 12, 31, 10)));
        Assert.True(new AutoReplySchedule(apia, WeeklySchedule.Parse("Sat-Sun")).Contains(Local(apia, 2011, 12, 31, 10)));
        // A night window on the Thursday ends at 06:00 of the next date that exists, eight hours later.
        Assert.Equal(Duration.FromHours(8), Calendar(apia, "Thu 22:00-06:00").GetBusinessTime(Local(apia, 2011, 12, 29, 0), Local(apia, 2012, 1, 2, 0)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 11)]
    [InlineData("America/Los_Angeles", 12)]
    [InlineData("Asia/Tokyo", 13)]
    public void AddBusinessTime_AgreesWithMinuteByMinuteReference(string zoneId, int seed) =>
        AssertAgreesWithReference(DateTimeZoneProviders.Tzdb[zoneId], [new(2026, 3, 8), new(2026, 3, 29), new(2026, 10, 25), new(2026, 11, 1), new(2026, 12, 23)], seed);

    [Theory]
    [InlineData("Australia/Sydney", 2026, 21)]    // southern hemisphere: 03:00 back to 02:00 in April, 02:00 to 03:00 in October
    [InlineData("Australia/Lord_Howe", 2026, 22)] // half-hour shifts: 02:00 back to 01:30, 02:00 to 02:30
    [InlineData("America/Santiago", 2026, 23)]    // at midnight: 24:00 back to 23:00 (an hour twice), 00:00 to 01:00 (no midnight)
    [InlineData("America/Sao_Paulo", 2018, 24)]   // DST until 2019, starting at midnight (00:00 to 01:00)
    [InlineData("Europe/London", 2026, 25)]       // 01:00 to 02:00, 02:00 back to 01:00
    [InlineData("Europe/Moscow", 2014, 26)]       // a permanent change: 26 Oct 2014 02:00 back to 01:00, never undone
    public void AddBusinessTime_AgreesWithMinuteByMinuteReference_AroundTheZonesOwnTransitions(string zoneId, int year, int seed)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var transitions = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Skip(1)
            .Select(i => i.Start.InZone(zone).Date)
            .ToArray();
        Assert.NotEmpty(transitions);

        AssertAgreesWithReference(zone, [.. transitions, new(year, 12, 23)], seed);
    }

    private static void AssertAgreesWithReference(DateTimeZone zone, LocalDate[] around, int seed)
    {
        // Random calendars (split shifts, windows across midnight, holidays) and starts around DST transitions, checked
        // against a naive reference that tests each minute against each window occurrence.
        var random = new Random(seed);
        string[] hours =
        [
            "Mon-Fri 09:00-12:00,13:00-18:00", "Mon-Sun 22:00-06:00", "Sat-Sun,Mon-Fri 01:30-03:15", "Sun 02:30-02:45,Sun 00:00-01:00",
            "Mon-Fri 18:00-09:00", "Tue+Thu 00:00-00:00,Sun 23:00-02:30",
        ];
        for (var i = 0; i < 40; i++)
        {
            var holidays = random.Next(3) == 0 ? "" : $"{around[random.Next(around.Length)].PlusDays(random.Next(-1, 2)):yyyy-MM-dd}";
            var calendar = Calendar(zone, hours[random.Next(hours.Length)], holidays);
            var start = zone.AtLeniently(around[random.Next(around.Length)].PlusDays(-random.Next(3)).AtMidnight()).ToInstant()
                + Duration.FromMinutes(random.Next(3 * 24 * 60));
            var amount = Duration.FromMinutes(random.Next(1, 20 * 60));

            var expected = ReferenceAdd(calendar, start, amount);

            Assert.True(expected == calendar.AddBusinessTime(start, amount), $"{calendar} from {start} + {amount}");
            Assert.Equal(amount, calendar.GetBusinessTime(start, expected));
        }
    }

    private static Instant ReferenceAdd(BusinessCalendar calendar, Instant start, Duration amount)
    {
        var left = amount;
        var t = start;
        var step = Duration.FromMinutes(1);
        // Align to whole minutes first (starts and window ends are on whole minutes).
        while (left > Duration.Zero)
        {
            if (ReferenceOpen(calendar, t))
            {
                left -= step;
            }

            t += step;
        }

        return t;
    }

    private static bool ReferenceOpen(BusinessCalendar calendar, Instant t)
    {
        var zone = calendar.Zone;
        var date = t.InZone(zone).Date;
        if (calendar.Holidays.Any(h => h.Contains(date)))
        {
            return false;
        }

        for (var d = date.PlusDays(-2); d <= date; d = d.PlusDays(1))
        {
            foreach (var w in calendar.Hours.Windows.Where(w => w.OpensOn(d.DayOfWeek)))
            {
                var s = zone.AtLeniently(d + w.Start).ToInstant();
                var e = zone.AtLeniently((w.EndsNextDay ? d.PlusDays(1) : d) + w.End).ToInstant();
                if (s <= t && t < e)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
