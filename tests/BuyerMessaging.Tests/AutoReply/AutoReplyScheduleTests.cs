using NodaTime;
using NodaTime.Text;
using static BuyerMessaging.Tests.TestZones;

namespace BuyerMessaging.Tests;

public sealed class AutoReplyScheduleTests
{
    private static AutoReplySchedule Schedule(DateTimeZone zone, string windows, string dates = "") =>
        new(zone, WeeklySchedule.Parse(windows), ScheduleSyntax.ParseDateRanges(dates));

    [Fact]
    public void Contains_IssueExample_TokyoThursdayEvening()
    {
        var schedule = Schedule(Tokyo, "Mon-Fri 18:00-09:00,Sat-Sun", "2026-12-25T18:00/2027-01-06T09:00");

        Assert.True(schedule.Contains(InstantPattern.ExtendedIso.Parse("2026-12-24T10:00:00Z").Value)); // Thu 19:00 JST
    }

    [Theory]
    [InlineData(2026, 12, 21, 8, 59, false)]  // Monday 08:59: Sunday is a whole day (ends at midnight), no weekday window started on Sunday
    [InlineData(2026, 12, 21, 9, 0, false)]   // Monday 09:00: window ends (exclusive)
    [InlineData(2026, 12, 21, 17, 59, false)] // office hours
    [InlineData(2026, 12, 21, 18, 0, true)]   // Monday 18:00: window starts (inclusive)
    [InlineData(2026, 12, 22, 3, 0, true)]    // Tuesday 03:00: Monday's window crosses midnight
    [InlineData(2026, 12, 19, 12, 0, true)]   // Saturday: whole day
    [InlineData(2026, 12, 20, 23, 59, true)]  // Sunday night
    [InlineData(2026, 12, 18, 23, 0, true)]   // Friday night
    public void Contains_WeekdayNightsAndWeekend(int y, int m, int d, int h, int min, bool expected)
    {
        var schedule = Schedule(Tokyo, "Mon-Fri 18:00-09:00,Sat-Sun");

        Assert.Equal(expected, schedule.Contains(Local(Tokyo, y, m, d, h, min)));
    }

    [Fact]
    public void Contains_MondayMorningWithoutSundayWindow_IsOutside()
    {
        // Monday 00:00-09:00 is covered only by a window that starts the day before: Sunday's whole day ends at midnight.
        var schedule = Schedule(Tokyo, "Mon-Fri 18:00-09:00,Sat");

        Assert.False(schedule.Contains(Local(Tokyo, 2026, 12, 21, 8)));
        Assert.True(schedule.Contains(Local(Tokyo, 2026, 12, 22, 8)));   // Tuesday morning: Monday's window
        Assert.True(schedule.Contains(Local(Tokyo, 2026, 12, 19, 8)));   // Saturday morning: Friday's window and Saturday
    }

    [Fact]
    public void Contains_FixedDates_StartInclusiveEndExclusive()
    {
        var schedule = new AutoReplySchedule(Tokyo, dates: ScheduleSyntax.ParseDateRanges("2026-12-25T18:00/2027-01-06T09:00"));

        Assert.False(schedule.Contains(Local(Tokyo, 2026, 12, 25, 17, 59)));
        Assert.True(schedule.Contains(Local(Tokyo, 2026, 12, 25, 18)));
        Assert.True(schedule.Contains(Local(Tokyo, 2027, 1, 1, 12)));
        Assert.True(schedule.Contains(Local(Tokyo, 2027, 1, 6, 8, 59)));
        Assert.False(schedule.Contains(Local(Tokyo, 2027, 1, 6, 9)));
        Assert.False(schedule.IsEmpty);
        Assert.True(new AutoReplySchedule(Tokyo).IsEmpty);
    }

