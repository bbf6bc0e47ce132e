namespace BuyerMessaging.Cli.Tests;

/// <summary><c>autoreply check</c>: whether an instant is inside an auto-reply schedule, without a database.</summary>
public sealed class AutoReplyCheckTests : IDisposable
{
    private const string AfterHours = "Mon-Fri 18:00-09:00,Sat-Sun";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Check_IssueExample_PrintsTheContractExactly()
    {
        var result = await _cli.OkAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--windows", AfterHours, "--at", "2026-12-24T10:00:00Z", "--json");

        Assert.Equal("{\"inWindow\":true}" + Environment.NewLine, result.Out);
    }

    [Theory]
    // Thursday 19:00 JST, inside Thursday's 18:00-09:00.
    [InlineData("2026-12-24T10:00:00Z", true)]
    // Thursday 10:00 JST: office hours.
    [InlineData("2026-12-24T01:00:00Z", false)]
    // Thursday 08:59 JST: Wednesday's window crosses midnight; 09:00 is its exclusive end; 18:00 its inclusive start.
    [InlineData("2026-12-23T23:59:00Z", true)]
    [InlineData("2026-12-24T00:00:00Z", false)]
    [InlineData("2026-12-24T09:00:00Z", true)]
    [InlineData("2026-12-24T08:59:59Z", false)]
    // Saturday noon: a day range without times is the whole day; Friday's window runs into Saturday.
    [InlineData("2026-12-26T03:00:00Z", true)]
    [InlineData("2026-12-25T23:30:00Z", true)]
    // Sunday 23:59 JST is inside; Monday 05:00 JST is not (Sunday ends at midnight; Monday's window opens at 18:00).
    [InlineData("2026-12-27T14:59:00Z", true)]
    [InlineData("2026-12-27T20:00:00Z", false)]
    public async Task Check_WeeklyWindows_CrossMidnightAndCoverWeekends(string at, bool inWindow)
    {
        var result = await _cli.OkAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--windows", AfterHours, "--at", at, "--json");

        Assert.Equal(inWindow, result.Json().GetProperty("inWindow").GetBoolean());
    }

    [Theory]
    // 2026-12-25T18:00/2027-01-06T09:00 in Asia/Tokyo: start inclusive, end exclusive.
    [InlineData("2026-12-25T09:00:00Z", true)]
    [InlineData("2026-12-25T08:59:00Z", false)]
    [InlineData("2027-01-05T03:00:00Z", true)]
    [InlineData("2027-01-06T00:00:00Z", false)]
    [InlineData("2027-01-05T23:59:00Z", true)]
    public async Task Check_DatesOnly_AreLocalRangesStartInclusiveEndExclusive(string at, bool inWindow)
    {
        var result = await _cli.OkAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--dates", "2026-12-25T18:00/2027-01-06T09:00", "--at", at, "--json");

        Assert.Equal(inWindow, result.Json().GetProperty("inWindow").GetBoolean());
    }

    [Fact]
    public async Task Check_WindowsAndDates_EitherOneCounts()
    {
        // Monday 2026-12-28 12:00 JST: office hours, but inside the year-end range.
        var result = await _cli.OkAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--windows", AfterHours, "--dates", "2026-12-25T18:00/2027-01-06T09:00", "--at", "2026-12-28T03:00:00Z", "--json");

        Assert.True(result.Json().GetProperty("inWindow").GetBoolean());
    }

