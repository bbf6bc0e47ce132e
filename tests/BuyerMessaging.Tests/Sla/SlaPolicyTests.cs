using NodaTime;
using static BuyerMessaging.Tests.TestZones;

namespace BuyerMessaging.Tests;

public sealed class SlaPolicyTests
{
    [Fact]
    public void Amazon_Is24HoursOfElapsedTimeAcrossWeekendsAndDst()
    {
        // Saturday 7 Mar 2026 12:00 PST; the night of the 8th loses an hour, yet Amazon's clock is 24 elapsed hours.
        var start = Local(LosAngeles, 2026, 3, 7, 12);

        var due = SlaPolicy.Amazon.ComputeDueAt(start);

        Assert.Equal(start + Duration.FromHours(24), due);
        Assert.Equal(Local(LosAngeles, 2026, 3, 8, 13), due);
        Assert.False(SlaPolicy.Amazon.AutoReplyStopsClock);
    }

    [Fact]
    public void BusinessHours_ComputeDue_UsesTheCalendar()
    {
        var policy = SlaPolicy.BusinessHours(
            new BusinessCalendar(Berlin, WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00"), ScheduleSyntax.ParseHolidays("2026-12-24,2026-12-25/2026-12-26")),
            Duration.FromHours(8));

        Assert.Equal(Instant.FromUtc(2026, 12, 28, 15, 30), policy.ComputeDueAt(Instant.FromUtc(2026, 12, 23, 15, 30)));
    }

    [Fact]
    public void RemainingAndResume_KeepBusinessTimeAcrossAPause()
    {
        var policy = SlaPolicy.BusinessHours(new BusinessCalendar(Tokyo, WeeklySchedule.Parse("Mon-Fri 09:00-18:00")), Duration.FromHours(8));
        var friday16 = Local(Tokyo, 2026, 12, 4, 16);
        var due = policy.ComputeDueAt(friday16); // 2 h Friday + 6 h Monday -> Monday 15:00

        Assert.Equal(Local(Tokyo, 2026, 12, 7, 15), due);
        // Paused on Friday at 17:00 with 7 business hours left; resumed on Tuesday 10:00 -> Tuesday 17:00.
        var left = policy.RemainingAt(Local(Tokyo, 2026, 12, 4, 17), due);
        Assert.Equal(Duration.FromHours(7), left);
        Assert.Equal(Local(Tokyo, 2026, 12, 8, 17), policy.ResumeAt(Local(Tokyo, 2026, 12, 8, 10), left));
    }

    [Fact]
    public void RemainingAndResume_OverdueStaysOverdueByTheSameAmount()
    {
        var due = TestMail.Start;
        var now = due + Duration.FromHours(3);

        var left = SlaPolicy.Amazon.RemainingAt(now, due);

        Assert.Equal(Duration.FromHours(-3), left);
        var later = now + Duration.FromDays(2);
        Assert.Equal(later - Duration.FromHours(3), SlaPolicy.Amazon.ResumeAt(later, left));
    }

    [Fact]
    public void Validate_ListsEveryFailingMember()
    {
        var policy = new SlaPolicy { Clock = SlaClockKind.BusinessTime, ResponseTime = Duration.Zero, DueSoonThreshold = Duration.FromHours(-1) };

        var errors = policy.Validate("Sla");

        Assert.Equal(["Sla.ResponseTime", "Sla.Calendar", "Sla.DueSoonThreshold"], errors.Select(e => e.Path));
        Assert.Empty(SlaPolicy.Amazon.Validate());
    }

    [Fact]
    public void BusinessTimeWithoutCalendar_ComputeDueThrows() =>
        Assert.Throws<InvalidOperationException>(() => new SlaPolicy { Clock = SlaClockKind.BusinessTime }.ComputeDueAt(TestMail.Start));
}
