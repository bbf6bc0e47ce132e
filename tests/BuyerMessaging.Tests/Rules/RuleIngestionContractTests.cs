using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

/// <summary>
/// Rules at ingestion, rules applied to existing conversations, dry runs and rule persistence through
/// <see cref="RuleBook"/>. Part of the store contract: every store implementation derives from this class.
/// </summary>
public abstract class RuleIngestionContractTests : IAsyncLifetime
{
    protected static readonly AgentId Kim = new("kim");

    protected FakeClock Clock { get; } = new(TestMail.Start);

    protected IConversationStore Store { get; private set; } = null!;

    protected ConversationIngestor Ingestor { get; private set; } = null!;

    protected RuleBook Rules { get; private set; } = null!;

    protected FolderId ReturnsFolder { get; private set; }

    protected abstract Task<IConversationStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await TestMail.ConfigureAsync(Store);
        await new StoreDirectory(Store).SaveAgentAsync(new Agent { Id = Kim, Name = "Kim" });
        ReturnsFolder = (await new FolderEditor(Store, Clock).CreateAsync("Returns")).Id;
        Ingestor = new ConversationIngestor(Store, Clock);
        Rules = new RuleBook(Store, Clock);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Rule ReturnsRule => new()
    {
        Id = new("returns"),
        Name = "Returns",
        Order = 1,
        MatchMode = RuleMatchMode.Any,
        Conditions = [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest, BuyerMessageType.DamagedOrDefective), RuleCondition.SubjectContains("返品")],
        Actions = [RuleAction.MoveToFolder(ReturnsFolder), RuleAction.AssignAgent(Kim), RuleAction.SetStatus(ConversationStatus.Pending), RuleAction.AddTag("return")],
    };

    [Fact]
    public async Task Ingest_MatchingRule_AppliesEveryActionWithRuleHistory()
    {
        await Rules.SaveAsync(ReturnsRule);

        var result = await Ingestor.IngestAsync(TestMail.Relay(type: BuyerMessageType.ReturnRequest));

        Assert.Equal([new RuleId("returns")], result.MatchedRules);
        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.NotNull(c);
        Assert.Equal(ReturnsFolder, c.FolderId);
        Assert.Equal(Kim, c.Assignee);
        Assert.Equal(ConversationStatus.Pending, c.Status);
        Assert.Equal(["return"], c.Tags);
        Assert.Equal(1, c.Version);
        var history = await Store.GetHistoryAsync(c.Id);
        Assert.Equal(
            [("system", ChangeKinds.Created), ("system", ChangeKinds.InboundMessage), ("rule:Returns", ChangeKinds.Folder), ("rule:Returns", ChangeKinds.Status), ("rule:Returns", ChangeKinds.Assignee), ("rule:Returns", ChangeKinds.TagAdded)],
            history.Select(h => (h.Actor, h.What)));
        Assert.Equal(("Open", "Pending"), (history[3].From, history[3].To));
    }

    [Fact]
    public async Task Ingest_NonMatchingRule_ChangesNothing()
    {
        await Rules.SaveAsync(ReturnsRule);

        var result = await Ingestor.IngestAsync(TestMail.Relay(type: BuyerMessageType.ShippingInquiry));

        Assert.Empty(result.MatchedRules);
        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.Equal((ConversationStatus.Open, (FolderId?)null, (AgentId?)null), (c!.Status, c.FolderId, c.Assignee));
        Assert.Equal(2, (await Store.GetHistoryAsync(c.Id)).Count);
    }

    [Fact]
    public async Task Ingest_JapaneseSubjectInHalfWidth_MatchesFullWidthValue()
    {
        await Rules.SaveAsync(ReturnsRule with { Conditions = [RuleCondition.SubjectContains("ﾍﾝﾋﾟﾝ")] });

        var result = await Ingestor.IngestAsync(TestMail.Relay(subject: "ヘンピンについて", to: "amazon-jp@sakura-home.example", marketplace: "JP", alias: "x1@marketplace.amazon.co.jp", type: BuyerMessageType.Other));

        Assert.Single(result.MatchedRules);
    }

    [Fact]
    public async Task Ingest_FollowUpRule_AppliesOnlyToTheSecondMessage_AfterReopening()
    {
        await Rules.SaveAsync(new Rule
        {
            Id = new("follow"), Name = "Follow-ups", Conditions = [RuleCondition.FollowUp()],
            Actions = [RuleAction.AddTag("follow-up"), RuleAction.MoveToFolder(SystemFolders.Pending)],
        });
        var first = await Ingestor.IngestAsync(TestMail.Relay());
        Assert.Empty(first.MatchedRules);
        await new ConversationEditor(Store, Clock).SetStatusAsync(first.ConversationId!.Value, ConversationStatus.Resolved, Kim);

        Clock.Advance(Duration.FromHours(1));
        var second = await Ingestor.IngestAsync(TestMail.Relay(text: "Any news?"));

        Assert.Equal(IngestOutcome.Appended, second.Outcome);
        Assert.True(second.Reopened);
        Assert.Single(second.MatchedRules);
        var c = await Store.GetConversationAsync(second.ConversationId!.Value);
        Assert.Equal(ConversationStatus.Pending, c!.Status);
        Assert.Equal(["follow-up"], c.Tags);
        var history = (await Store.GetHistoryAsync(c.Id)).Skip(3).Select(h => (h.Actor, h.What, h.From, h.To)).ToList();
        Assert.Equal(("system", ChangeKinds.Status, "Resolved", "Open"), history[0]);
        Assert.Equal(("rule:Follow-ups", ChangeKinds.Status, "Open", "Pending"), history[2]);
    }

    [Fact]
    public async Task Ingest_MarkNoReplyNeeded_ClearsSla()
    {
        await Rules.SaveAsync(new Rule { Id = new("nr"), Name = "No reply", Conditions = [RuleCondition.SubjectContains("thank you")], Actions = [RuleAction.MarkNoReplyNeeded()] });

        var result = await Ingestor.IngestAsync(TestMail.Mail(subject: "Thank you!"));

        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.True(c!.NoReplyNeeded);
        Assert.Null(c.SlaDueAt);
        Assert.Contains(await Store.GetHistoryAsync(c.Id), h => h.Actor == "rule:No reply" && h.What == ChangeKinds.NoReplyNeeded && h.To == "true");
    }

    [Fact]
    public async Task Ingest_RuleResolves_TheClockWaitsWithTheWholeResponseTime()
    {
        await Rules.SaveAsync(new Rule { Id = new("done"), Name = "Done", Conditions = [RuleCondition.SubjectContains("thank you")], Actions = [RuleAction.SetStatus(ConversationStatus.Resolved)] });

        var result = await Ingestor.IngestAsync(TestMail.Mail(subject: "Thank you!"));

        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.Equal(ConversationStatus.Resolved, c!.Status);
        Assert.Null(c.SlaDueAt);
        Assert.Equal(Duration.FromHours(24), c.SlaPausedRemaining);
    }

    [Fact]
    public async Task Ingest_RuleSetsAwaitingBuyerOnAFollowUp_PausesTheRunningClockWithWhatIsLeft()
    {
        var first = await Ingestor.IngestAsync(TestMail.Relay());
        var due = (await Store.GetConversationAsync(first.ConversationId!.Value))!.SlaDueAt;
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromHours(24), due);
        await Rules.SaveAsync(new Rule { Id = new("wait"), Name = "Wait", Conditions = [RuleCondition.FollowUp()], Actions = [RuleAction.SetStatus(ConversationStatus.AwaitingBuyer)] });

        Clock.Advance(Duration.FromHours(4));
        var second = await Ingestor.IngestAsync(TestMail.Relay(text: "Here is the photo you asked for."));

        var c = await Store.GetConversationAsync(second.ConversationId!.Value);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ConversationStatus.AwaitingBuyer, c!.Status);
        Assert.Null(c.SlaDueAt);
        Assert.Equal(Duration.FromHours(20), c.SlaPausedRemaining);
    }

    [Fact]
    public async Task Ingest_UsesTheRulesAsTheyAreNow()
    {
        await Rules.SaveAsync(ReturnsRule);
        var before = await Ingestor.IngestAsync(TestMail.Relay(type: BuyerMessageType.ReturnRequest));
        await Rules.SaveAsync(ReturnsRule with { Enabled = false });
        var after = await Ingestor.IngestAsync(TestMail.Relay(alias: "other123@marketplace.amazon.com", orderId: "111-0000000-0000001", type: BuyerMessageType.ReturnRequest));
        await Rules.DeleteAsync(new RuleId("returns"));
        await Rules.SaveAsync(ReturnsRule with { Id = new("returns2"), Name = "Returns 2", Actions = [RuleAction.AddTag("again")] });
        var third = await Ingestor.IngestAsync(TestMail.Relay(alias: "third123@marketplace.amazon.com", orderId: "111-0000000-0000002", type: BuyerMessageType.ReturnRequest));

        Assert.Single(before.MatchedRules);
        Assert.Empty(after.MatchedRules);
        Assert.Equal([new RuleId("returns2")], third.MatchedRules);
    }

    [Fact]
    public async Task Ingest_RuleWhoseFolderWasDeleted_SkipsTheMoveButKeepsTheMessage()
    {
        await Rules.SaveAsync(ReturnsRule);
        await new FolderEditor(Store, Clock).DeleteAsync(ReturnsFolder, Kim);

        var result = await Ingestor.IngestAsync(TestMail.Relay(type: BuyerMessageType.ReturnRequest));

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        var c = await Store.GetConversationAsync(result.ConversationId!.Value);
        Assert.Null(c!.FolderId);
        Assert.Equal(Kim, c.Assignee);
    }

    [Fact]
    public async Task Ingest_Duplicate_RunsNoRules()
    {
        await Rules.SaveAsync(ReturnsRule);
        var message = TestMail.Relay(type: BuyerMessageType.ReturnRequest, messageId: "dup@marketplace.amazon.com");
        var first = await Ingestor.IngestAsync(message);
        var historyCount = (await Store.GetHistoryAsync(first.ConversationId!.Value)).Count;

        var second = await Ingestor.IngestAsync(message);

        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Empty(second.MatchedRules);
        Assert.Equal(historyCount, (await Store.GetHistoryAsync(first.ConversationId.Value)).Count);
    }

    [Fact]
    public async Task Ingest_IngestorWithoutRules_IgnoresStoredRules()
    {
        await Rules.SaveAsync(ReturnsRule);
        var plain = new ConversationIngestor(Store, Clock, Options.Create(new IngestionOptions()), null, rules: null);

        var result = await plain.IngestAsync(TestMail.Relay(type: BuyerMessageType.ReturnRequest));

        Assert.Empty(result.MatchedRules);
        Assert.Null((await Store.GetConversationAsync(result.ConversationId!.Value))!.FolderId);
    }

    [Fact]
    public async Task SaveAsync_InvalidRule_NamesUnknownFolderAndAgent_AndSavesNothing()
    {
        var rule = ReturnsRule with
        {
            Conditions = [RuleCondition.SubjectContains("x"), RuleCondition.BodyContains("y"), RuleCondition.SubjectMatches("[")],
            Actions = [RuleAction.MoveToFolder(new FolderId("nope")), RuleAction.AssignAgent(new AgentId("ghost"))],
        };

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => Rules.SaveAsync(rule));

        Assert.Equal(["Conditions[2].Value", "Actions[0].Folder", "Actions[1].Agent"], ex.Errors.Select(e => e.Path));
        Assert.Contains("Conditions[2].Value: regular expression does not compile", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Actions[0].Folder: folder 'nope' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Actions[1].Agent: agent 'ghost' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Rules.GetAllAsync());
    }

    [Fact]
    public async Task ImportExport_RoundTripThroughTheStore()
    {
        await Rules.SaveAsync(ReturnsRule);
        await Rules.SaveAsync(ReturnsRule with { Id = new("other"), Name = "Other", Order = 5 });
        var json = await Rules.ExportAsync();

        var target = await CreateStoreAsync();
        await TestMail.ConfigureAsync(target);
        await new StoreDirectory(target).SaveAgentAsync(new Agent { Id = Kim, Name = "Kim" });
        await new FolderEditor(target, Clock).CreateAsync("Returns");
        var imported = await new RuleBook(target, Clock).ImportAsync(json);

        Assert.Equal(2, imported.Count);
        Assert.Equal(json, await new RuleBook(target, Clock).ExportAsync());
    }

    [Fact]
    public async Task ImportAsync_OneBadRule_SavesNothingAndNamesIt()
    {
        await Rules.SaveAsync(ReturnsRule);
        var json = RuleJson.Export([ReturnsRule with { Id = new("a") }, ReturnsRule with { Id = new("b"), Actions = [RuleAction.AssignAgent(new AgentId("ghost"))] }]);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => Rules.ImportAsync(json, replaceAll: true));

        Assert.Equal("rules[1].Actions[0].Agent", Assert.Single(ex.Errors).Path);
        Assert.Equal(["returns"], (await Rules.GetAllAsync()).Select(r => r.Id.Value));
    }

    [Fact]
    public async Task ImportAsync_ReplaceAll_RemovesRulesNotInTheFile()
    {
        await Rules.SaveAsync(ReturnsRule);
        await Rules.ImportAsync(RuleJson.Export([ReturnsRule with { Id = new("new") }]), replaceAll: true);
        Assert.Equal(["new"], (await Rules.GetAllAsync()).Select(r => r.Id.Value));
    }

    [Fact]
    public async Task ApplyAsync_ExistingConversationsSelectedByQuery_DryRunThenApplyThenIdempotent()
    {
        var ret = await Ingestor.IngestAsync(TestMail.Relay(type: BuyerMessageType.ReturnRequest));
        var ship = await Ingestor.IngestAsync(TestMail.Relay(alias: "zz123@marketplace.amazon.com", orderId: "111-0000000-0000009", type: BuyerMessageType.ShippingInquiry));
        var jp = await Ingestor.IngestAsync(TestMail.Relay(alias: "jp1@marketplace.amazon.co.jp", to: "amazon-jp@sakura-home.example", marketplace: "JP", type: BuyerMessageType.ReturnRequest));
        await Rules.SaveAsync(ReturnsRule);
        var query = new InboxQuery { Stores = [TestMail.Northwind], PageSize = 1 };

        var dry = await Rules.ApplyAsync(query, dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal(2, dry.Examined);
        Assert.Equal(1, dry.Changed);
        Assert.Equal(ret.ConversationId, Assert.Single(dry.Conversations).ConversationId);
        Assert.Null((await Store.GetConversationAsync(ret.ConversationId!.Value))!.FolderId);

        Clock.Advance(Duration.FromMinutes(5));
        var applied = await Rules.ApplyAsync(query);
        Assert.Equal(1, applied.Changed);
        Assert.Equal(4, applied.Conversations[0].Changes.Count);
        var c = await Store.GetConversationAsync(ret.ConversationId.Value);
        Assert.Equal((ReturnsFolder, Kim, ConversationStatus.Pending, Clock.GetCurrentInstant()), (c!.FolderId, c.Assignee!.Value, c.Status, c.UpdatedAt));
        Assert.All((await Store.GetHistoryAsync(c.Id)).Skip(2), h => Assert.Equal("rule:Returns", h.Actor));
        Assert.Null((await Store.GetConversationAsync(jp.ConversationId!.Value))!.FolderId);
        Assert.Null((await Store.GetConversationAsync(ship.ConversationId!.Value))!.FolderId);

        var again = await Rules.ApplyAsync(query);
        Assert.Equal(0, again.Changed);
        Assert.Empty(Assert.Single(again.Conversations).Changes);
    }

    [Fact]
    public async Task ApplyAsync_GivenRules_UsesThemInsteadOfStoredOnes()
    {
        var r = await Ingestor.IngestAsync(TestMail.Mail());
        var result = await Rules.ApplyAsync(new InboxQuery(), [new Rule { Id = new("t"), Name = "Tag all", Actions = [RuleAction.AddTag("seen")] }]);
        Assert.Equal(1, result.Changed);
        Assert.Equal(["seen"], (await Store.GetConversationAsync(r.ConversationId!.Value))!.Tags);
    }

    [Fact]
    public async Task DryRunRulesAsync_TellsFirstContactFromFollowUp_AndStoresNothing()
    {
        Rule[] rules = [new Rule { Id = new("f"), Name = "First", Conditions = [RuleCondition.FirstContact()], Actions = [RuleAction.AddTag("first")] }];
        var message = TestMail.Relay();

        var before = await Ingestor.DryRunRulesAsync(message, rules);
        Assert.Equal(RuleTraceStatus.Matched, Assert.Single(before.Rules).Status);
        Assert.Equal(0, (await Store.CountAsync()).Total);

        await Ingestor.IngestAsync(message);
        var after = await Ingestor.DryRunRulesAsync(TestMail.Relay(text: "again"), rules);
        var trace = Assert.Single(after.Rules);
        Assert.Equal(RuleTraceStatus.NotMatched, trace.Status);
        Assert.Equal("the message is a follow-up; the condition wants: the message is a first contact", Assert.Single(trace.Conditions).Reason);
        Assert.Equal(1, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task DryRunRulesAsync_StoredRulesByDefault()
    {
        await Rules.SaveAsync(ReturnsRule);
        var dry = await Ingestor.DryRunRulesAsync(TestMail.Relay(type: BuyerMessageType.DamagedOrDefective));
        Assert.Equal([new RuleId("returns")], dry.Outcome.MatchedRules);
    }

    [Fact]
    public async Task DryRunRulesAsync_UnknownChannel_SaysWhy()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>("message", () => Ingestor.DryRunRulesAsync(TestMail.Mail(to: "nobody@elsewhere.example"), []));
        Assert.Contains("would be quarantined", ex.Message, StringComparison.Ordinal);
    }
}
