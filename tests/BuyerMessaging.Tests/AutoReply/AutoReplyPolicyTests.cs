using NodaTime;

namespace BuyerMessaging.Tests;

public sealed class AutoReplyPolicyTests
{
    private static readonly AutoReplySchedule Nights = new(TestZones.Tokyo, WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun"));

    [Theory]
    [InlineData(5, 30, 0.0, 5 * 60)]
    [InlineData(5, 30, 0.5, (5 * 60) + (25 * 30))]
    [InlineData(5, 30, 0.9999999, (30 * 60) - 1)]
    [InlineData(5, 30, 1.0, 30 * 60)]
    [InlineData(0, 60, 0.25, 15 * 60)]
    [InlineData(10, 10, 0.7, 10 * 60)]
    [InlineData(0, 0, 0.7, 0)]
    public void DelayFor_IsBetweenMinAndMax(int min, int max, double random, int seconds)
    {
        var policy = new AutoReplyPolicy { Schedule = Nights, MinDelayMinutes = min, MaxDelayMinutes = max };

        Assert.Equal(Duration.FromSeconds(seconds), policy.DelayFor(random));
    }

    [Fact]
    public void Validate_ListsEveryFailingMember()
    {
        var policy = new AutoReplyPolicy
        {
            Schedule = new AutoReplySchedule(TestZones.Tokyo),
            MinDelayMinutes = 61,
            MaxDelayMinutes = -1,
            ConversationCooldown = Duration.FromHours(-1),
            BuyerCooldown = Duration.FromHours(-1),
        };

        var errors = policy.Validate("AutoReply");

        Assert.Equal(
            ["AutoReply.Schedule", "AutoReply.MinDelayMinutes", "AutoReply.MaxDelayMinutes", "AutoReply.FirstContact", "AutoReply.ConversationCooldown", "AutoReply.BuyerCooldown"],
            errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_MaxBelowMin_NamesMax()
    {
        var policy = new AutoReplyPolicy { Schedule = Nights, MinDelayMinutes = 30, MaxDelayMinutes = 10, FirstContact = TemplateSelection.Always(new("t")) };

        Assert.Equal("AutoReplyPolicy.MaxDelayMinutes", Assert.Single(policy.Validate()).Path);
    }

    [Fact]
    public void Validate_PausedPolicyNeedsNoTemplate()
    {
        var policy = new AutoReplyPolicy { Schedule = new AutoReplySchedule(TestZones.Tokyo), Enabled = false };

        Assert.Empty(policy.Validate());
    }

    [Fact]
    public void TemplateSelection_PerTypeThenDefault()
    {
        var selection = new TemplateSelection
        {
            Default = new("generic"),
            ByMessageType = new Dictionary<BuyerMessageType, TemplateId> { [BuyerMessageType.ReturnRequest] = new("returns") },
        };

        Assert.Equal(new TemplateId("returns"), selection.Select(BuyerMessageType.ReturnRequest));
        Assert.Equal(new TemplateId("generic"), selection.Select(BuyerMessageType.ShippingInquiry));
        Assert.Null(new TemplateSelection().Select(BuyerMessageType.Other));
        Assert.True(new TemplateSelection().IsEmpty);
    }

    [Fact]
    public void SmartReplyPolicy_Validate()
    {
        var tooMany = new SmartReplyPolicy { Templates = [.. Enumerable.Range(1, 11).Select(i => new TemplateId($"t{i}"))] };
        var none = new SmartReplyPolicy();
        var twice = new SmartReplyPolicy { Templates = [new("a"), new("a")], ReplyAfter = Duration.FromDays(8) };

        Assert.Contains("at most 10", Assert.Single(tooMany.Validate()).Message, StringComparison.Ordinal);
        Assert.Equal("SmartReplyPolicy.Templates", Assert.Single(none.Validate()).Path);
        Assert.Equal(["SmartReplyPolicy.Templates", "SmartReplyPolicy.ReplyAfter"], twice.Validate().Select(e => e.Path));
        Assert.Equal(Duration.FromHours(18), none.ReplyAfter);
    }
}
