using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

/// <summary>The content check on the outbound paths: replies recorded or sent by a person, auto-replies and smart replies.</summary>
public sealed class ContentCheckWiringTests : IAsyncLifetime
{
    private static readonly AgentId Kim = new("kim");
    private readonly FakeClock _clock = new(TestMail.Start); // Friday 18:00 in Tokyo: the auto-reply window is open
    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingSender _sender = new();
    private readonly RecordingEventHandler _events = new();
    private readonly InMemoryTemplateSource _templates = new(
    [
        new Template { Id = new("closed-bad"), Name = "Closed", Language = "ja", Body = "営業時間外です。お急ぎの方は info@sakura-home.example までご連絡ください。" },
        new Template { Id = new("tracking-bad"), Name = "Tracking", Language = "en", Subject = "Your parcel", Body = "Hello {{ buyer_name }}, visit https://northwind.example/track for your parcel.", Examples = ["where is my parcel"] },
    ]);

    private InboxAutomation _automation = null!;
    private ConversationIngestor _ingestor = null!;
    private ConversationEditor _editor = null!;

    public async Task InitializeAsync()
    {
        await TestMail.ConfigureAsync(_store);
        _automation = new InboxAutomation(null, Options.Create(new InboxAutomationOptions { Randomizer = () => 0 }));
        _ingestor = new ConversationIngestor(_store, _clock, null, null, _automation);
        _editor = new ConversationEditor(_store, _clock, _automation);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RecordReplyAsync_BlockedText_ThrowsWithTheFindings_AndRecordsNothing()
    {
        var id = await IngestAsync(TestMail.Relay());

        var ex = await Assert.ThrowsAsync<ContentBlockedException>(() =>
            _editor.RecordReplyAsync(id, new OutboundReply { Text = "Sorry! Please leave us a 5-star review and we will refund you." }, Kim));

        Assert.Contains(ex.Blocks, f => f.RuleId == ContentRuleIds.PositiveReviewRequest);
        Assert.Contains("positive-review-request", ex.Message, StringComparison.Ordinal);
        var c = (await _store.GetConversationAsync(id))!;
        Assert.Equal((0, 1), (c.SellerReplyCount, c.MessageCount));
    }

    [Fact]
    public async Task SendReplyAsync_BlockedText_ThrowsAndQueuesNothing()
    {
        var id = await IngestAsync(TestMail.Relay());

        await Assert.ThrowsAsync<ContentBlockedException>(() =>
            _editor.SendReplyAsync(id, new OutboundReply { Text = "Call us at +1 206 555 0100." }, Kim));

        Assert.Empty(await _store.QueryWorkAsync(new WorkItemQuery { Kinds = [WorkKinds.Send] }));
    }

    [Fact]
    public async Task CheckReplyAsync_ReturnsWarnings_AndTheReplyIsStillRecorded()
    {
        var id = await IngestAsync(TestMail.Relay());
        var reply = new OutboundReply { Text = "This is an automated reply. Your parcel left our warehouse today and arrives on Monday." };

        var result = await _editor.CheckReplyAsync(id, reply);
        await _editor.RecordReplyAsync(id, reply, Kim);

        var warning = Assert.Single(result.Findings);
        Assert.Equal((ContentRuleIds.AutomatedWording, ContentSeverity.Warn), (warning.RuleId, warning.Severity));
        Assert.Equal(1, (await _store.GetConversationAsync(id))!.SellerReplyCount);
    }

    [Fact]
    public async Task Replies_OnASupportMailbox_AreNotCheckedAgainstAmazonsRules()
    {
        var id = await IngestAsync(TestMail.Mail());
        var reply = new OutboundReply { Text = "Please call us at +1 206 555 0100 or see https://northwind.example/manual." };

        Assert.Empty((await _editor.CheckReplyAsync(id, reply)).Findings);
        await _editor.RecordReplyAsync(id, reply, Kim);
    }

    [Fact]
    public async Task ReplySubject_OnlyAnExplicitSubjectIsChecked()
    {
        var id = await IngestAsync(TestMail.Relay(subject: "Coupon code did not work"));

        await _editor.RecordReplyAsync(id, new OutboundReply { Text = "We are sorry. We have refunded the difference today." }, Kim);
        await Assert.ThrowsAsync<ContentBlockedException>(() =>
            _editor.RecordReplyAsync(id, new OutboundReply { Subject = "Your coupon code for next time", Text = "We are sorry." }, Kim));
    }

    [Fact]
    public async Task AutoReply_FromABlockedTemplate_FailsTheSendAtOnce_WithTheReasonAndAnEvent()
    {
        await new PolicyDirectory(_store, _templates).SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonJp,
            AutoReply = new AutoReplyPolicy
            {
                Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun"), []),
                MinDelayMinutes = 5,
                MaxDelayMinutes = 5,
                FirstContact = TemplateSelection.Always(new("closed-bad")),
            },
        });
        var id = await IngestAsync(TestMail.Relay(
            alias: "sakurabuyer0001@marketplace.amazon.co.jp", subject: "Amazon.co.jp のお客様からの問い合わせ", text: "荷物はいつ届きますか？",
            to: "amazon-jp@sakura-home.example", marketplace: "JP") with { Language = "ja" });

