using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

/// <summary>
/// The time rules end to end against a store, with a fake clock: the SLA clock through ingest and edits, auto-replies,
/// smart reply, the outbox and the worker (retries, failures, crashes), and the events. Part of the store contract:
/// every store implementation derives from this class.
/// </summary>
public abstract class AutomationContractTests : IAsyncLifetime
{
    protected static readonly AgentId Kim = new("kim");
    protected static readonly Duration Lease = Duration.FromMinutes(2);

    protected FakeClock Clock { get; } = new(TestMail.Start); // Friday 20 Nov 2026 09:00Z = 18:00 in Tokyo

    protected IConversationStore Store { get; private set; } = null!;

    protected RecordingSender Sender { get; } = new();

    protected RecordingEventHandler Events { get; } = new();

    protected FakeTemplateMatcher Matcher { get; } = new() { Match = FakeTemplateMatcher.ByExample };

    protected InMemoryTemplateSource Templates { get; } = new(
    [
        new Template { Id = new("closed"), Name = "Closed", Language = "ja", Body = "{{ buyer_name }} 様、営業時間外です。注文 {{ order_id }} は月曜日にご返信します。" },
        new Template { Id = new("returns-closed"), Name = "Returns, closed", Language = "ja", Body = "返品のご依頼を承りました。" },
        new Template { Id = new("follow-up-closed"), Name = "Follow-up, closed", Language = "ja", Body = "追加のご連絡ありがとうございます。" },
        new Template { Id = new("tracking"), Name = "Tracking", Language = "en", Subject = "Your parcel", Body = "Hello {{ buyer_name }}, here is your tracking number.", Examples = ["where is my parcel"] },
        new Template { Id = new("returns"), Name = "Returns", Language = "en", Body = "Here is how to return it.", Examples = ["return"] },
        new Template { Id = new("disabled"), Name = "Disabled", Language = "en", Body = "x", Enabled = false, Examples = ["cash"] },
    ]);

    protected double RandomValue { get; set; } = 0.5;

    protected InboxAutomationOptions AutomationOptions { get; } = new() { SellerAddresses = ["owner@northwind.example"] };

    protected InboxAutomation Automation { get; private set; } = null!;

    protected ConversationIngestor Ingestor { get; private set; } = null!;

    protected ConversationEditor Editor { get; private set; } = null!;

    protected PolicyDirectory Policies { get; private set; } = null!;

    private Instant Now => Clock.GetCurrentInstant();

    protected abstract Task<IConversationStore> CreateStoreAsync();

