namespace BuyerMessaging.Cli.Tests;

/// <summary><c>sla due</c>: business time on a calendar, without a database.</summary>
public sealed class SlaDueTests : IDisposable
{
    private const string SplitShift = "Mon-Fri 09:00-12:00,13:00-18:00";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Due_IssueExample_PrintsTheContractExactly()
    {
        var result = await _cli.OkAsync("sla", "due", "--zone", "Europe/Berlin", "--calendar", SplitShift, "--holidays", "2026-12-24,2026-12-25/2026-12-26", "--start", "2026-12-23T15:30:00Z", "--hours", "8", "--json");

        Assert.Equal("{\"due\":\"2026-12-28T15:30:00Z\"}" + Environment.NewLine, result.Out);
        Assert.Empty(result.Err);
    }

    [Theory]
    // 24x7: Amazon's clock counts nights, weekends and holidays.
    [InlineData("Europe/Berlin", "24x7", null, "2026-12-23T15:30:00Z", "8", "2026-12-23T23:30:00Z")]
    [InlineData("Asia/Tokyo", "24x7", null, "2026-12-31T20:00:00Z", "24", "2027-01-01T20:00:00Z")]
    [InlineData("America/Los_Angeles", "24x7", null, "2026-03-07T20:00:00Z", "24", "2026-03-08T20:00:00Z")]
    [InlineData("Europe/Berlin", "24x7", null, "2026-12-23T15:30:00Z", "0.1", "2026-12-23T15:36:00Z")]
    // Without the holidays the example is due on Thursday.
    [InlineData("Europe/Berlin", SplitShift, null, "2026-12-23T15:30:00Z", "8", "2026-12-24T15:30:00Z")]
    // Business time that runs out exactly at the end of a window: that end is the due instant.
    [InlineData("Europe/Berlin", SplitShift, null, "2026-12-23T15:30:00Z", "1.5", "2026-12-23T17:00:00Z")]
    // Split shift: 11:00-12:00, lunch, 13:00-14:00 CET.
    [InlineData("Europe/Berlin", SplitShift, null, "2026-11-23T10:00:00Z", "2", "2026-11-23T13:00:00Z")]
    // Arrival during lunch and at night count from the next opening.
    [InlineData("Europe/Berlin", SplitShift, null, "2026-11-23T11:30:00Z", "1", "2026-11-23T13:00:00Z")]
    [InlineData("Europe/Berlin", SplitShift, null, "2026-11-23T22:00:00Z", "1", "2026-11-24T09:00:00Z")]
    // Arrival on Saturday: Monday 09:00-12:00, 13:00-14:30 CET.
    [InlineData("Europe/Berlin", SplitShift, null, "2026-11-28T12:00:00Z", "4.5", "2026-11-30T13:30:00Z")]
    // Asia/Tokyo has no DST: Thursday 17:00-18:00 JST, Friday 09:00-10:00.
    [InlineData("Asia/Tokyo", "Mon-Fri 09:00-18:00", null, "2026-12-24T08:00:00Z", "2", "2026-12-25T01:00:00Z")]
    [InlineData("Asia/Tokyo", "Mon-Fri 09:00-18:00", "2026-12-25", "2026-12-24T08:00:00Z", "2", "2026-12-28T01:00:00Z")]
    // A window that crosses midnight: Friday 22:00 to Saturday 06:00 CET, then Monday 22:00.
    [InlineData("Europe/Berlin", "Mon-Fri 22:00-06:00", null, "2026-11-27T21:00:00Z", "10", "2026-11-30T23:00:00Z")]
    // A holiday on Saturday cuts Friday's night window at midnight; the due instant is the end of Monday's.
    [InlineData("Europe/Berlin", "Mon-Fri 22:00-06:00", "2026-11-28", "2026-11-27T21:00:00Z", "10", "2026-12-01T05:00:00Z")]
    // An item without times is the whole day.
    [InlineData("Europe/Berlin", "Sat-Sun", null, "2026-11-27T12:00:00Z", "25", "2026-11-29T00:00:00Z")]
    public async Task Due_Calendars_ComputeBusinessTime(string zone, string calendar, string? holidays, string start, string hours, string due)
    {
        string[] args = ["sla", "due", "--zone", zone, "--calendar", calendar, "--start", start, "--hours", hours, "--json"];
        if (holidays is not null)
        {
            args = [.. args, "--holidays", holidays];
        }

        var result = await _cli.OkAsync(args);

        Assert.Equal(due, result.Json().GetProperty("due").GetString());
    }