    [Theory]
    // America/Los_Angeles, spring forward 2026-03-08: Sunday 02:00-04:00 opens at 03:00 PDT (10:00Z), moved by the gap.
    [InlineData("America/Los_Angeles", "Sun 02:00-04:00", "2026-03-08T09:59:00Z", false)]
    [InlineData("America/Los_Angeles", "Sun 02:00-04:00", "2026-03-08T10:00:00Z", true)]
    [InlineData("America/Los_Angeles", "Sun 02:00-04:00", "2026-03-08T11:00:00Z", false)]
    // Fall back 2026-11-01: 01:00-01:45 happens twice; the window is the earlier one (PDT).
    [InlineData("America/Los_Angeles", "Sun 01:00-01:45", "2026-11-01T08:30:00Z", true)]
    [InlineData("America/Los_Angeles", "Sun 01:00-01:45", "2026-11-01T09:30:00Z", false)]
    // Europe/Berlin, fall back 2026-10-25: 02:00-02:30 is the first (CEST) half hour only.
    [InlineData("Europe/Berlin", "Sun 02:00-02:30", "2026-10-25T00:15:00Z", true)]
    [InlineData("Europe/Berlin", "Sun 02:00-02:30", "2026-10-25T01:15:00Z", false)]
    // Midnight-crossing over the spring-forward night: Saturday 22:00 CET to Sunday 06:00 CEST (04:00Z).
    [InlineData("Europe/Berlin", "Sat 22:00-06:00", "2026-03-29T03:30:00Z", true)]
    [InlineData("Europe/Berlin", "Sat 22:00-06:00", "2026-03-29T04:00:00Z", false)]
    [InlineData("Europe/Berlin", "Sat 22:00-06:00", "2026-03-28T20:59:00Z", false)]
    public async Task Check_DstDays_UseWallClockTimesInTheZone(string zone, string windows, string at, bool inWindow)
    {
        var result = await _cli.OkAsync("autoreply", "check", "--zone", zone, "--windows", windows, "--at", at, "--json");

        Assert.Equal(inWindow, result.Json().GetProperty("inWindow").GetBoolean());
    }

    [Fact]
    public async Task Check_Text_SaysWhyInLocalTime()
    {
        var result = await _cli.OkAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--windows", AfterHours, "--at", "2026-12-24T01:00:00Z");

        Assert.Contains("not in window", result.Out, StringComparison.Ordinal);
        Assert.Contains("Thu 2026-12-24 10:00 JST (Asia/Tokyo)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--windows", "Mon-Fri 18:00-09:00,Sat-Sonntag", "--windows: Item 2 ('Sat-Sonntag') of \"Mon-Fri 18:00-09:00,Sat-Sonntag\" is not a valid window: 'Sonntag' is not a day")]
    [InlineData("--windows", "Mon-Fri 18:00-9:00", "--windows: Item 1 ('Mon-Fri 18:00-9:00')")]
    [InlineData("--dates", "2026-12-25T18:00/2027-01-06T09:00,2027-02-01", "--dates: Item 2 ('2027-02-01')")]
    [InlineData("--dates", "2026-12-25T18:00/2026-12-25T09:00", "it does not end after it starts")]
    [InlineData("--dates", "2026-12-25 18:00/2027-01-06T09:00", "'2026-12-25 18:00' is not a local date-time")]
    [InlineData("--zone", "JST", "--zone: 'JST' is not an IANA time zone")]
    [InlineData("--at", "2026-12-24 10:00", "--at: '2026-12-24 10:00' is not an instant")]
    [InlineData("--at", "9999-12-31T23:59:59Z", "--at: '9999-12-31T23:59:59Z' is too far in the past or the future; give an instant from 0001-01-03T00:00:00Z to 9999-12-29T00:00:00Z.")]
    [InlineData("--at", "0001-01-01T00:00:00+01:00", "--at: '0001-01-01T00:00:00+01:00' is too far in the past or the future")]
    public async Task Check_BadValue_FailsNamingTheOptionAndItem(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--zone"] = "Asia/Tokyo",
            ["--windows"] = AfterHours,
            ["--at"] = "2026-12-24T10:00:00Z",
        };
        args[option] = value;

        var result = await _cli.RunAsync(["autoreply", "check", .. args.SelectMany(a => new[] { a.Key, a.Value }), "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoWindowsNorDates_IsAUsageError()
    {
        var result = await _cli.RunAsync("autoreply", "check", "--zone", "Asia/Tokyo", "--at", "2026-12-24T10:00:00Z");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--windows or --dates is required", result.Err, StringComparison.Ordinal);
    }
}
