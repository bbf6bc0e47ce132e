using NodaTime;

namespace BuyerMessaging.Tests;

public sealed class ScheduleSyntaxTests
{
    [Fact]
    public void Parse_SplitShift_TimeItemKeepsDaysOfItemBefore()
    {
        var schedule = WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00");

        Assert.Equal(2, schedule.Windows.Count);
        Assert.All(schedule.Windows, w => Assert.Equal(
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], w.Days));
        Assert.Equal(new LocalTime(9, 0), schedule.Windows[0].Start);
        Assert.Equal(new LocalTime(12, 0), schedule.Windows[0].End);
        Assert.Equal(new LocalTime(13, 0), schedule.Windows[1].Start);
        Assert.Equal(new LocalTime(18, 0), schedule.Windows[1].End);
        Assert.Equal("Mon-Fri 09:00-12:00,13:00-18:00", schedule.ToString());
    }

    [Fact]
    public void Parse_WindowAcrossMidnightAndWholeDays()
    {
        var schedule = WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun");

        Assert.True(schedule.Windows[0].EndsNextDay);
        Assert.Equal(Duration.FromHours(15), schedule.Windows[0].NominalLength);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], schedule.Windows[1].Days);
        Assert.Equal(LocalTime.Midnight, schedule.Windows[1].Start);
        Assert.Equal(LocalTime.Midnight, schedule.Windows[1].End);
        Assert.Equal(Duration.FromDays(1), schedule.Windows[1].NominalLength);
        Assert.Equal("Mon-Fri 18:00-09:00,Sat-Sun", schedule.ToString());
    }

    [Theory]
    [InlineData("sat-mon 10:00-12:00", "Sat-Mon 10:00-12:00")]
    [InlineData("Monday+Wed 08:00-24:00", "Mon+Wed 08:00-00:00")]
    [InlineData(" Tue ,  14:00-15:00 ", "Tue,14:00-15:00")]
    [InlineData("Mon-Sun", "Mon-Sun")]
    [InlineData("Mon-Tue+Thu-Fri 09:00-17:00", "Mon-Tue+Thu-Fri 09:00-17:00")]
    public void Parse_VariantsRoundTrip(string text, string expected)
    {
        var schedule = WeeklySchedule.Parse(text);

        Assert.Equal(expected, schedule.ToString());
        Assert.Equal(schedule, WeeklySchedule.Parse(schedule.ToString()));
    }

    [Fact]
    public void Parse_24x7_IsAllWeek()
    {
        Assert.Same(WeeklySchedule.AllWeek, WeeklySchedule.Parse("24X7"));
        Assert.True(WeeklySchedule.Parse("Mon-Sun").IsAllWeek);
        Assert.False(WeeklySchedule.Parse("Mon-Sat").IsAllWeek);
    }

    [Theory]
    [InlineData("09:00-12:00", "Item 1 ('09:00-12:00')", "has no days")]
    [InlineData("Mon-Fri 09:00-12:00,Mon-Fry 13:00-18:00", "Item 2 ('Mon-Fry 13:00-18:00')", "'Fry' is not a day")]
    [InlineData("Mon-Fri 09:00-25:00", "Item 1 ('Mon-Fri 09:00-25:00')", "'25:00' is not a time")]
    [InlineData("Mon-Fri 9:00-12:00", "Item 1 ('Mon-Fri 9:00-12:00')", "'9:00' is not a time")]
    [InlineData("Mon-Fri 09:00", "Item 1 ('Mon-Fri 09:00')", "not a time range")]
    [InlineData("Mon-Fri,,Sat", "Item 2 ('')", "the item is empty")]
    [InlineData("Mon-Fri 09:00-12:00 extra", "Item 1 ('Mon-Fri 09:00-12:00 extra')", "must be 'DAYS'")]
    [InlineData("Mon--Fri", "Item 1 ('Mon--Fri')", "'Mon--Fri' is not a day or a range")]
    [InlineData("Mon-Fri,13:00-18:00 Sat", "Item 2 ('13:00-18:00 Sat')", "must be 'DAYS'")]
    public void Parse_Invalid_NamesTheItem(string text, string item, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => WeeklySchedule.Parse(text));

        Assert.Contains(item, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.False(WeeklySchedule.TryParse(text, out _, out var error));
        Assert.Equal(ex.Message, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_Fails(string text) =>
        Assert.Contains("empty", Assert.Throws<FormatException>(() => WeeklySchedule.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>("text", () => WeeklySchedule.Parse(null!));

    [Fact]
    public void ParseHolidays_DatesAndInclusiveRanges()
    {
        var holidays = ScheduleSyntax.ParseHolidays("2026-12-24, 2026-12-25/2026-12-26");

        Assert.Equal([new DateInterval(new(2026, 12, 24), new(2026, 12, 24)), new DateInterval(new(2026, 12, 25), new(2026, 12, 26))], holidays);
        Assert.Equal("2026-12-24,2026-12-25/2026-12-26", ScheduleSyntax.FormatHolidays(holidays));
        Assert.Empty(ScheduleSyntax.ParseHolidays(""));
    }

    [Theory]
    [InlineData("2026-12-24,2026-13-01", "Item 2 ('2026-13-01')", "'2026-13-01' is not a date")]
    [InlineData("2026-12-26/2026-12-25", "Item 1 ('2026-12-26/2026-12-25')", "ends before it starts")]
    [InlineData("2026-12-24/2026-12-25/2026-12-26", "Item 1", "more than one '/'")]
    [InlineData("2026-12-24,", "Item 2 ('')", "the item is empty")]
    public void ParseHolidays_Invalid_NamesTheItem(string text, string item, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => ScheduleSyntax.ParseHolidays(text));

        Assert.Contains(item, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDateRanges_LocalDateTimes()
    {
        var ranges = ScheduleSyntax.ParseDateRanges("2026-12-25T18:00/2027-01-06T09:00,2027-05-01T00:00:30/2027-05-02T00:00");

        Assert.Equal(new LocalDateTime(2026, 12, 25, 18, 0), ranges[0].Start);
        Assert.Equal(new LocalDateTime(2027, 1, 6, 9, 0), ranges[0].End);
        Assert.Equal(new LocalDateTime(2027, 5, 1, 0, 0, 30), ranges[1].Start);
        Assert.Equal("2026-12-25T18:00/2027-01-06T09:00,2027-05-01T00:00:30/2027-05-02T00:00", ScheduleSyntax.FormatDateRanges(ranges));
    }

    [Theory]
    [InlineData("2026-12-25T18:00", "Item 1 ('2026-12-25T18:00')", "must be START/END")]
    [InlineData("2026-12-25T18:00/2026-12-25T18:00", "Item 1", "does not end after it starts")]
    [InlineData("2026-12-25T18:00/2027-01-06T09:00,2026-12-25 18:00/2027-01-06T09:00", "Item 2", "'2026-12-25 18:00' is not a local date-time")]
    public void ParseDateRanges_Invalid_NamesTheItem(string text, string item, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => ScheduleSyntax.ParseDateRanges(text));

        Assert.Contains(item, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalDateTimeRange_EndNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>("end", () => new LocalDateTimeRange(new LocalDateTime(2026, 1, 1, 9, 0), new LocalDateTime(2026, 1, 1, 9, 0)));

    [Fact]
    public void WeeklyWindow_NoDays_Throws() =>
        Assert.Throws<ArgumentException>("days", () => new WeeklyWindow([], LocalTime.Noon, LocalTime.Midnight));
}