    [Theory]
    // Europe/Berlin, spring forward on 2026-03-29 (02:00 CET -> 03:00 CEST): Sunday 01:00-05:00 is 3 hours.
    [InlineData("Europe/Berlin", "Sun 01:00-05:00", "2026-03-29T00:00:00Z", "3", "2026-03-29T03:00:00Z")]
    [InlineData("Europe/Berlin", "Sun 01:00-05:00", "2026-03-29T00:00:00Z", "3.5", "2026-04-04T23:30:00Z")]
    // A window that opens in the gap (02:30 does not exist) opens at 03:30 CEST, moved forward by the gap.
    [InlineData("Europe/Berlin", "Sun 02:30-06:00", "2026-03-29T00:00:00Z", "1", "2026-03-29T02:30:00Z")]
    // Fall back on 2026-10-25 (03:00 CEST -> 02:00 CET): Sunday 01:00-05:00 is 5 hours.
    [InlineData("Europe/Berlin", "Sun 01:00-05:00", "2026-10-24T23:00:00Z", "5", "2026-10-25T04:00:00Z")]
    // Midnight-crossing window over the spring-forward night: Saturday 22:00 CET to Sunday 06:00 CEST is 7 hours.
    [InlineData("Europe/Berlin", "Sat 22:00-06:00", "2026-03-28T21:00:00Z", "7", "2026-03-29T04:00:00Z")]
    // America/Los_Angeles, spring forward on 2026-03-08 (02:00 PST -> 03:00 PDT): Sunday 00:00-12:00 is 11 hours.
    [InlineData("America/Los_Angeles", "Sun 00:00-12:00", "2026-03-08T08:00:00Z", "11", "2026-03-08T19:00:00Z")]
    // Across the weekend of the change: Friday 16:00 PST, one hour Friday, one Monday from 09:00 PDT.
    [InlineData("America/Los_Angeles", "Mon-Fri 09:00-17:00", "2026-03-07T00:00:00Z", "2", "2026-03-09T17:00:00Z")]
    // Fall back on 2026-11-01 (02:00 PDT -> 01:00 PST): Sunday 00:00-12:00 is 13 hours.
    [InlineData("America/Los_Angeles", "Sun 00:00-12:00", "2026-11-01T07:00:00Z", "13", "2026-11-01T20:00:00Z")]
    // A window that opens at an ambiguous time (01:30 happens twice) opens at the earlier one, 01:30 PDT.
    [InlineData("America/Los_Angeles", "Sun 01:30-03:00", "2026-11-01T08:00:00Z", "1", "2026-11-01T09:30:00Z")]
    [InlineData("America/Los_Angeles", "Sun 01:30-03:00", "2026-11-01T08:00:00Z", "2.5", "2026-11-01T11:00:00Z")]
    public async Task Due_DstDays_CountElapsedTimeInsideWallClockWindows(string zone, string calendar, string start, string hours, string due)
    {
        var result = await _cli.OkAsync("sla", "due", "--zone", zone, "--calendar", calendar, "--start", start, "--hours", hours, "--json");

        Assert.Equal(due, result.Json().GetProperty("due").GetString());
    }

    [Fact]
    public async Task Due_StartWithOffset_IsTheSameInstant()
    {
        var result = await _cli.OkAsync("sla", "due", "--zone", "Europe/Berlin", "--calendar", SplitShift, "--holidays", "2026-12-24,2026-12-25/2026-12-26", "--start", "2026-12-23T16:30:00+01:00", "--hours", "8", "--json");

        Assert.Equal("2026-12-28T15:30:00Z", result.Json().GetProperty("due").GetString());
    }