        _clock.Advance(Duration.FromMinutes(5));
        await Worker().RunUntilIdleAsync();

        AssertSendFailed(id, ContentRuleIds.EmailAddress);
    }

    [Fact]
    public async Task SmartReply_FromABlockedTemplate_FailsTheSendAtOnce()
    {
        await new PolicyDirectory(_store, _templates).SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonUs,
            SmartReply = new SmartReplyPolicy { Templates = [new("tracking-bad")], ReplyAfter = Duration.FromHours(1) },
        });
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));

        await Worker().RunUntilIdleAsync();
        _clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        AssertSendFailed(id, ContentRuleIds.Link);
    }

    [Fact]
    public void AddBuyerMessaging_RegistersTheChecker_WithOptions_AndLetsAHostReplaceIt()
    {
        var services = new ServiceCollection();
        services.AddBuyerMessaging().ConfigureContentCheck(o => o.DisabledRules.Add(ContentRuleIds.PhoneNumber));
        using var provider = services.BuildServiceProvider();
        var checker = provider.GetRequiredService<IContentChecker>();
        Assert.IsType<AmazonContentChecker>(checker);
        Assert.Same(checker, provider.GetRequiredService<IContentChecker>());
        Assert.Empty(checker.Check(new ContentCheckRequest { Text = "Call +1 206 555 0100" }).Findings);

        var replaced = new ServiceCollection();
        var own = new AmazonContentChecker();
        replaced.AddSingleton<IContentChecker>(own);
        replaced.AddBuyerMessaging();
        using var second = replaced.BuildServiceProvider();
        Assert.Same(own, second.GetRequiredService<IContentChecker>());
    }

    [Fact]
    public void CheckTemplate_ChecksSubjectBodyAndAttachments()
    {
        var template = new Template
        {
            Id = new("bad"), Name = "Bad", Language = "de", Subject = "Gutscheincode für Sie",
            Body = "Hallo {{ buyer.name }}, hinterlassen Sie uns eine positive Bewertung!",
            Attachments = [new MessageAttachment { FileName = "x.zip", ContentType = "application/zip", Content = new byte[3] }],
        };

        var result = AmazonContentChecker.Default.CheckTemplate(template, "DE");

        Assert.Equal(
            [ContentRuleIds.Marketing, ContentRuleIds.ReviewRequest, ContentRuleIds.PositiveReviewRequest, ContentRuleIds.AttachmentType],
            result.Findings.Select(f => f.RuleId));
        Assert.Throws<ArgumentNullException>("template", () => AmazonContentChecker.Default.CheckTemplate(null!));
    }

    private void AssertSendFailed(ConversationId id, string rule)
    {
        Assert.Empty(_sender.Delivered);
        var item = Assert.Single(_store.QueryWorkAsync(new WorkItemQuery { Kinds = [WorkKinds.Send], ConversationId = id }).Result);
        Assert.Equal((WorkItemState.Failed, 1), (item.State, item.Attempts));
        Assert.Contains($"ContentBlockedException: The message breaks Amazon's buyer-seller messaging rules and was not sent: [{rule}]", item.LastError, StringComparison.Ordinal);
        var failed = Assert.Single(_events.Of(InboxEventKind.SendFailed));
        Assert.Equal(id, failed.ConversationId);
        Assert.Contains($"[{rule}]", failed.Detail, StringComparison.Ordinal);
    }

    private WorkQueueWorker Worker() => new(
        _store, _clock, _sender, [_events], _templates, new FakeTemplateMatcher { Match = FakeTemplateMatcher.ByExample }, null, _automation,
        Options.Create(new WorkQueueOptions { WorkerId = "w1", MaxAttempts = 3, Randomizer = () => 1.0 }));

    private async Task<ConversationId> IngestAsync(InboundMessage message)
    {
        var result = await _ingestor.IngestAsync(message);
        return result.ConversationId!.Value;
    }
}
