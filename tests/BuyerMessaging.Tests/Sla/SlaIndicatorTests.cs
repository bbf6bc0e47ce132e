using NodaTime;

namespace BuyerMessaging.Tests;

public sealed class SlaIndicatorTests
{
    private static readonly Instant Now = TestMail.Start;

    private static Conversation Conversation(Instant? due = null, Duration? paused = null, ConversationStatus status = ConversationStatus.Open) => new()
    {
        Id = new("c1"),
        StoreId = TestMail.Northwind,
        ChannelId = TestMail.AmazonUs,
        Buyer = new Buyer("Jane", "jane@marketplace.amazon.com", true),
        FirstInboundAt = Now,
        LastInboundAt = Now,
        UpdatedAt = Now,
        Status = status,
        SlaDueAt = due,
        SlaPausedRemaining = paused,
    };

    [Theory]
    [InlineData(23 * 60 + 59, 23, "23h left", "残り23時間")]
    [InlineData(5 * 60, 5, "5h left", "残り5時間")]
    [InlineData(59, 0, "0h left", "残り0時間")]
    [InlineData(72 * 60, 72, "72h left", "残り72時間")]
    public void Remaining_ShowsWholeHoursLeft(int minutes, int hours, string english, string japanese)
    {
        var indicator = SlaIndicator.Of(Conversation(Now + Duration.FromMinutes(minutes)), Now);

        Assert.Equal(SlaState.Remaining, indicator.State);
        Assert.Equal(hours, indicator.HoursLeft);
        Assert.Equal(english, indicator.ToString());
        Assert.Equal(japanese, indicator.Format("ja-JP"));
    }

    [Theory]
    [InlineData(0, 0, 0, "+0d 0h overdue", "期限切れ+0日(0時間)")]
    [InlineData(5 * 60 + 30, 0, 5, "+0d 5h overdue", "期限切れ+0日(5時間)")]
    [InlineData(26 * 60, 1, 2, "+1d 2h overdue", "期限切れ+1日(2時間)")]
    [InlineData(3 * 24 * 60 + 1, 3, 0, "+3d 0h overdue", "期限切れ+3日(0時間)")]
    public void Overdue_ShowsDaysAndHours(int minutesOver, int days, int hours, string english, string japanese)
    {
        var indicator = SlaIndicator.Of(Conversation(Now - Duration.FromMinutes(minutesOver)), Now);

        Assert.Equal(SlaState.Overdue, indicator.State);
        Assert.Equal(days, indicator.DaysOverdue);
        Assert.Equal(hours, indicator.HoursOverdue);
        Assert.Equal(english, indicator.ToString());
        Assert.Equal(japanese, indicator.Format("ja"));
    }

    [Fact]
    public void Paused_IsBlankAwaitingBuyer()
    {
        var indicator = SlaIndicator.Of(Conversation(paused: Duration.FromHours(3), status: ConversationStatus.AwaitingBuyer), Now);

        Assert.Equal(SlaState.AwaitingBuyer, indicator.State);
        Assert.Equal(string.Empty, indicator.ToString());
        Assert.Equal(string.Empty, indicator.Format("ja"));
    }

    [Fact]
    public void ResolvedWithPausedClock_IsBlankNone() =>
        Assert.Equal(SlaState.None, SlaIndicator.Of(Conversation(paused: Duration.FromHours(3), status: ConversationStatus.Resolved), Now).State);

    [Fact]
    public void RepliedAndAwaitingBuyer_IsBlankAwaitingBuyer() =>
        Assert.Equal(SlaState.AwaitingBuyer, SlaIndicator.Of(Conversation(status: ConversationStatus.AwaitingBuyer), Now).State);

    [Fact]
    public void NoClock_IsBlankNone()
    {
        var indicator = SlaIndicator.Of(Conversation(), Now);

        Assert.Equal(SlaState.None, indicator.State);
        Assert.Equal(string.Empty, indicator.ToString());
    }

    [Fact]
    public void Of_Null_Throws() => Assert.Throws<ArgumentNullException>("conversation", () => SlaIndicator.Of(null!, Now));
}
