using NodaTime;

namespace BuyerMessaging.Tests;

public sealed class ChannelPoliciesJsonTests
{
    private static ChannelPolicies Sample() => new()
    {
        ChannelId = TestMail.Support,
        Sla = SlaPolicy.BusinessHours(
            new BusinessCalendar(TestZones.Berlin, WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00"), ScheduleSyntax.ParseHolidays("2026-12-24,2026-12-25/2026-12-26")),
            Duration.FromHours(16)) with { AutoReplyStopsClock = true, DueSoonThreshold = Duration.FromHours(2) },
        AutoReply = new AutoReplyPolicy
        {
            Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun"), ScheduleSyntax.ParseDateRanges("2026-12-25T18:00/2027-01-06T09:00")),
            MinDelayMinutes = 3,
            MaxDelayMinutes = 45,
            FirstContact = new TemplateSelection
            {
                Default = new("welcome"),
                ByMessageType = new Dictionary<BuyerMessageType, TemplateId> { [BuyerMessageType.ReturnRequest] = new("returns-closed") },
            },
            FollowUp = TemplateSelection.Always(new("follow-up")),
            ConversationCooldown = Duration.FromHours(12),
            BuyerCooldown = Duration.FromHours(6),
        },
        SmartReply = new SmartReplyPolicy { Templates = [new("tracking"), new("returns")], ReplyAfter = Duration.FromHours(17) },
    };

    [Fact]
    public void RoundTrip_DurationsThatAreNotWholeSeconds_ComeBackUnchanged_WholeOnesAreWrittenWhole()
    {
        var sample = Sample();
        var odd = sample with
        {
            Sla = sample.Sla! with { ResponseTime = Duration.FromMilliseconds(1500), DueSoonThreshold = Duration.FromTicks(1) },
            AutoReply = sample.AutoReply! with { ConversationCooldown = Duration.FromMilliseconds(250) },
            SmartReply = sample.SmartReply! with { ReplyAfter = Duration.FromHours(17) + Duration.FromTicks(3) },
        };

        var back = ChannelPoliciesJson.Deserialize(ChannelPoliciesJson.Serialize(odd));
        var whole = ChannelPoliciesJson.Serialize(sample);

        Assert.Equal(Duration.FromMilliseconds(1500), back.Sla!.ResponseTime);
        Assert.Equal(Duration.FromTicks(1), back.Sla.DueSoonThreshold);
        Assert.Equal(Duration.FromMilliseconds(250), back.AutoReply!.ConversationCooldown);
        Assert.Equal(Duration.FromHours(17) + Duration.FromTicks(3), back.SmartReply!.ReplyAfter);
        Assert.Contains("\"replyAfterSeconds\":61200", whole.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(Duration.FromHours(17), ChannelPoliciesJson.Deserialize(whole.Replace("61200", "61200.0", StringComparison.Ordinal)).SmartReply!.ReplyAfter);
    }

    [Fact]
    public void RoundTrip_KeepsEveryMember()
    {
        var json = ChannelPoliciesJson.Serialize(Sample());
        var back = ChannelPoliciesJson.Deserialize(json);

        Assert.Equal(TestMail.Support, back.ChannelId);
        Assert.Equal(SlaClockKind.BusinessTime, back.Sla!.Clock);
        Assert.Equal(Duration.FromHours(16), back.Sla.ResponseTime);
        Assert.Equal("Europe/Berlin", back.Sla.Calendar!.Zone.Id);
        Assert.Equal("Mon-Fri 09:00-12:00,13:00-18:00", back.Sla.Calendar.Hours.ToString());
        Assert.Equal("2026-12-24,2026-12-25/2026-12-26", ScheduleSyntax.FormatHolidays(back.Sla.Calendar.Holidays));
        Assert.True(back.Sla.AutoReplyStopsClock);
        Assert.Equal(Duration.FromHours(2), back.Sla.DueSoonThreshold);
        var auto = back.AutoReply!;
        Assert.Equal("Asia/Tokyo Mon-Fri 18:00-09:00,Sat-Sun dates 2026-12-25T18:00/2027-01-06T09:00", auto.Schedule.ToString());
        Assert.Equal((3, 45), (auto.MinDelayMinutes, auto.MaxDelayMinutes));
        Assert.Equal(new TemplateId("returns-closed"), auto.FirstContact.Select(BuyerMessageType.ReturnRequest));
        Assert.Equal(new TemplateId("welcome"), auto.FirstContact.Select(BuyerMessageType.Other));
        Assert.Equal(new TemplateId("follow-up"), auto.FollowUp.Default);
        Assert.Equal((Duration.FromHours(12), Duration.FromHours(6)), (auto.ConversationCooldown, auto.BuyerCooldown));
        Assert.Equal([new TemplateId("tracking"), new TemplateId("returns")], back.SmartReply!.Templates);
        Assert.Equal(Duration.FromHours(17), back.SmartReply.ReplyAfter);
        Assert.Equal(json, ChannelPoliciesJson.Serialize(back));
    }

    [Theory]
    [InlineData("{\"channelId\":\"x\",\"autoReply\":{\"zone\":\"Mars/Olympus\"}}", "autoReply: 'Mars/Olympus' is not a known time zone")]
    [InlineData("{\"channelId\":\"x\",\"sla\":{\"calendar\":\"Mon-Fry\"}}", "sla: Item 1 ('Mon-Fry')")]
    [InlineData("{\"channelId\":\"x\",\"autoReply\":{\"zone\":\"UTC\",\"firstContact\":{\"byMessageType\":{\"Nope\":\"t\"}}}}", "autoReply: 'Nope' is not a buyer message type")]
    [InlineData("{\"channelId\":\" \"}", "channelId:")]
    [InlineData("{not json", "not valid JSON")]
    public void Deserialize_Invalid_NamesTheMember(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => ChannelPoliciesJson.Deserialize(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyDirectory_SaveAsync_ValidatesAndNeedsTheChannel()
    {
        var store = new InMemoryConversationStore();
        await TestMail.ConfigureAsync(store);
        var directory = new PolicyDirectory(store, new InMemoryTemplateSource(
            new[] { "welcome", "returns-closed", "follow-up", "tracking", "returns" }.Select(id => new Template { Id = new(id), Name = id, Language = "en", Body = "Hello." })));

        var invalid = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonUs,
            Sla = new SlaPolicy { ResponseTime = Duration.Zero },
            SmartReply = new SmartReplyPolicy(),
        }));
        Assert.Equal(["Sla.ResponseTime", "SmartReply.Templates"], invalid.Errors.Select(e => e.Path));
        var missing = await Assert.ThrowsAsync<DefinitionValidationException>(() => directory.SaveAsync(Sample() with { ChannelId = new("nope") }));
        Assert.Equal("ChannelId", Assert.Single(missing.Errors).Path);

        await directory.SaveAsync(Sample());
        Assert.Equal(Duration.FromHours(17), (await directory.GetAsync(TestMail.Support))!.SmartReply!.ReplyAfter);
        Assert.Null(await directory.GetAsync(TestMail.AmazonUs));
    }
}