    [Fact]
    public void Contains_WindowStartingInDstGap_OpensAfterTheGap()
    {
        // Los Angeles, Sunday 8 Mar 2026: 02:30 does not exist and becomes 03:30 PDT.
        var schedule = Schedule(LosAngeles, "Sun 02:30-04:00");

        Assert.False(schedule.Contains(Local(LosAngeles, 2026, 3, 8, 3, 15)));
        Assert.True(schedule.Contains(Local(LosAngeles, 2026, 3, 8, 3, 30)));
        Assert.False(schedule.Contains(Local(LosAngeles, 2026, 3, 8, 4)));
        // A week later the window is the full 90 minutes.
        Assert.True(schedule.Contains(Local(LosAngeles, 2026, 3, 15, 2, 30)));
    }

    [Fact]
    public void Contains_NightWindowOverFallBack_IsAnHourLonger()
    {
        // Los Angeles, Saturday 31 Oct 2026 18:00 PDT -> Sunday 09:00 PST: 16 hours because 01:00-02:00 happens twice.
        var schedule = Schedule(LosAngeles, "Sat 18:00-09:00");
        var start = Local(LosAngeles, 2026, 10, 31, 18);

        Assert.True(schedule.Contains(start + Duration.FromHours(15) + Duration.FromMinutes(59)));
        Assert.False(schedule.Contains(start + Duration.FromHours(16)));
        Assert.True(schedule.Contains(Instant.FromUtc(2026, 11, 1, 9, 30))); // the second 01:30 (PST)
    }

    [Fact]
    public void Contains_BerlinWeekendOverSpringForward()
    {
        var schedule = Schedule(Berlin, "Fri 18:00-00:00,Sat-Sun,Mon 00:00-09:00");

        Assert.True(schedule.Contains(Instant.FromUtc(2026, 3, 29, 1, 0)));  // 03:00 CEST, just after the gap
        Assert.True(schedule.Contains(Instant.FromUtc(2026, 3, 29, 0, 59))); // 01:59 CET
        Assert.True(schedule.Contains(Local(Berlin, 2026, 3, 30, 8, 59)));
        Assert.False(schedule.Contains(Local(Berlin, 2026, 3, 30, 9)));
    }

    [Fact]
    public void Contains_FixedDateEndingInGap_MovesForward()
    {
        // Synthetic zone: local 01:00-02:00 on 2 Jun 2030 does not exist; an end at 01:30 becomes 02:30 local (01:30Z).
        var schedule = new AutoReplySchedule(SyntheticGap, dates: ScheduleSyntax.ParseDateRanges("2030-06-01T22:00/2030-06-02T01:30"));

        Assert.True(schedule.Contains(Instant.FromUtc(2030, 6, 2, 1, 29)));
        Assert.False(schedule.Contains(Instant.FromUtc(2030, 6, 2, 1, 30)));
    }

    [Fact]
    public void Contains_FixedDateStartingInOverlap_TakesTheEarlierInstant()
    {
        // Synthetic zone: local 01:00-02:00 on 2 Jun 2030 happens twice; a start at 01:30 is the first one (00:30Z).
        var schedule = new AutoReplySchedule(SyntheticOverlap, dates: ScheduleSyntax.ParseDateRanges("2030-06-02T01:30/2030-06-02T03:00"));

        Assert.False(schedule.Contains(Instant.FromUtc(2030, 6, 2, 0, 29)));
        Assert.True(schedule.Contains(Instant.FromUtc(2030, 6, 2, 0, 30)));
        Assert.True(schedule.Contains(Instant.FromUtc(2030, 6, 2, 2, 59)));
        Assert.False(schedule.Contains(Instant.FromUtc(2030, 6, 2, 3, 0)));
    }

    [Fact]
    public void Contains_TokyoHasNoTransition()
    {
        var schedule = Schedule(Tokyo, "Sun 01:00-03:00");

        Assert.True(schedule.Contains(Local(Tokyo, 2026, 3, 8, 2, 30)));
        Assert.True(schedule.Contains(Local(Tokyo, 2026, 11, 1, 2, 59)));
        Assert.False(schedule.Contains(Local(Tokyo, 2026, 11, 1, 3)));
    }
}