    /// <summary>Opens another store on the same data, as another process would (the in-memory store returns itself).</summary>
    protected virtual Task<IConversationStore> OpenSecondStoreAsync() => Task.FromResult(Store);

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await TestMail.ConfigureAsync(Store);
        AutomationOptions.Randomizer = () => RandomValue;
        Automation = new InboxAutomation(null, Options.Create(AutomationOptions));
        Ingestor = new ConversationIngestor(Store, Clock, null, null, Automation);
        Editor = new ConversationEditor(Store, Clock, Automation);
        Policies = new PolicyDirectory(Store, Templates);
        await Policies.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.AmazonJp,
            AutoReply = new AutoReplyPolicy
            {
                Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun"), ScheduleSyntax.ParseDateRanges("2026-12-25T18:00/2027-01-06T09:00")),
                MinDelayMinutes = 5,
                MaxDelayMinutes = 30,
                FirstContact = new TemplateSelection
                {
                    Default = new("closed"),
                    ByMessageType = new Dictionary<BuyerMessageType, TemplateId> { [BuyerMessageType.ReturnRequest] = new("returns-closed") },
                },
                FollowUp = TemplateSelection.Always(new("follow-up-closed")),
            },
        });
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected WorkQueueWorker Worker(string id = "w1", IConversationStore? store = null, int maxAttempts = 3) => new(
        store ?? Store, Clock, Sender, [Events], Templates, Matcher, null, Automation,
        Options.Create(new WorkQueueOptions
        {
            WorkerId = id,
            LeaseDuration = Lease.ToTimeSpan(),
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromSeconds(30),
            RetryMaxDelay = TimeSpan.FromMinutes(10),
            Randomizer = () => 1.0,
        }));

    protected static InboundMessage Jp(
        string alias = "sakurabuyer0001@marketplace.amazon.co.jp", string? orderId = "250-1234567-1234567", string text = "荷物はいつ届きますか？",
        BuyerMessageType type = BuyerMessageType.ShippingInquiry) =>
        TestMail.Relay(alias: alias, orderId: orderId, subject: $"Amazon.co.jp のお客様からの問い合わせ (注文: {orderId})", text: text,
            to: "amazon-jp@sakura-home.example", marketplace: "JP", type: type) with { Language = "ja", BuyerName = "佐藤 美咲" };

    protected async Task<ConversationId> IngestAsync(InboundMessage message)
    {
        var result = await Ingestor.IngestAsync(message);
        Assert.True(result.Outcome is IngestOutcome.Created or IngestOutcome.Appended, result.QuarantineReason);
        return result.ConversationId!.Value;
    }

    protected async Task<Conversation> GetAsync(ConversationId id) => (await Store.GetConversationAsync(id))!;

    protected Task<IReadOnlyList<WorkItem>> WorkAsync(string kind, ConversationId? id = null) =>
        Store.QueryWorkAsync(new WorkItemQuery { Kinds = [kind], ConversationId = id });

    protected RuleBook RuleBook() => new(Store, Clock, automation: Automation);

    protected static Rule StatusRule(ConversationStatus status) => new() { Id = new("status"), Name = "Status", Actions = [RuleAction.SetStatus(status)] };

    protected async Task SmartReplyOnUsAsync(Duration? replyAfter = null) => await Policies.SaveAsync(new ChannelPolicies
    {
        ChannelId = TestMail.AmazonUs,
        SmartReply = new SmartReplyPolicy { Templates = [new("tracking"), new("returns"), new("disabled")], ReplyAfter = replyAfter ?? Duration.FromHours(18) },
    });

    // ---- SLA clock ----

    [Fact]
    public async Task Ingest_AmazonMessage_StartsThe24HourClock()
    {
        var id = await IngestAsync(TestMail.Relay());

        var c = await GetAsync(id);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), c.SlaDueAt);
        Assert.Equal("24h left", SlaIndicator.Of(c, Now).ToString());
        Clock.Advance(Duration.FromHours(30));
        Assert.Equal("+0d 6h overdue", SlaIndicator.Of(c, Now).ToString());
        var checks = await Store.QueryWorkAsync(new WorkItemQuery { Kinds = WorkKinds.SlaChecks, ConversationId = id });
        Assert.Equal(
            [(WorkKinds.SlaDueSoon, TestMail.Start + Duration.FromHours(20)), (WorkKinds.SlaBreach, TestMail.Start + Duration.FromHours(24))],
            checks.Select(w => (w.Kind, w.DueAt)));
    }

    [Fact]
    public async Task Ingest_MailboxWithPromise_MeasuresBusinessHoursInTheChannelZone()
    {
        // Support promises 24 h on the default Mon-Fri 09:00-18:00 in America/New_York. Friday 04:00 EST:
        // Friday 9 h, Monday 9 h, Tuesday 6 h -> Tuesday 15:00 EST = 20:00Z.
        var id = await IngestAsync(TestMail.Mail());

        Assert.Equal(Instant.FromUtc(2026, 11, 24, 20, 0), (await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task Ingest_SavedBusinessPolicy_WinsOverTheDefault()
    {
        await Policies.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.Support,
            Sla = SlaPolicy.BusinessHours(new BusinessCalendar(TestZones.Berlin, WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00"), ScheduleSyntax.ParseHolidays("2026-12-24,2026-12-25/2026-12-26")), Duration.FromHours(8)),
        });
        Clock.Reset(Instant.FromUtc(2026, 12, 23, 15, 30));

        var id = await IngestAsync(TestMail.Mail());

        Assert.Equal(Instant.FromUtc(2026, 12, 28, 15, 30), (await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task Ingest_MailboxWithoutPromise_HasNoClock()
    {
        var store = Store;
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.SaveChannelAsync(TestMail.SupportChannel with { PromisedResponseTime = null });
            await tx.CommitAsync();
        }

        var id = await IngestAsync(TestMail.Mail());

        Assert.Null((await GetAsync(id)).SlaDueAt);
        Assert.Equal(SlaState.None, SlaIndicator.Of(await GetAsync(id), Now).State);
        Assert.Empty(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = WorkKinds.SlaChecks }));
    }

    [Fact]
    public async Task Reply_StopsTheClock_AndAFollowUpStartsItAgain()
    {
        var id = await IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromHours(2));

        await Editor.RecordReplyAsync(id, new OutboundReply { Text = "It ships today." }, Kim);

        var replied = await GetAsync(id);
        Assert.Null(replied.SlaDueAt);
        Assert.Null(replied.SlaPausedRemaining);
        Assert.Equal(SlaState.AwaitingBuyer, SlaIndicator.Of(replied, Now).State);
        Assert.Equal(string.Empty, SlaIndicator.Of(replied, Now).ToString());
        Assert.All(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = WorkKinds.SlaChecks, ConversationId = id }), w => Assert.Equal(WorkItemState.Cancelled, w.State));

        Clock.Advance(Duration.FromHours(5));
        await IngestAsync(TestMail.Relay(text: "Thanks, but which carrier?"));

        var followUp = await GetAsync(id);
        Assert.Equal(ConversationStatus.Open, followUp.Status);
        Assert.Equal(Now + Duration.FromHours(24), followUp.SlaDueAt);
    }

    [Fact]
    public async Task SecondBuyerMessageBeforeAReply_KeepsTheFirstDueInstant()
    {
        var id = await IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromHours(3));

        await IngestAsync(TestMail.Relay(text: "Any news?"));

        Assert.Equal(TestMail.Start + Duration.FromHours(24), (await GetAsync(id)).SlaDueAt);
    }

    [Theory]
    [InlineData(ConversationStatus.AwaitingBuyer)]
    [InlineData(ConversationStatus.Resolved)]
    public async Task AwaitingBuyerOrResolved_PausesAndReopeningResumes(ConversationStatus paused)
    {
        var id = await IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromHours(4));

        await Editor.SetStatusAsync(id, paused, Kim);

        var c = await GetAsync(id);
        Assert.Null(c.SlaDueAt);
        Assert.Equal(Duration.FromHours(20), c.SlaPausedRemaining);
        Assert.Equal(paused == ConversationStatus.Resolved ? SlaState.None : SlaState.AwaitingBuyer, SlaIndicator.Of(c, Now).State);
        Clock.Advance(Duration.FromDays(3));
        await Editor.SetStatusAsync(id, ConversationStatus.Pending, Kim);

        c = await GetAsync(id);
        Assert.Equal(Now + Duration.FromHours(20), c.SlaDueAt);
        Assert.Null(c.SlaPausedRemaining);
        var breach = Assert.Single(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = [WorkKinds.SlaBreach], ConversationId = id, States = [WorkItemState.Pending] }));
        Assert.Equal(Now + Duration.FromHours(20), breach.DueAt);
    }

    [Fact]
    public async Task RulesApplied_AwaitingBuyerToPending_ResumesTheClockAsAStatusChangeDoes()
    {
        var viaRule = await IngestAsync(TestMail.Relay());
        var viaEditor = await IngestAsync(TestMail.Relay(alias: "aaaaaaaaaaaaaa2@marketplace.amazon.com", orderId: "111-0000000-0000002"));
        Clock.Advance(Duration.FromHours(4));
        await Editor.SetStatusAsync([viaRule, viaEditor], ConversationStatus.AwaitingBuyer, Kim);
        Clock.Advance(Duration.FromDays(3));

        await Editor.SetStatusAsync(viaEditor, ConversationStatus.Pending, Kim);
        var applied = await RuleBook().ApplyAsync(new InboxQuery(), [StatusRule(ConversationStatus.Pending)]);

        Assert.Equal(viaRule, Assert.Single(applied.Conversations, a => a.Changes.Count > 0).ConversationId);
        var c = await GetAsync(viaRule);
        Assert.Equal((ConversationStatus.Pending, Now + Duration.FromHours(20), (Duration?)null), (c.Status, c.SlaDueAt, c.SlaPausedRemaining));
        Assert.Equal(((await GetAsync(viaEditor)).SlaDueAt, (await GetAsync(viaEditor)).SlaPausedRemaining), (c.SlaDueAt, c.SlaPausedRemaining));
        Assert.Equal("20h left", SlaIndicator.Of(c, Now).ToString());
        var breach = Assert.Single(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = [WorkKinds.SlaBreach], ConversationId = viaRule, States = [WorkItemState.Pending] }));
        Assert.Equal(Now + Duration.FromHours(20), breach.DueAt);

        Clock.Advance(Duration.FromHours(21));
        await Worker().RunUntilIdleAsync();
        Assert.Equal(SlaState.Overdue, SlaIndicator.Of(await GetAsync(viaRule), Now).State);
        Assert.Contains(Events.Of(InboxEventKind.SlaBreached), e => e.ConversationId == viaRule);
    }

    [Fact]
    public async Task RulesApplied_ToAwaitingBuyer_PausesTheClockAndCancelsItsChecks()
    {
        var id = await IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromHours(4));

        await RuleBook().ApplyAsync(new InboxQuery(), [StatusRule(ConversationStatus.AwaitingBuyer)]);

        var c = await GetAsync(id);
        Assert.Equal((ConversationStatus.AwaitingBuyer, (Instant?)null, Duration.FromHours(20)), (c.Status, c.SlaDueAt, c.SlaPausedRemaining));
        Assert.Equal(SlaState.AwaitingBuyer, SlaIndicator.Of(c, Now).State);
        Assert.All(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = WorkKinds.SlaChecks, ConversationId = id }), w => Assert.Equal(WorkItemState.Cancelled, w.State));
    }

    [Fact]
    public async Task RulesApplied_Resolving_CancelsTheScheduledAutoReply()
    {
        var id = await IngestAsync(Jp());

        await RuleBook().ApplyAsync(new InboxQuery(), [StatusRule(ConversationStatus.Resolved)]);

        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Cancelled, "resolved"), (item.State, item.LastError));
        Assert.Null((await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task BusinessClock_PauseKeepsBusinessTime()
    {
        // Support (New York, Mon-Fri 09-18, 24 h): paused on Friday 20 Nov 12:00 EST with 9-3 + 9 + 6... left.
        var id = await IngestAsync(TestMail.Mail());
        Clock.Reset(Instant.FromUtc(2026, 11, 20, 17, 0)); // 12:00 EST: 3 business hours used
        await Editor.SetStatusAsync(id, ConversationStatus.AwaitingBuyer, Kim);
        Assert.Equal(Duration.FromHours(21), (await GetAsync(id)).SlaPausedRemaining);

        Clock.Reset(Instant.FromUtc(2026, 11, 25, 14, 0)); // Wednesday 09:00 EST
        await IngestAsync(TestMail.Mail(subject: "Re: Question about my blender", text: "Hello?"));

        // The buyer's message reopens the conversation and resumes the clock: Wed 9 h, Thu 9 h, Fri 3 h -> Fri 12:00 EST.
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 17, 0), (await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task NoReplyNeeded_StopsTheClock_ClearingItRestarts()
    {
        var id = await IngestAsync(TestMail.Relay());
        Clock.Advance(Duration.FromHours(1));

        await Editor.SetNoReplyNeededAsync(id, true, Kim);
        Assert.Null((await GetAsync(id)).SlaDueAt);
        Assert.Null((await GetAsync(id)).SlaPausedRemaining);
        Assert.Equal(SlaState.None, SlaIndicator.Of(await GetAsync(id), Now).State);

        Clock.Advance(Duration.FromHours(1));
        await Editor.SetNoReplyNeededAsync(id, false, Kim);
        Assert.Equal(Now + Duration.FromHours(24), (await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task SlaEvents_DueSoonThenBreached_OnlyWhileUnanswered()
    {
        var late = await IngestAsync(TestMail.Relay());
        var answered = await IngestAsync(TestMail.Relay(alias: "zyxwvutsrq98765@marketplace.amazon.com", orderId: "111-0000000-0000001"));
        await Editor.RecordReplyAsync(answered, new OutboundReply { Text = "Done." }, Kim);
        var worker = Worker();

        Clock.Advance(Duration.FromHours(20) - Duration.FromSeconds(1));
        await worker.RunUntilIdleAsync();
        Assert.Empty(Events.Of(InboxEventKind.SlaDueSoon));

        Clock.Advance(Duration.FromSeconds(1));
        await worker.RunUntilIdleAsync();
        var soon = Assert.Single(Events.Of(InboxEventKind.SlaDueSoon));
        Assert.Equal((late, TestMail.Start + Duration.FromHours(24)), (soon.ConversationId!.Value, soon.DueAt!.Value));

        Clock.Advance(Duration.FromHours(4));
        await worker.RunUntilIdleAsync();
        var breached = Assert.Single(Events.Of(InboxEventKind.SlaBreached));
        Assert.Equal(late, breached.ConversationId);
        Assert.Equal(TestMail.AmazonUs, breached.ChannelId);
    }

    [Fact]
    public async Task SlaBreach_DueInstantFinerThanATick_IsNeitherEarlyNorLost()
    {
        // A clock with nanoseconds (stores may keep instants to the 100 ns tick only).
        var arrived = TestMail.Start + Duration.FromNanoseconds(50);
        Clock.Reset(arrived);
        var id = await IngestAsync(TestMail.Relay());
        var due = arrived + Duration.FromHours(24);
        var worker = Worker();
        await worker.RunUntilIdleAsync();

        Clock.Reset(due - Duration.FromNanoseconds(1));
        await worker.RunUntilIdleAsync();
        Assert.Empty(Events.Of(InboxEventKind.SlaBreached));
        Assert.NotEqual(SlaState.Overdue, SlaIndicator.Of(await GetAsync(id), Now).State);
        Assert.Equal(WorkItemState.Pending, (await WorkAsync(WorkKinds.SlaBreach, id)).Single().State);

        Clock.Reset(due + Duration.FromTicks(1));
        await worker.RunUntilIdleAsync();
        Assert.Equal("checked", (await WorkAsync(WorkKinds.SlaBreach, id)).Single().Result);
        Clock.Advance(Duration.FromTicks(1)); // the event it raised "now" is due at the next tick where instants are kept to the tick
        await worker.RunUntilIdleAsync();
        var breached = Assert.Single(Events.Of(InboxEventKind.SlaBreached));
        Assert.Equal(id, breached.ConversationId);
        Assert.Single(Events.Of(InboxEventKind.SlaDueSoon));
    }

    [Fact]
    public async Task InboxQuery_SortsBySlaDue()
    {
        var first = await IngestAsync(TestMail.Relay(alias: "aaaaaaaaaaaaaa1@marketplace.amazon.com", orderId: "111-0000000-0000001"));
        Clock.Advance(Duration.FromHours(1));
        var second = await IngestAsync(TestMail.Relay(alias: "aaaaaaaaaaaaaa2@marketplace.amazon.com", orderId: "111-0000000-0000002"));
        var replied = await IngestAsync(TestMail.Relay(alias: "aaaaaaaaaaaaaa3@marketplace.amazon.com", orderId: "111-0000000-0000003"));
        await Editor.RecordReplyAsync(replied, new OutboundReply { Text = "Done." }, Kim);
        var mailbox = await IngestAsync(TestMail.Mail()); // due days later (business hours)

        var page = await Store.QueryAsync(new InboxQuery { Sort = InboxSort.SlaDue });

        Assert.Equal([first, second, mailbox, replied], page.Items.Select(c => c.Id));
    }

    // ---- Auto-replies ----

    [Fact]
    public async Task AutoReply_InWindow_GoesOutAfterThePinnedDelay_MarkedAutoSubmitted()
    {
        RandomValue = 0.5; // 5 + 0.5 x 25 minutes = 17.5 minutes
        var id = await IngestAsync(Jp());
        var inbound = Assert.Single(await Store.GetMessagesAsync(id));
        var scheduled = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal(TestMail.Start + Duration.FromSeconds(1050), scheduled.DueAt);
        var worker = Worker();

        Clock.Advance(Duration.FromSeconds(1049));
        await worker.RunUntilIdleAsync();
        Assert.Empty(Sender.Delivered);

        Clock.Advance(Duration.FromSeconds(1));
        await worker.RunUntilIdleAsync();

        var (key, sent) = Assert.Single(Sender.Delivered);
        Assert.Equal($"{WorkKinds.Send}:{WorkKinds.AutoReply}:{inbound.Id}", key);
        Assert.Equal(OutgoingKind.AutoReply, sent.Kind);
        Assert.Equal("auto-replied", sent.Headers["Auto-Submitted"]);
        Assert.Equal("sakurabuyer0001@marketplace.amazon.co.jp", Assert.Single(sent.To).Address);
        Assert.Equal("佐藤 美咲 様、営業時間外です。注文 250-1234567-1234567 は月曜日にご返信します。", sent.Text);
        Assert.Equal("Re: Amazon.co.jp のお客様からの問い合わせ (注文: 250-1234567-1234567)", sent.Subject);
        Assert.Equal(inbound.InternetMessageId, sent.InReplyTo);
        Assert.Equal(new TemplateId("closed"), sent.TemplateId);
        var c = await GetAsync(id);
        Assert.Equal(0, c.SellerReplyCount);
        Assert.Equal(ConversationStatus.Open, c.Status);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), c.SlaDueAt); // an auto-reply does not stop Amazon's clock
        var recorded = Assert.Single(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.AutoReply);
        Assert.Equal("out-1", recorded.ExternalId);
        Assert.Equal(sent.InternetMessageId, recorded.InternetMessageId);
        var outbox = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Succeeded, "out-1"), (outbox.State, outbox.Result));
        var announced = Assert.Single(Events.Of(InboxEventKind.AutoReplySent));
        Assert.Equal(recorded.Id, announced.MessageId);
        Assert.Contains(await Store.GetHistoryAsync(id), h => h.What == ChangeKinds.AutoReply);
    }

    [Fact]
    public async Task AutoReply_PolicyStopsClock_WhenConfigured()
    {
        var saved = (await Policies.GetAsync(TestMail.AmazonJp))!;
        await Policies.SaveAsync(saved with { Sla = SlaPolicy.Amazon with { AutoReplyStopsClock = true } });
        RandomValue = 0;
        var id = await IngestAsync(Jp());

        Clock.Advance(Duration.FromMinutes(5));
        await Worker().RunUntilIdleAsync();

        Assert.Single(Sender.Delivered);
        Assert.Null((await GetAsync(id)).SlaDueAt);
        Assert.All(await Store.QueryWorkAsync(new WorkItemQuery { Kinds = WorkKinds.SlaChecks, ConversationId = id }), w => Assert.Equal(WorkItemState.Cancelled, w.State));
    }

    [Theory]
    [InlineData(2026, 11, 23, 1, 0, false)]   // Monday 10:00 JST: office hours
    [InlineData(2026, 11, 23, 0, 0, false)]   // Monday 09:00 JST: the window ends
    [InlineData(2026, 11, 22, 14, 59, true)]  // Sunday 23:59 JST
    [InlineData(2026, 11, 24, 9, 0, true)]    // Tuesday 18:00 JST
    [InlineData(2026, 12, 28, 3, 0, true)]    // Monday 12:00 JST inside the year-end closure
    public async Task AutoReply_OnlyInsideTheWindows(int y, int m, int d, int h, int min, bool expected)
    {
        Clock.Reset(Instant.FromUtc(y, m, d, h, min));

        var id = await IngestAsync(Jp());

        Assert.Equal(expected, (await WorkAsync(WorkKinds.AutoReply, id)).Count == 1);
    }

    [Theory]
    [InlineData(2026, 11, 23, 14, 0, false)]  // Monday 23:00 JST, 10.5 hours before the ingest: a backlog, no auto-reply
    [InlineData(2026, 11, 23, 23, 50, true)]  // Tuesday 08:50 JST, 40 minutes before: still answered
    public async Task AutoReply_ForMailThatArrivedLongAgo_IsNotScheduled(int y, int m, int d, int h, int min, bool expected)
    {
        Clock.Reset(Instant.FromUtc(2026, 11, 24, 0, 30)); // Tuesday 09:30 JST, just after the window closed

        var id = await IngestAsync(Jp() with { ReceivedAt = Instant.FromUtc(y, m, d, h, min) });

        Assert.Equal(expected, (await WorkAsync(WorkKinds.AutoReply, id)).Count == 1);
        Assert.NotNull((await Store.GetConversationAsync(id))!.SlaDueAt);
    }

    [Theory]
    [InlineData("auto-replied", null, null, "pat@mail.example", false)]
    [InlineData("auto-generated; owner-email=x@example.com", null, null, "pat@mail.example", false)]
    [InlineData("No", null, null, "pat@mail.example", true)]
    [InlineData(null, "bulk", null, "pat@mail.example", false)]
    [InlineData(null, null, "<news.shop.example>", "pat@mail.example", false)]
    [InlineData(null, null, null, "no-reply@shop.example", false)]
    [InlineData(null, null, null, "noreply+abc@shop.example", false)]
    [InlineData(null, null, null, "MAILER-DAEMON@mail.example", false)]
    [InlineData(null, null, null, "postmaster@mail.example", false)]
    [InlineData(null, null, null, "amazon-jp@sakura-home.example", false)]
    [InlineData(null, null, null, "owner@northwind.example", false)]
    [InlineData(null, null, null, "pat@mail.example", true)]
    public async Task AutoReply_LoopProtection(string? autoSubmitted, string? precedence, string? listId, string from, bool expected)
    {
        await Policies.SaveAsync(new ChannelPolicies
        {
            ChannelId = TestMail.Support,
            AutoReply = new AutoReplyPolicy { Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.AllWeek), FirstContact = TemplateSelection.Always(new("closed")) },
        });

        var id = await IngestAsync(TestMail.Mail(from: from) with { AutoSubmitted = autoSubmitted, Precedence = precedence, ListId = listId });

        Assert.Equal(expected, (await WorkAsync(WorkKinds.AutoReply, id)).Count == 1);
    }

    [Fact]
    public async Task AutoReply_ConversationCooldown()
    {
        var id = await IngestAsync(Jp());
        Clock.Advance(Duration.FromHours(1));
        await IngestAsync(Jp(text: "まだですか？"));
        Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));

        Clock.Advance(Duration.FromHours(23));
        await IngestAsync(Jp(text: "連絡ください。"));

        // Exactly one period after the first auto-reply, the next one is allowed.
        var items = await WorkAsync(WorkKinds.AutoReply, id);
        Assert.Equal(2, items.Count);
        Assert.Equal(Now, items[1].CreatedAt);
    }

    [Fact]
    public async Task AutoReply_BuyerCooldown_AcrossConversations()
    {
        var first = await IngestAsync(Jp(orderId: "250-0000000-0000001"));
        Clock.Advance(Duration.FromHours(2));
        var second = await IngestAsync(Jp(orderId: "250-0000000-0000002"));
        var otherBuyer = await IngestAsync(Jp(alias: "otherbuyer00001@marketplace.amazon.co.jp", orderId: "250-0000000-0000003"));

        Assert.NotEqual(first, second);
        Assert.Single(await WorkAsync(WorkKinds.AutoReply, first));
        Assert.Empty(await WorkAsync(WorkKinds.AutoReply, second));
        Assert.Single(await WorkAsync(WorkKinds.AutoReply, otherBuyer));
    }

    [Fact]
    public async Task AutoReply_CancelledAutoReplyDoesNotCountForTheCooldown()
    {
        var id = await IngestAsync(Jp());
        await Editor.SetNoReplyNeededAsync(id, true, Kim);
        Clock.Advance(Duration.FromHours(1));

        await IngestAsync(Jp(text: "もう一つ質問があります。"));

        var items = await WorkAsync(WorkKinds.AutoReply, id);
        Assert.Equal([WorkItemState.Cancelled, WorkItemState.Pending], items.Select(w => w.State));
    }

    [Fact]
    public async Task AutoReply_TemplatePerMessageType_AndFollowUpAfterASellerReply()
    {
        RandomValue = 0;
        var returns = await IngestAsync(Jp(orderId: "250-0000000-0000001", type: BuyerMessageType.ReturnRequest, text: "返品したいです。"));
        var worker = Worker();
        Clock.Advance(Duration.FromMinutes(5));
        await worker.RunUntilIdleAsync();
        Assert.Equal(new TemplateId("returns-closed"), Assert.Single(Sender.Delivered).Message.TemplateId);

        await Editor.RecordReplyAsync(returns, new OutboundReply { Text = "承知しました。" }, Kim);
        Clock.Advance(Duration.FromDays(2));
        await IngestAsync(Jp(orderId: "250-0000000-0000001", type: BuyerMessageType.ReturnRequest, text: "ラベルが届きません。"));
        Clock.Advance(Duration.FromMinutes(5));
        await worker.RunUntilIdleAsync();

        Assert.Equal(2, Sender.Delivered.Count);
        Assert.Equal(new TemplateId("follow-up-closed"), Sender.Delivered[1].Message.TemplateId);
    }

    public enum HumanAction
    {
        Reply,
        SendReply,
        Resolve,
        NoReplyNeeded,
    }

    [Theory]
    [InlineData(HumanAction.Reply, "a person replied")]
    [InlineData(HumanAction.SendReply, "a person replied")]
    [InlineData(HumanAction.Resolve, "resolved")]
    [InlineData(HumanAction.NoReplyNeeded, "marked no reply needed")]
    public async Task AutoReply_CancelledByAPersonBeforeItIsDue(HumanAction action, string reason)
    {
        RandomValue = 1; // 30 minutes
        var id = await IngestAsync(Jp());
        Clock.Advance(Duration.FromMinutes(10));

        await (action switch
        {
            HumanAction.Reply => Editor.RecordReplyAsync(id, new OutboundReply { Text = "すぐ確認します。" }, Kim),
            HumanAction.SendReply => Editor.SendReplyAsync(id, new OutboundReply { Text = "すぐ確認します。" }, Kim),
            HumanAction.Resolve => Editor.SetStatusAsync(id, ConversationStatus.Resolved, Kim),
            _ => (Task)Editor.SetNoReplyNeededAsync(id, true, Kim),
        });
        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Cancelled, reason), (item.State, item.LastError));
        Assert.DoesNotContain(Sender.Delivered, d => d.Message.Kind == OutgoingKind.AutoReply);
        Assert.DoesNotContain(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.AutoReply);
    }

    [Fact]
    public async Task AutoReply_PolicyPausedAfterScheduling_IsSkipped()
    {
        var id = await IngestAsync(Jp());
        var saved = (await Policies.GetAsync(TestMail.AmazonJp))!;
        await Policies.SaveAsync(saved with { AutoReply = saved.AutoReply! with { Enabled = false } });

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Succeeded, "skipped: the policy is off"), (item.State, item.Result));
        var skipped = Assert.Single(Events.Of(InboxEventKind.AutomaticReplySkipped));
        Assert.Equal((id, new TemplateId("closed"), "the policy is off"), (skipped.ConversationId!.Value, skipped.TemplateId!.Value, skipped.Detail));
    }

    [Fact]
    public async Task AutoReply_TemplatePausedAfterScheduling_IsSkippedWithTheReason()
    {
        var id = await IngestAsync(Jp());
        var closed = (await Templates.GetTemplateAsync(new("closed"), CancellationToken.None))!;
        Templates.Set(closed with { Enabled = false });

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Succeeded, "skipped: template 'closed' is paused"), (item.State, item.Result));
    }

    // ---- Smart reply ----

    [Theory]
    [InlineData(18)]
    [InlineData(2)]
    public async Task SmartReply_MatchAnnouncedAtOnce_ReplySentAfterTheDelay(int hours)
    {
        await SmartReplyOnUsAsync(Duration.FromHours(hours));
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));
        var worker = Worker();

        await worker.RunUntilIdleAsync();

        var matched = Assert.Single(Events.Of(InboxEventKind.TemplateMatched));
        Assert.Equal((id, new TemplateId("tracking"), TestMail.Start + Duration.FromHours(hours)), (matched.ConversationId!.Value, matched.TemplateId!.Value, matched.DueAt!.Value));
        var call = Assert.Single(Matcher.Calls);
        Assert.Equal("en", call.Language);
        Assert.Equal(["tracking", "returns"], call.Templates.Select(t => t.Id.Value)); // the disabled template is not a candidate
        Assert.Empty(Sender.Delivered);

        Clock.Advance(Duration.FromHours(hours) - Duration.FromSeconds(1));
        await worker.RunUntilIdleAsync();
        Assert.Empty(Sender.Delivered);
        Clock.Advance(Duration.FromSeconds(1));
        await worker.RunUntilIdleAsync();

        var sent = Assert.Single(Sender.Delivered).Message;
        Assert.Equal(OutgoingKind.SmartReply, sent.Kind);
        Assert.Equal("Your parcel", sent.Subject);
        Assert.Equal("Hello Jane Doe, here is your tracking number.", sent.Text);
        Assert.False(sent.Headers.ContainsKey("Auto-Submitted"));
        var c = await GetAsync(id);
        Assert.Equal(1, c.SellerReplyCount);
        Assert.Equal(ConversationStatus.AwaitingBuyer, c.Status);
        Assert.Null(c.SlaDueAt);
        var reply = Assert.Single(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.OutboundReply);
        var announced = Assert.Single(Events.Of(InboxEventKind.SmartReplySent));
        Assert.Equal((id, reply.Id, new TemplateId("tracking"), TestMail.AmazonUs), (announced.ConversationId!.Value, announced.MessageId!.Value, announced.TemplateId!.Value, announced.ChannelId!.Value));
        Assert.Empty(Events.Of(InboxEventKind.AutoReplySent));
        Assert.Empty(Events.Of(InboxEventKind.AutomaticReplySkipped));
    }

    [Theory]
    [InlineData(HumanAction.Reply)]
    [InlineData(HumanAction.SendReply)]
    [InlineData(HumanAction.Resolve)]
    public async Task SmartReply_CancelledByAManualReplyOrResolve(HumanAction action)
    {
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "I want to return it."));
        var worker = Worker();
        await worker.RunUntilIdleAsync();
        Assert.Single(Events.Of(InboxEventKind.TemplateMatched));
        Clock.Advance(Duration.FromHours(10));

        await (action switch
        {
            HumanAction.Reply => Editor.RecordReplyAsync(id, new OutboundReply { Text = "Sure." }, Kim),
            HumanAction.SendReply => Editor.SendReplyAsync(id, new OutboundReply { Text = "Sure." }, Kim),
            _ => (Task)Editor.SetStatusAsync(id, ConversationStatus.Resolved, Kim),
        });
        Clock.Advance(Duration.FromHours(10));
        await worker.RunUntilIdleAsync();

        Assert.Equal(WorkItemState.Cancelled, Assert.Single(await WorkAsync(WorkKinds.SmartReply, id)).State);
        Assert.DoesNotContain(Sender.Delivered, d => d.Message.Kind == OutgoingKind.SmartReply);
        Assert.Empty(Events.Of(InboxEventKind.SmartReplySent));
        Assert.Empty(Events.Of(InboxEventKind.AutomaticReplySkipped)); // a person answering is the expected end, not news
    }

    [Theory]
    [InlineData("Hi, where is my parcel? It is late.")] // its reply is pending when the follow-up arrives
    [InlineData("Can I pay with cash on delivery?")]    // its match failed: nothing is pending when the follow-up arrives
    public async Task SmartReply_FollowUpBeforeAnyReply_AnswersTheNewestMessage_StillReplyAfterTheFirstUnanswered(string first)
    {
        // Amazon's 24 hours run from the first unanswered message (the follow-up keeps the due instant), so the reply to
        // the follow-up goes out 18 h after the first one, not 18 h after the follow-up (28 h, past the deadline).
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: first));
        var worker = Worker();
        await worker.RunUntilIdleAsync();
        Clock.Advance(Duration.FromHours(10));
        Assert.Equal(id, await IngestAsync(TestMail.Relay(text: "I want to return it.")));

        await worker.RunUntilIdleAsync();

        var matched = Events.Of(InboxEventKind.TemplateMatched);
        Assert.All(matched, e => Assert.Equal(TestMail.Start + Duration.FromHours(18), e.DueAt));
        Assert.Equal(new TemplateId("returns"), matched[^1].TemplateId);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), (await GetAsync(id)).SlaDueAt);
        Clock.Reset(TestMail.Start + Duration.FromHours(18));
        await worker.RunUntilIdleAsync();

        var sent = Assert.Single(Sender.Delivered).Message;
        Assert.Equal("Here is how to return it.", sent.Text);
        var replies = await WorkAsync(WorkKinds.SmartReply, id);
        Assert.Equal(WorkItemState.Succeeded, replies[^1].State);
        Assert.All(replies.SkipLast(1), w => Assert.Equal(WorkItemState.Cancelled, w.State));
    }

    [Fact]
    public async Task SmartReply_FollowUpsAfterNoReplyNeeded_CountFromTheFirstMessageAfterIt()
    {
        // "No reply needed" settles the messages before it: the next one is the first unanswered, for the follow-ups too.
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));
        await Editor.SetNoReplyNeededAsync(id, true, Kim);
        Clock.Advance(Duration.FromHours(2));
        await IngestAsync(TestMail.Relay(text: "Can I pay with cash on delivery?"));
        Clock.Advance(Duration.FromHours(1));

        await IngestAsync(TestMail.Relay(text: "I want to return it."));
        await Worker().RunUntilIdleAsync();

        Assert.Equal(TestMail.Start + Duration.FromHours(2 + 18), Assert.Single(Events.Of(InboxEventKind.TemplateMatched)).DueAt);
    }

    [Fact]
    public async Task SmartReply_FollowUpAfterAFailedMatchAndASellerReply_CountsFromTheFollowUp()
    {
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "Can I pay with cash on delivery?"));
        await Worker().RunUntilIdleAsync();
        Clock.Advance(Duration.FromHours(1));
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "No, sorry." }, Kim);
        Clock.Advance(Duration.FromHours(9));

        await IngestAsync(TestMail.Relay(text: "Then where is my parcel?"));
        await Worker().RunUntilIdleAsync();

        Assert.Equal(TestMail.Start + Duration.FromHours(10 + 18), Assert.Single(Events.Of(InboxEventKind.TemplateMatched)).DueAt);
    }

    [Fact]
    public async Task SmartReply_FollowUpAfterTheSellerReplied_CountsFromTheFollowUp()
    {
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "Can I pay with cash on delivery?"));
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "No, sorry." }, Kim);
        Clock.Advance(Duration.FromHours(30));
        await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));

        await Worker().RunUntilIdleAsync();

        var matched = Assert.Single(Events.Of(InboxEventKind.TemplateMatched));
        Assert.Equal(TestMail.Start + Duration.FromHours(30 + 18), matched.DueAt);
    }

    [Fact]
    public async Task SmartReply_MatchFailed_MarksNoAutoReply_MovesToTheFolder_AndSaysSo()
    {
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "Can I pay with cash on delivery?"));

        await Worker().RunUntilIdleAsync();

        var failed = Assert.Single(Events.Of(InboxEventKind.MatchFailed));
        Assert.Equal((id, TestMail.Start + Duration.FromHours(24)), (failed.ConversationId!.Value, failed.DueAt!.Value));
        var c = await GetAsync(id);
        Assert.True(c.NoAutoReply);
        Assert.Equal(InboxAutomation.MatchFailedFolderId, c.FolderId);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), c.SlaDueAt);
        Assert.Contains(await Store.GetFoldersAsync(), f => f.Id == InboxAutomation.MatchFailedFolderId && f.Name == "Match failed" && f.Kind == FolderKind.Custom);
        Assert.Equal([c.Id], (await Store.QueryAsync(new InboxQuery { Folder = InboxAutomation.MatchFailedFolderId })).Items.Select(x => x.Id));
        Assert.Contains(await Store.GetHistoryAsync(id), h => h.What == ChangeKinds.NoAutoReply && h.To == "true");
        Assert.Empty(await WorkAsync(WorkKinds.SmartReply, id));

        await IngestAsync(TestMail.Relay(text: "Also, where is my parcel?"));
        Assert.False((await GetAsync(id)).NoAutoReply);
    }

    [Fact]
    public async Task SmartReply_TheStoresOtherTemplatesCompete_AndOneOfThemWinning_IsAFailedMatch()
    {
        await SmartReplyOnUsAsync();
        await using (var tx = await Store.BeginTransactionAsync())
        {
            await tx.SaveTemplateAsync(new Template { Id = new("dimmer"), Name = "Dimmer", Language = "en", StoreId = TestMail.Northwind, Body = "It works with dimmers.", Examples = ["dimmer switch"] });
            await tx.SaveTemplateAsync(new Template { Id = new("other-store"), Name = "Other", Language = "en", StoreId = TestMail.Sakura, Body = "Other store.", Examples = ["dimmer switch"] });
            await tx.CommitAsync();
        }

        Matcher.Match = FakeTemplateMatcher.ByExample;
        var id = await IngestAsync(TestMail.Relay(text: "Does this lamp work with a dimmer switch?"));

        await Worker().RunUntilIdleAsync();

        var request = Assert.Single(Matcher.Calls);
        Assert.Equal(["tracking", "returns"], request.Eligible!.Select(t => t.Value));
        Assert.Contains(request.Templates, t => t.Id == new TemplateId("dimmer"));
        Assert.DoesNotContain(request.Templates, t => t.Id == new TemplateId("other-store"));
        Assert.Empty(Events.Of(InboxEventKind.TemplateMatched));
        Assert.Single(Events.Of(InboxEventKind.MatchFailed));
        Assert.True((await GetAsync(id)).NoAutoReply);
        Assert.Empty(await WorkAsync(WorkKinds.SmartReply, id));
    }

    [Fact]
    public async Task SmartReply_OnlySuggested_IsNotSent_AndTheFailureNamesTheSuggestion()
    {
        await SmartReplyOnUsAsync();
        Matcher.Match = r => FakeTemplateMatcher.Outcome(r, MatchOutcome.Suggested, new TemplateId("tracking"), 0.6);
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));

        await Worker().RunUntilIdleAsync();

        Assert.Empty(Events.Of(InboxEventKind.TemplateMatched));
        var failed = Assert.Single(Events.Of(InboxEventKind.MatchFailed));
        Assert.Equal(new TemplateId("tracking"), failed.TemplateId);
        Assert.True((await GetAsync(id)).NoAutoReply);
        Assert.Empty(await WorkAsync(WorkKinds.SmartReply, id));
    }

    [Fact]
    public async Task SmartReply_MatchFailed_SuppressesTheScheduledAutoReply()
    {
        await Policies.SaveAsync((await Policies.GetAsync(TestMail.AmazonJp))! with { SmartReply = new SmartReplyPolicy { Templates = [new("returns-closed")] } });
        var id = await IngestAsync(Jp(text: "現金で払えますか？"));

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Single(Events.Of(InboxEventKind.MatchFailed));
        Assert.Empty(Sender.Delivered);
        Assert.Equal("skipped: automatic replies are off for the conversation", Assert.Single(await WorkAsync(WorkKinds.AutoReply, id)).Result);
    }

    // ---- Templates that policies name ----

    /// <summary>Saves the templates of <see cref="Templates"/> that the policies name into the store, as a seller's templates.</summary>
    private async Task<TemplateBook> StoredTemplatesAsync()
    {
        var book = new TemplateBook(Store);
        foreach (var (id, store) in new[] { ("closed", TestMail.Sakura), ("returns-closed", TestMail.Sakura), ("follow-up-closed", TestMail.Sakura), ("tracking", TestMail.Northwind), ("returns", TestMail.Northwind) })
        {
            await book.SaveAsync((await Templates.GetTemplateAsync(new(id), CancellationToken.None))! with { StoreId = store });
        }

        return book;
    }

    [Fact]
    public async Task ReplaceTemplate_AnEnabledSmartReplyUses_InAnotherLanguage_IsRefused_UnlessThePolicyIsPaused()
    {
        var book = await StoredTemplatesAsync();
        await Policies.SaveAsync(new ChannelPolicies { ChannelId = TestMail.AmazonUs, SmartReply = new SmartReplyPolicy { Templates = [new("tracking"), new("returns")] } });
        var tracking = (await Store.GetTemplateAsync(new("tracking")))!;

        var saved = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(tracking with { Language = "de" }));
        var imported = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.ImportAsync(TemplateJson.Export([tracking with { Language = "de" }]), TestMail.Northwind, replace: true));
        await book.SaveAsync(tracking with { Body = "Your parcel is on its way." }); // the same language: nothing breaks

        Assert.Contains($"channel '{TestMail.AmazonUs}' SmartReply.", saved.Message, StringComparison.Ordinal);
        Assert.Contains("Change the policy first, or save the template under another id.", saved.Message, StringComparison.Ordinal);
        Assert.Contains($"channel '{TestMail.AmazonUs}' SmartReply.", imported.Message, StringComparison.Ordinal);
        Assert.Equal(("en", "Your parcel is on its way."), ((await Store.GetTemplateAsync(new("tracking")))!.Language, (await Store.GetTemplateAsync(new("tracking")))!.Body));

        // A paused policy is checked when it is resumed, as PolicyDirectory does.
        var us = (await Policies.GetAsync(TestMail.AmazonUs))!;
        await Policies.SaveAsync(us with { SmartReply = us.SmartReply! with { Enabled = false } });
        await book.SaveAsync(tracking with { Language = "de" });
        Assert.Equal("de", (await Store.GetTemplateAsync(new("tracking")))!.Language);
    }

    [Fact]
    public async Task DeleteTemplate_NamedByAPolicy_IsRefusedNamingEveryChannelAndMember()
    {
        var book = await StoredTemplatesAsync();
        await SmartReplyOnUsAsync();
        var us = (await Policies.GetAsync(TestMail.AmazonUs))!;
        await Policies.SaveAsync(us with { SmartReply = us.SmartReply! with { Enabled = false } });
        await Policies.SaveAsync((await Policies.GetAsync(TestMail.AmazonJp))! with { SmartReply = new SmartReplyPolicy { Templates = [new("returns-closed")] } });

        var returns = await Assert.ThrowsAsync<TemplateInUseException>(() => book.DeleteAsync(new("returns-closed")));
        var tracking = await Assert.ThrowsAsync<TemplateInUseException>(() => book.DeleteAsync(new("tracking")));

        Assert.Equal(
            [new TemplateUse(TestMail.AmazonJp, "AutoReply.FirstContact.ByMessageType[ReturnRequest]"), new TemplateUse(TestMail.AmazonJp, "SmartReply.Templates[0]")],
            returns.Uses);
        Assert.StartsWith(
            "Template 'returns-closed' is used by AutoReply.FirstContact.ByMessageType[ReturnRequest] of channel 'sakura-amazon-jp', SmartReply.Templates[0] of channel 'sakura-amazon-jp'; ",
            returns.Message,
            StringComparison.Ordinal);
        Assert.Equal([new TemplateUse(TestMail.AmazonUs, "SmartReply.Templates[0]")], tracking.Uses); // a paused policy still names it
        Assert.NotNull(await Store.GetTemplateAsync(new("returns-closed")));
        Assert.NotNull(await Store.GetTemplateAsync(new("tracking")));
        await book.SaveAsync((await Templates.GetTemplateAsync(new("tracking"), CancellationToken.None))! with { Id = new("unused"), StoreId = TestMail.Northwind });
        Assert.True(await book.DeleteAsync(new("unused")));
    }

    [Fact]
    public async Task ForceDeleteTemplate_TakesItOutOfThePoliciesAndPausesAPolicyLeftWithNone()
    {
        var book = await StoredTemplatesAsync();
        await Policies.SaveAsync(new ChannelPolicies { ChannelId = TestMail.AmazonUs, SmartReply = new SmartReplyPolicy { Templates = [new("tracking")] } });

        var returns = await book.ForceDeleteAsync(new("returns-closed"));
        var tracking = await book.ForceDeleteAsync(new("tracking"));
        var again = await book.ForceDeleteAsync(new("tracking"));

        Assert.True(returns.Deleted);
        Assert.Equal([new TemplateUse(TestMail.AmazonJp, "AutoReply.FirstContact.ByMessageType[ReturnRequest]")], returns.RemovedFrom);
        Assert.Empty(returns.Paused);
        var jp = (await Policies.GetAsync(TestMail.AmazonJp))!.AutoReply!;
        Assert.True(jp.Enabled);
        Assert.Equal(new TemplateId("closed"), jp.FirstContact.Default);
        Assert.Empty(jp.FirstContact.ByMessageType);
        Assert.Equal(new TemplateId("follow-up-closed"), jp.FollowUp.Default);

        Assert.Equal([new TemplateUse(TestMail.AmazonUs, "SmartReply.Templates[0]")], tracking.RemovedFrom);
        Assert.Equal([new TemplateUse(TestMail.AmazonUs, "SmartReply")], tracking.Paused);
        var us = (await Policies.GetAsync(TestMail.AmazonUs))!.SmartReply!;
        Assert.False(us.Enabled);
        Assert.Empty(us.Templates);
        Assert.Null(await Store.GetTemplateAsync(new("tracking")));
        Assert.False(again.Deleted);
    }

    [Fact]
    public async Task ForceDeleteTemplate_EveryTemplateOfAnAutoReply_PausesIt()
    {
        var book = await StoredTemplatesAsync();

        await book.ForceDeleteAsync(new("closed"));
        await book.ForceDeleteAsync(new("returns-closed"));
        var last = await book.ForceDeleteAsync(new("follow-up-closed"));

        Assert.Equal([new TemplateUse(TestMail.AmazonJp, "AutoReply")], last.Paused);
        var jp = (await Policies.GetAsync(TestMail.AmazonJp))!.AutoReply!;
        Assert.False(jp.Enabled);
        Assert.True(jp.FirstContact.IsEmpty && jp.FollowUp.IsEmpty);
        var id = await IngestAsync(Jp());
        Assert.Empty(await WorkAsync(WorkKinds.AutoReply, id));
    }

    /// <summary>A worker that reads the templates from the store, as a host's does by default.</summary>
    private WorkQueueWorker StoreTemplatesWorker() => new(
        Store, Clock, Sender, [Events], null, Matcher, null, Automation,
        Options.Create(new WorkQueueOptions { WorkerId = "w1", LeaseDuration = Lease.ToTimeSpan(), MaxAttempts = 3, Randomizer = () => 1.0 }));

    [Fact]
    public async Task ForceDeleteTemplate_ItsPendingAutoReply_IsSkippedWithTheReason_AndThePersonKeepsTheClock()
    {
        var book = await StoredTemplatesAsync();
        var id = await IngestAsync(Jp());
        var due = (await GetAsync(id)).SlaDueAt;
        Assert.Equal(WorkItemState.Pending, Assert.Single(await WorkAsync(WorkKinds.AutoReply, id)).State);

        await book.ForceDeleteAsync(new("closed"));
        Clock.Advance(Duration.FromHours(1));
        await StoreTemplatesWorker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Succeeded, 1, "skipped: template 'closed' does not exist"), (item.State, item.Attempts, item.Result));
        Assert.Empty(Events.Of(InboxEventKind.WorkFailed));
        var c = await GetAsync(id);
        Assert.Equal((due, ConversationStatus.Open, 0), (c.SlaDueAt, c.Status, c.SellerReplyCount));

        // The conversation stays in the SLA queue for a person: its warnings still come.
        Clock.Reset(due!.Value);
        await StoreTemplatesWorker().RunUntilIdleAsync();
        Assert.Equal(id, Assert.Single(Events.Of(InboxEventKind.SlaBreached)).ConversationId);
        Assert.Empty(Sender.Delivered);
    }

    [Fact]
    public async Task ForceDeleteTemplate_AMatchedSmartReplyOfIt_IsSkippedWithTheReason_NothingSent()
    {
        // The policy's only template: the delete also pauses the policy, and the reason names the template.
        var book = await StoredTemplatesAsync();
        await Policies.SaveAsync(new ChannelPolicies { ChannelId = TestMail.AmazonUs, SmartReply = new SmartReplyPolicy { Templates = [new("tracking")] } });
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));
        await StoreTemplatesWorker().RunUntilIdleAsync();
        Assert.Equal(new TemplateId("tracking"), Assert.Single(Events.Of(InboxEventKind.TemplateMatched)).TemplateId);

        Assert.Equal([new TemplateUse(TestMail.AmazonUs, "SmartReply")], (await book.ForceDeleteAsync(new("tracking"))).Paused);
        Clock.Advance(Duration.FromHours(18));
        await StoreTemplatesWorker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        var item = Assert.Single(await WorkAsync(WorkKinds.SmartReply, id));
        Assert.Equal((WorkItemState.Succeeded, "skipped: template 'tracking' does not exist"), (item.State, item.Result));
        Assert.Equal(TestMail.Start + Duration.FromHours(24), (await GetAsync(id)).SlaDueAt);
        Assert.Empty(Events.Of(InboxEventKind.WorkFailed));
        Assert.Empty(Events.Of(InboxEventKind.SmartReplySent));

        // Whoever relied on the "matched" event learns that no answer is coming, why, and by when a person must answer.
        var skipped = Assert.Single(Events.Of(InboxEventKind.AutomaticReplySkipped));
        Assert.Equal(
            (id, TestMail.AmazonUs, new TemplateId("tracking"), "template 'tracking' does not exist", TestMail.Start + Duration.FromHours(24)),
            (skipped.ConversationId!.Value, skipped.ChannelId!.Value, skipped.TemplateId!.Value, skipped.Detail, skipped.DueAt!.Value));
        Assert.Equal((await Store.GetMessagesAsync(id)).Single(m => m.Direction == MessageDirection.Inbound).Id, skipped.MessageId);
    }

    [Fact]
    public async Task AutoReply_PolicyNoLongerNamesTheTemplate_IsSkipped()
    {
        var id = await IngestAsync(Jp());
        var saved = (await Policies.GetAsync(TestMail.AmazonJp))!;
        await Policies.SaveAsync(saved with { AutoReply = saved.AutoReply! with { FirstContact = TemplateSelection.Always(new("returns-closed")) } });

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        Assert.Equal("skipped: the auto-reply no longer names template 'closed'", Assert.Single(await WorkAsync(WorkKinds.AutoReply, id)).Result);
    }

    [Theory]
    [InlineData(false, "skipped: the smart reply no longer names template 'tracking'")]
    [InlineData(true, "skipped: the policy is off")]
    public async Task SmartReply_PolicyChangedAfterTheMatch_IsSkippedWithTheReason(bool paused, string result)
    {
        await SmartReplyOnUsAsync();
        var id = await IngestAsync(TestMail.Relay(text: "Hi, where is my parcel? It is late."));
        await Worker().RunUntilIdleAsync();
        var us = (await Policies.GetAsync(TestMail.AmazonUs))!;
        await Policies.SaveAsync(us with { SmartReply = paused ? us.SmartReply! with { Enabled = false } : us.SmartReply! with { Templates = [new("returns")] } });

        Clock.Advance(Duration.FromHours(18));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        Assert.Equal(result, Assert.Single(await WorkAsync(WorkKinds.SmartReply, id)).Result);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), (await GetAsync(id)).SlaDueAt);
        Assert.Equal("skipped: " + Assert.Single(Events.Of(InboxEventKind.AutomaticReplySkipped)).Detail, result);
    }

    [Fact]
    public async Task AutoReply_TemplateReplacedWithOneForAnotherChannel_IsSkippedNamingWhy()
    {
        // The template source is the host's: a replacement that TemplateBook would refuse can still come from it.
        var id = await IngestAsync(Jp());
        Templates.Set((await Templates.GetTemplateAsync(new("closed"), CancellationToken.None))! with { Channels = [TestMail.AmazonUs] });

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        Assert.Equal(
            $"skipped: Template 'closed' is not for channel '{TestMail.AmazonJp}' (it lists {TestMail.AmazonUs}).",
            Assert.Single(await WorkAsync(WorkKinds.AutoReply, id)).Result);
    }

    [Fact]
    public async Task AutoReply_ChannelDisabledAfterScheduling_IsSkipped()
    {
        var id = await IngestAsync(Jp());
        await using (var tx = await Store.BeginTransactionAsync())
        {
            await tx.SaveChannelAsync(TestMail.AmazonJpChannel with { Enabled = false });
            await tx.CommitAsync();
        }

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        Assert.Equal($"skipped: channel '{TestMail.AmazonJp}' is disabled", Assert.Single(await WorkAsync(WorkKinds.AutoReply, id)).Result);
    }

    [Fact]
    public async Task AutoReply_ReassignedBeforeItIsDue_StillGoesOutOnce()
    {
        // Assigning the conversation is not an answer: the buyer still gets the auto-reply, once.
        var id = await IngestAsync(Jp());
        await Editor.AssignAsync(id, Kim, Kim);
        Clock.Advance(Duration.FromMinutes(10));
        await IngestAsync(Jp(text: "まだですか？"));

        Clock.Advance(Duration.FromHours(1));
        await Worker().RunUntilIdleAsync();
        await Worker().RunUntilIdleAsync();

        Assert.Equal(new TemplateId("closed"), Assert.Single(Sender.Delivered).Message.TemplateId);
    }

    // ---- Outbox and worker ----

    [Fact]
    public async Task SendReplyAsync_RecordsAndSendsThroughTheOutbox()
    {
        var id = await IngestAsync(TestMail.Relay());
        var inbound = Assert.Single(await Store.GetMessagesAsync(id));

        var reply = await Editor.SendReplyAsync(id, new OutboundReply { Text = "It ships today." }, Kim);

        var c = await GetAsync(id);
        Assert.Equal((1, ConversationStatus.AwaitingBuyer), (c.SellerReplyCount, c.Status));
        Assert.Null(c.SlaDueAt);
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal(($"{WorkKinds.Send}:reply:{reply.Id}", WorkItemState.Pending), (item.IdempotencyKey, item.State));
        Assert.Empty(Sender.Delivered);

        await Worker().RunUntilIdleAsync();

        var sent = Assert.Single(Sender.Delivered).Message;
        Assert.Equal((OutgoingKind.Reply, reply.Id, reply.InternetMessageId), (sent.Kind, sent.MessageId!.Value, sent.InternetMessageId));
        Assert.Equal(inbound.InternetMessageId, sent.InReplyTo);
        Assert.Equal("It ships today.", sent.Text);
        Assert.Equal((WorkItemState.Succeeded, "out-1"), ((await WorkAsync(WorkKinds.Send, id))[0].State, (await WorkAsync(WorkKinds.Send, id))[0].Result));
        Assert.Equal(2, (await Store.GetMessagesAsync(id)).Count); // recorded once, not again when sent
    }

    [Fact]
    public async Task SendReplyAsync_WithAFile_SendsTheFile()
    {
        var id = await IngestAsync(TestMail.Relay());
        var manual = new MessageAttachment { FileName = "manual.pdf", ContentType = "application/pdf", Content = new byte[] { 0x25, 0x50, 0x44, 0x46, 0, 255 } };

        await Editor.SendReplyAsync(id, new OutboundReply { Text = "The manual is attached.", Attachments = [manual] }, Kim);
        await Worker().RunUntilIdleAsync();

        var sent = Assert.Single(Assert.Single(Sender.Delivered).Message.Attachments);
        Assert.Equal((manual.FileName, manual.ContentType), (sent.FileName, sent.ContentType));
        Assert.Equal(manual.Content.ToArray(), sent.Content.ToArray());

        // Once sent, the outbox item keeps the file's name, type and size, not its bytes; the reply keeps the file.
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal(WorkItemState.Succeeded, item.State);
        AssertCompacted(item.Payload, manual);
        var reply = Assert.Single(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.OutboundReply);
        Assert.Equal(manual.Content.ToArray(), Assert.Single(reply.Attachments).Content.ToArray());
    }

    private static void AssertCompacted(string payload, MessageAttachment file)
    {
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        var attachment = Assert.Single(json.RootElement.GetProperty("attachments").EnumerateArray().ToList());
        Assert.False(attachment.TryGetProperty("content", out _));
        Assert.Equal(file.FileName, attachment.GetProperty("fileName").GetString());
        Assert.Equal(file.ContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal(file.Size, attachment.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task AutoReply_TemplateWithAFile_SendsAndRecordsTheFile()
    {
        RandomValue = 0;
        var guide = new MessageAttachment { FileName = "返品ガイド.pdf", ContentType = "application/pdf", Content = new byte[] { 1, 2, 3, 4 } };
        var closed = (await Templates.GetTemplateAsync(new("closed"), CancellationToken.None))!;
        Templates.Set(closed with { Attachments = [guide] });
        var id = await IngestAsync(Jp());

        Clock.Advance(Duration.FromMinutes(5));
        await Worker().RunUntilIdleAsync();

        var sent = Assert.Single(Assert.Single(Sender.Delivered).Message.Attachments);
        Assert.Equal(guide.FileName, sent.FileName);
        Assert.Equal(guide.Content.ToArray(), sent.Content.ToArray());
        var recorded = Assert.Single(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.AutoReply);
        Assert.Equal([guide.FileName], recorded.Attachments.Select(a => a.FileName));
        Assert.Equal(guide.Content.ToArray(), recorded.Attachments[0].Content.ToArray());
        AssertCompacted(Assert.Single(await WorkAsync(WorkKinds.Send, id)).Payload, guide);
    }

    [Fact]
    public async Task AutoReply_TemplateWithAFileAmazonRefuses_FailsAndSendsNothing()
    {
        RandomValue = 0;
        var closed = (await Templates.GetTemplateAsync(new("closed"), CancellationToken.None))!;
        Templates.Set(closed with { Attachments = [new MessageAttachment { FileName = "setup.exe", ContentType = "application/x-msdownload", Content = new byte[] { 0x4d, 0x5a } }] });
        var id = await IngestAsync(Jp());

        Clock.Advance(Duration.FromMinutes(5));
        await Worker().RunUntilIdleAsync();

        Assert.Empty(Sender.Delivered);
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal(WorkItemState.Failed, item.State);
        // A failed item keeps the whole reply, files included: nothing was sent and nothing recorded.
        Assert.Equal([0x4d, 0x5a], Assert.Single(BuyerMessaging.Internal.AutomationJson.DeserializeOutgoing(item.Payload).Attachments).Content.ToArray());
    }

    [Fact]
    public async Task Send_FailuresRetryWithBackoff_ThenSucceedOnce()
    {
        var id = await IngestAsync(TestMail.Relay());
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Hi" }, Kim);
        var failures = 2;
        Sender.BeforeSend = (_, _) => Interlocked.Decrement(ref failures) >= 0 ? throw new IOException("SMTP 451 try later") : Task.CompletedTask;
        var worker = Worker();

        var first = await worker.RunOnceAsync();
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((1, 1, WorkItemState.Pending), (first.Retried, item.Attempts, item.State));
        Assert.Equal("IOException: SMTP 451 try later", item.LastError);
        Assert.Equal(Now + Duration.FromSeconds(30), item.DueAt);
        Clock.Advance(Duration.FromSeconds(30));
        await worker.RunOnceAsync();
        Assert.Equal(Now + Duration.FromSeconds(60), Assert.Single(await WorkAsync(WorkKinds.Send, id)).DueAt);
        Clock.Advance(Duration.FromSeconds(60));
        await worker.RunOnceAsync();

        item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Succeeded, 3), (item.State, item.Attempts));
        Assert.Single(Sender.Delivered);
        Assert.Equal(3, Sender.Calls);
    }

    [Theory]
    [InlineData(HumanAction.SendReply, "skipped: a person replied")]
    [InlineData(HumanAction.Resolve, "skipped: the conversation is resolved")]
    public async Task AutoReply_InTheOutboxWhenAPersonAnswers_IsNotSentAfterTheRetry(HumanAction action, string result)
    {
        // The auto-reply was rendered into the outbox, but its send failed; a person answers during the back-off.
        RandomValue = 0;
        var id = await IngestAsync(Jp());
        var failures = 1;
        Sender.BeforeSend = (m, _) => m.Kind == OutgoingKind.AutoReply && Interlocked.Decrement(ref failures) >= 0 ? throw new IOException("SMTP 451 try later") : Task.CompletedTask;
        var worker = Worker();
        Clock.Advance(Duration.FromMinutes(5));
        await worker.RunUntilIdleAsync();
        Assert.Equal(WorkItemState.Pending, Assert.Single(await WorkAsync(WorkKinds.Send, id)).State);

        await (action == HumanAction.SendReply
            ? Editor.SendReplyAsync(id, new OutboundReply { Text = "すぐ確認します。" }, Kim)
            : (Task)Editor.SetStatusAsync(id, ConversationStatus.Resolved, Kim));
        Clock.Advance(Duration.FromMinutes(1));
        await worker.RunUntilIdleAsync();

        Assert.DoesNotContain(Sender.Delivered, d => d.Message.Kind == OutgoingKind.AutoReply);
        var autoSend = (await WorkAsync(WorkKinds.Send, id)).First();
        Assert.Equal((WorkItemState.Succeeded, result), (autoSend.State, autoSend.Result));
        Assert.Empty(Events.Of(InboxEventKind.AutomaticReplySkipped));
        Assert.Empty(Events.Of(InboxEventKind.AutoReplySent));
        Assert.DoesNotContain(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.AutoReply);
    }

    [Fact]
    public async Task Send_FailsOnTheLastAttempt_WithTheReasonAndAnEvent()
    {
        var id = await IngestAsync(TestMail.Relay());
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Hi" }, Kim);
        Sender.BeforeSend = (_, _) => throw new InvalidOperationException("relay rejected the sender");
        var worker = Worker();

        for (var i = 0; i < 5; i++)
        {
            await worker.RunUntilIdleAsync();
            Clock.Advance(Duration.FromMinutes(10));
        }

        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Failed, 3), (item.State, item.Attempts));
        Assert.Equal("InvalidOperationException: relay rejected the sender", item.LastError);
        var failed = Assert.Single(Events.Of(InboxEventKind.SendFailed));
        Assert.Equal(id, failed.ConversationId);
        Assert.Contains("relay rejected the sender", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(Sender.Delivered);
    }

    [Fact]
    public async Task MissingTemplate_IsSkippedWithTheReason_NotRetriedNorFailed()
    {
        // Written past PolicyDirectory, which refuses a template that does not exist: as if it was deleted since.
        var saved = (await Policies.GetAsync(TestMail.AmazonJp))!;
        var tx = await Store.BeginTransactionAsync();
        await using (tx)
        {
            await tx.SaveChannelPoliciesAsync(saved with { AutoReply = saved.AutoReply! with { FirstContact = TemplateSelection.Always(new("gone")), MinDelayMinutes = 0, MaxDelayMinutes = 0 } });
            await tx.CommitAsync();
        }

        var id = await IngestAsync(Jp());
        var worker = Worker(maxAttempts: 3);

        await worker.RunUntilIdleAsync();

        var item = Assert.Single(await WorkAsync(WorkKinds.AutoReply, id));
        Assert.Equal((WorkItemState.Succeeded, 1, "skipped: template 'gone' does not exist"), (item.State, item.Attempts, item.Result));
        Assert.Empty(Events.Of(InboxEventKind.WorkFailed));
        Assert.Empty(Sender.Delivered);
        Assert.NotNull((await GetAsync(id)).SlaDueAt);
    }

    [Fact]
    public async Task Crash_BetweenLeaseAndSend_ExactlyOneReplyGoesOut()
    {
        RandomValue = 0;
        var id = await IngestAsync(Jp());
        Clock.Advance(Duration.FromMinutes(5));
        var a = Worker("worker-a");
        await a.RunOnceAsync(); // the auto-reply is rendered and queued; its send is due
        var outbox = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal(WorkItemState.Pending, outbox.State);
        var leased = new TaskCompletionSource();
        Sender.BeforeSend = async (_, ct) =>
        {
            if (Sender.Calls == 1)
            {
                leased.SetResult();
                await Task.Delay(Timeout.Infinite, ct); // worker A dies here: leased, nothing sent
            }
        };
        using var killA = new CancellationTokenSource();
        var dying = a.RunOnceAsync(killA.Token);
        await leased.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Clock.Advance(Lease);
        var b = Worker("worker-b", await OpenSecondStoreAsync());
        await b.RunUntilIdleAsync();
        await killA.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);
        await b.RunUntilIdleAsync();

        Assert.Single(Sender.Delivered);
        Assert.Equal(2, Sender.Calls);
        var done = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Succeeded, "worker-b", 2), (done.State, done.LeaseOwner, done.Attempts));
        Assert.Single(await Store.GetMessagesAsync(id), m => m.Direction == MessageDirection.AutoReply);
        Assert.Single(Events.Of(InboxEventKind.AutoReplySent));
    }

    [Fact]
    public async Task Crash_AfterSendBeforeItIsRecorded_TheSenderSeesTheSameKeyAndSendsOnce()
    {
        var id = await IngestAsync(TestMail.Relay());
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Hi" }, Kim);
        var sent = new TaskCompletionSource();
        Sender.AfterSend = async (_, ct) =>
        {
            if (Sender.Calls == 1)
            {
                sent.SetResult();
                await Task.Delay(Timeout.Infinite, ct); // worker A dies after the message left, before marking it sent
            }
        };
        using var killA = new CancellationTokenSource();
        var dying = Worker("worker-a").RunOnceAsync(killA.Token);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Clock.Advance(Lease);
        await Worker("worker-b", await OpenSecondStoreAsync()).RunUntilIdleAsync();
        await killA.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);

        Assert.Single(Sender.Delivered);
        Assert.Equal(2, Sender.Calls);
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Succeeded, "out-1"), (item.State, item.Result));
    }

    [Fact]
    public async Task Crash_EveryAttemptKillsTheWorker_FailsAfterMaxAttemptsWithoutRunningAgain()
    {
        // Each lease counts as an attempt: an item whose worker dies every time (a poison message) must end Failed with
        // the reason and an event, not be run for ever.
        var id = await IngestAsync(TestMail.Relay());
        await Worker().RunUntilIdleAsync();
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Hi" }, Kim);
        var leased = new SemaphoreSlim(0);
        Sender.BeforeSend = async (_, ct) =>
        {
            leased.Release();
            await Task.Delay(Timeout.Infinite, ct); // the worker dies while sending
        };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var kill = new CancellationTokenSource();
            var dying = Worker($"worker-{attempt}", await OpenSecondStoreAsync()).RunOnceAsync(kill.Token);
            await leased.WaitAsync(TimeSpan.FromSeconds(30));
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);
            Clock.Advance(Lease);
        }

        Sender.BeforeSend = null; // a fourth run would send
        var result = await Worker("worker-4").RunUntilIdleAsync();

        Assert.Equal(3, Sender.Calls);
        Assert.Empty(Sender.Delivered);
        Assert.Equal(1, result.Failed);
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Failed, 4), (item.State, item.Attempts));
        Assert.Contains("3 attempts", item.LastError, StringComparison.Ordinal);
        Assert.Contains("send: ", Assert.Single(Events.Of(InboxEventKind.SendFailed)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LostLease_ResultIsDiscarded()
    {
        var id = await IngestAsync(TestMail.Relay());
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Hi" }, Kim);
        var slowWorker = Worker("slow");
        Sender.BeforeSend = (_, _) =>
        {
            // While "slow" sends, its lease expires and another worker completes the item.
            if (Sender.Calls == 1)
            {
                Clock.Advance(Lease);
                return Worker("fast").RunOnceAsync();
            }

            return Task.CompletedTask;
        };

        var result = await slowWorker.RunOnceAsync();

        Assert.Equal(1, result.LeaseLost);
        var item = Assert.Single(await WorkAsync(WorkKinds.Send, id));
        Assert.Equal((WorkItemState.Succeeded, "fast"), (item.State, item.LeaseOwner));
        Assert.Single(Sender.Delivered);
    }

    [Fact]
    public async Task Batch_AnItemWhoseLeaseExpiredDuringTheBatch_IsLeftToAnotherWorker()
    {
        var id = await IngestAsync(TestMail.Relay());
        await Worker().RunUntilIdleAsync(); // deliver the new-message event first
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "One" }, Kim);
        await Editor.SendReplyAsync(id, new OutboundReply { Text = "Two" }, Kim);
        Sender.BeforeSend = (_, _) =>
        {
            if (Sender.Calls == 1)
            {
                Clock.Advance(Lease); // the first send is slow: the batch outlives its leases
            }

            return Task.CompletedTask;
        };

        var result = await Worker("w1").RunOnceAsync();

        Assert.Equal((2, 1, 1), (result.Leased, result.Succeeded, result.LeaseLost));
        Assert.Equal(["One"], Sender.Delivered.Select(d => d.Message.Text));
        await Worker("w2").RunUntilIdleAsync();
        Assert.Equal(["One", "Two"], Sender.Delivered.Select(d => d.Message.Text));
    }

    [Fact]
    public async Task Events_AreDeliveredAtLeastOnce_RetriedWhileAHandlerFails()
    {
        var failOnce = 1;
        Events.Fail = e => e.Kind == InboxEventKind.NewMessage && Interlocked.Decrement(ref failOnce) >= 0;
        var id = await IngestAsync(TestMail.Relay());
        var worker = Worker();

        await worker.RunUntilIdleAsync();
        var item = Assert.Single(await WorkAsync(WorkKinds.Event, id));
        Assert.Equal(WorkItemState.Pending, item.State);
        Clock.Advance(Duration.FromSeconds(30));
        await worker.RunUntilIdleAsync();

        var deliveries = Events.Of(InboxEventKind.NewMessage);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0], deliveries[1]);
        Assert.Equal(id, deliveries[0].ConversationId);
        Assert.Equal(TestMail.Start + Duration.FromHours(24), deliveries[0].DueAt);
        Assert.Equal(WorkItemState.Succeeded, Assert.Single(await WorkAsync(WorkKinds.Event, id)).State);
    }

    [Fact]
    public async Task RunOnceAsync_NothingDue_DoesNothing()
    {
        var result = await Worker().RunOnceAsync();

        Assert.Equal(new WorkPassResult(0, 0, 0, 0, 0), result);
    }
}

public sealed class InMemoryAutomationTests : AutomationContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