    [Fact]
    public async Task Due_Text_ShowsTheInstantAndTheLocalTime()
    {
        var result = await _cli.OkAsync("sla", "due", "--zone", "Europe/Berlin", "--calendar", SplitShift, "--holidays", "2026-12-24,2026-12-25/2026-12-26", "--start", "2026-12-23T15:30:00Z", "--hours", "8");

        Assert.StartsWith("2026-12-28T15:30:00Z", result.Out, StringComparison.Ordinal);
        Assert.Contains("Mon 2026-12-28 16:30 CET (Europe/Berlin)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--calendar", "Mon-Fri 09:00-12:00,13:00-25:00", "--calendar: Item 2 ('13:00-25:00') of \"Mon-Fri 09:00-12:00,13:00-25:00\" is not a valid window: '25:00' is not a time")]
    [InlineData("--calendar", "Mon-Fry 09:00-18:00", "--calendar: Item 1 ('Mon-Fry 09:00-18:00')")]
    [InlineData("--calendar", "Mon-Fry 09:00-18:00", "'Fry' is not a day")]
    [InlineData("--calendar", "09:00-18:00", "it has no days")]
    [InlineData("--calendar", "Mon-Fri 09:00-12:00,,13:00-18:00", "Item 2 ('') of")]
    [InlineData("--holidays", "2026-12-24,2026-13-01", "--holidays: Item 2 ('2026-13-01')")]
    [InlineData("--holidays", "2026-12-26/2026-12-25", "Item 1 ('2026-12-26/2026-12-25') of \"2026-12-26/2026-12-25\" is not a valid holiday: it ends before it starts")]
    [InlineData("--zone", "Mars/Olympus", "--zone: 'Mars/Olympus' is not an IANA time zone")]
    [InlineData("--start", "yesterday", "--start: 'yesterday' is not an instant")]
    [InlineData("--start", "2026-12-23T15:30:00", "--start: '2026-12-23T15:30:00' is not an instant")]
    [InlineData("--hours", "-1", "--hours: -1 is out of range")]
    [InlineData("--hours", "8,5", "--hours: '8,5' is not a number of hours")]
    [InlineData("--hours", "100000", "--hours: 100000 is out of range")]
    [InlineData("--start", "9999-12-31T00:00:00Z", "--start: '9999-12-31T00:00:00Z' is too far in the past or the future")]
    public async Task Due_BadValue_FailsNamingTheOptionAndItem(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--zone"] = "Europe/Berlin",
            ["--calendar"] = SplitShift,
            ["--start"] = "2026-12-23T15:30:00Z",
            ["--hours"] = "8",
        };
        args[option] = value;

        var result = await _cli.RunAsync(["sla", "due", .. args.SelectMany(a => new[] { a.Key, a.Value }), "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_HolidaysCoverEveryWindow_FailsWithTheReason()
    {
        var result = await _cli.RunAsync("sla", "due", "--zone", "Europe/Berlin", "--calendar", "Mon 09:00-10:00", "--holidays", "2026-01-01/2050-12-31", "--start", "2026-12-23T15:30:00Z", "--hours", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holidays cover every window", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_AmountLongerThanTheSearchLimit_OnAnOrdinaryCalendar_IsComputed()
    {
        // 87,600 business hours at 45 a week (Tokyo has no DST) are 1946 weeks and 30 hours: from Thursday 17:00 JST,
        // 1946 weeks later, Thu 17-18, Fri, Mon, Tue (29 h), then Wednesday 09:00-11:00. More than the 20 years
        // (BusinessCalendar.MaxSearchDays) the search once allowed in all, although no day of it lacks business time.
        var result = await _cli.OkAsync("sla", "due", "--zone", "Asia/Tokyo", "--calendar", "Mon-Fri 09:00-18:00", "--start", "2026-12-24T08:00:00Z", "--hours", "87600", "--json");

        Assert.Equal("{\"due\":\"2064-04-16T02:00:00Z\"}" + Environment.NewLine, result.Out);
    }

    [Theory]
    [InlineData("24x7", "9999-12-28T00:00:00Z", "96")]
    [InlineData("Mon 09:00-09:01", "2026-12-23T15:30:00Z", "87600")]
    public async Task Due_PastTheYear9999_FailsNamingHours(string calendar, string start, string hours)
    {
        var result = await _cli.RunAsync("sla", "due", "--zone", "Asia/Tokyo", "--calendar", calendar, "--start", start, "--hours", hours, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"--hours: {hours} hours of business time after {start} would end after the year 9999.", result.Json().Str("error"));
    }

    [Fact]
    public async Task Due_MissingOption_IsAUsageError()
    {
        var result = await _cli.RunAsync("sla", "due", "--zone", "Europe/Berlin", "--calendar", "24x7", "--hours", "8");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--start", result.Err, StringComparison.Ordinal);
    }
}
