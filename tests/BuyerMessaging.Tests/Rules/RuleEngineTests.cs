using Microsoft.Extensions.Options;

namespace BuyerMessaging.Tests;

public sealed class RuleEngineTests
{
    private static readonly FolderId Returns = new("returns");
    private static readonly FolderId Vip = new("vip");
    private static readonly AgentId Kim = new("kim");
    private static readonly AgentId Sato = new("sato");

    private static RuleInput Input(
        string subject = "Inquiry from Amazon customer Jane Doe",
        string sender = "abcdefgh1234567@marketplace.amazon.com",
        string body = "Where is my parcel? It has not arrived yet.",
        BuyerMessageType type = BuyerMessageType.ShippingInquiry,
        string? language = "en",
        bool hasOrder = true,
        bool firstContact = true,
        ChannelId? channel = null,
        StoreId? store = null,
        string? marketplace = "US") => new()
    {
        Store = store ?? TestMail.Northwind,
        Channel = channel ?? TestMail.AmazonUs,
        MarketplaceCountry = marketplace,
        MarketplaceId = marketplace is null ? null : AmazonMarketplaces.All.First(m => m.CountryCode == marketplace).MarketplaceId,
        Subject = subject,
        Sender = sender,
        Body = body,
        MessageType = type,
        Language = language,
        HasOrder = hasOrder,
        IsFirstContact = firstContact,
    };

    private static Rule R(string id, RuleCondition? condition = null, RuleAction? action = null, int order = 0) => new()
    {
        Id = new RuleId(id),
        Name = id,
        Order = order,
        Conditions = condition is null ? [] : [condition],
        Actions = [action ?? RuleAction.AddTag(id)],
    };

    private static bool Holds(RuleCondition condition, RuleInput input) =>
        RuleEngine.Default.Compile([R("r", condition)]).Evaluate(input).MatchedRules.Count == 1;

    [Theory]
    [InlineData("配達について", "配達", true)]
    [InlineData("ﾊｲﾀﾂ の件", "ハイタツ", true)]
    [InlineData("ＡＢＣ order", "abc", true)]
    [InlineData("abc order", "ＡＢＣ", true)]
    [InlineData("Where is my ORDER", "order", true)]
    [InlineData("Where is my parcel", "配達", false)]
    public void SubjectContains_FoldsCaseAndWidth(string subject, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SubjectContains(value), Input(subject: subject)));

    [Theory]
    [InlineData("Where is my parcel", "配達", true)]
    [InlineData("配達が遅い", "配達", false)]
    [InlineData("ＲＥＴＵＲＮ please", "return", false)]
    public void SubjectDoesNotContain(string subject, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SubjectDoesNotContain(value), Input(subject: subject)));

    [Theory]
    [InlineData("Ｒｅ： order", "re:", true)]
    [InlineData("Inquiry from Amazon customer", "inquiry", true)]
    [InlineData("An inquiry", "inquiry", false)]
    public void SubjectStartsWith(string subject, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SubjectStartsWith(value), Input(subject: subject)));

    [Theory]
    [InlineData("ＨＥＬＬＯ", "hello", true)]
    [InlineData("hello there", "hello", false)]
    public void SubjectEquals(string subject, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SubjectEquals(value), Input(subject: subject)));

    [Theory]
    [InlineData("Order 111-2345678-1234567 damaged", @"\d{3}-\d{7}-\d{7}", true)]
    [InlineData("Ｏｒｄｅｒ １１１-２３４５６７８-１２３４５６７", @"order \d{3}-\d{7}-\d{7}", true)]
    [InlineData("No order here", @"\d{3}-\d{7}-\d{7}", false)]
    [InlineData("RETURN request", "^return", true)]
    public void SubjectMatches_RunsOnFoldedTextIgnoringCase(string subject, string pattern, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SubjectMatches(pattern), Input(subject: subject)));

    [Fact]
    public void SubjectMatches_TimeOut_CountsAsNoMatchAndDryRunSaysSo()
    {
        var engine = new RuleEngine(Options.Create(new RuleEngineOptions { RegexTimeout = TimeSpan.FromMilliseconds(1) }));
        var set = engine.Compile([R("slow", RuleCondition.SubjectMatches("(a+)+b"))]);
        var input = Input(subject: new string('a', 5000) + "c");

        Assert.Empty(set.Evaluate(input).MatchedRules);
        var trace = Assert.Single(set.DryRun(input).Rules);
        Assert.Equal(RuleTraceStatus.NotMatched, trace.Status);
        Assert.Contains("timed out", Assert.Single(trace.Conditions).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc@marketplace.amazon.co.jp", "@marketplace.amazon.co.jp", true)]
    [InlineData("ABC@MARKETPLACE.AMAZON.CO.JP", "@marketplace.amazon.co.jp", true)]
    [InlineData("abc@marketplace.amazon.com", "@marketplace.amazon.co.jp", false)]
    public void SenderEndsWith(string sender, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SenderEndsWith(value), Input(sender: sender)));

    [Theory]
    [InlineData("pat@mail.example", "mail.example", true)]
    [InlineData("pat@mail.example", "other", false)]
    public void SenderContains(string sender, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SenderContains(value), Input(sender: sender)));

    [Theory]
    [InlineData("Pat@Mail.Example", "pat@mail.example", true)]
    [InlineData("pat@mail.example.org", "pat@mail.example", false)]
    public void SenderEquals(string sender, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.SenderEquals(value), Input(sender: sender)));

    [Theory]
    [InlineData("商品が破損していました。ｶﾞﾗｽが割れています", "ガラス", true)]
    [InlineData("The item arrived BROKEN", "broken", true)]
    [InlineData("All good", "broken", false)]
    public void BodyContains(string body, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.BodyContains(value), Input(body: body)));

    [Fact]
    public void BodyOperators_AllTextOperatorsWork()
    {
        var input = Input(body: "Bitte um Rückerstattung");
        Assert.True(Holds(new RuleCondition { Field = RuleField.Body, Operator = RuleOperator.StartsWith, Value = "BITTE" }, input));
        Assert.True(Holds(new RuleCondition { Field = RuleField.Body, Operator = RuleOperator.EndsWith, Value = "rückerstattung" }, input));
        Assert.False(Holds(new RuleCondition { Field = RuleField.Body, Operator = RuleOperator.DoesNotContain, Value = "um" }, input));
    }

    [Theory]
    [InlineData(BuyerMessageType.ReturnRequest, true)]
    [InlineData(BuyerMessageType.DamagedOrDefective, true)]
    [InlineData(BuyerMessageType.ShippingInquiry, false)]
    [InlineData(BuyerMessageType.Other, false)]
    public void MessageTypeIsOneOf(BuyerMessageType type, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest, BuyerMessageType.DamagedOrDefective), Input(type: type)));

    [Fact]
    public void MessageTypeIsOneOf_AcceptsJsonNamesInAnyCase()
    {
        var condition = new RuleCondition { Field = RuleField.MessageType, Operator = RuleOperator.IsOneOf, Values = ["wrong-item", "AtoZClaim"] };
        Assert.True(Holds(condition, Input(type: BuyerMessageType.WrongItem)));
        Assert.True(Holds(condition, Input(type: BuyerMessageType.AtoZClaim)));
        Assert.False(Holds(condition, Input(type: BuyerMessageType.Refund)));
    }

    [Theory]
    [InlineData("ja", "ja", true)]
    [InlineData("ja-JP", "ja", true)]
    [InlineData("JA", "ja", true)]
    [InlineData("jam", "ja", false)]
    [InlineData("en", "ja", false)]
    [InlineData(null, "ja", false)]
    [InlineData("de-AT", "de-AT", true)]
    [InlineData("de", "de-AT", false)]
    public void LanguageIsOneOf(string? language, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.LanguageIsOneOf(value), Input(language: language)));

    [Fact]
    public void ChannelIsOneOf() =>
        Assert.Equal(
            [true, false],
            new[] { TestMail.AmazonUs, TestMail.Support }.Select(c => Holds(RuleCondition.ChannelIsOneOf(TestMail.AmazonUs, TestMail.AmazonDe), Input(channel: c))));

    [Fact]
    public void StoreIsOneOf() =>
        Assert.Equal(
            [false, true],
            new[] { TestMail.Northwind, TestMail.Sakura }.Select(s => Holds(RuleCondition.StoreIsOneOf(TestMail.Sakura), Input(store: s))));

    [Theory]
    [InlineData("JP", "JP", true)]
    [InlineData("JP", "jp", true)]
    [InlineData("JP", "A1VC38T7YXB528", true)]
    [InlineData("US", "JP", false)]
    [InlineData("UK", "GB", true)]
    [InlineData(null, "JP", false)]
    public void MarketplaceIsOneOf(string? channelMarketplace, string value, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.MarketplaceIsOneOf(value), Input(marketplace: channelMarketplace)));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    public void HasOrder(bool hasOrder, bool wanted, bool expected) =>
        Assert.Equal(expected, Holds(RuleCondition.HasOrder(wanted), Input(hasOrder: hasOrder)));

    [Fact]
    public void FirstContactAndFollowUp()
    {
        Assert.True(Holds(RuleCondition.FirstContact(), Input(firstContact: true)));
        Assert.False(Holds(RuleCondition.FirstContact(), Input(firstContact: false)));
        Assert.True(Holds(RuleCondition.FollowUp(), Input(firstContact: false)));
        Assert.False(Holds(RuleCondition.FollowUp(), Input(firstContact: true)));
    }

    [Fact]
    public void MatchModeAll_NeedsEveryCondition_Any_NeedsOne()
    {
        RuleCondition[] conditions = [RuleCondition.SubjectContains("parcel"), RuleCondition.BodyContains("refund")];
        var all = new Rule { Id = new("all"), Name = "all", MatchMode = RuleMatchMode.All, Conditions = conditions, Actions = [RuleAction.AddTag("all")] };
        var any = all with { Id = new("any"), Name = "any", MatchMode = RuleMatchMode.Any, Actions = [RuleAction.AddTag("any")] };
        var set = RuleEngine.Default.Compile([all, any]);

        Assert.Equal([new RuleId("any")], set.Evaluate(Input(subject: "my parcel", body: "late")).MatchedRules);
        Assert.Equal([new RuleId("all"), new RuleId("any")], set.Evaluate(Input(subject: "my parcel", body: "I want a refund")).MatchedRules);
        Assert.Empty(set.Evaluate(Input(subject: "hello", body: "late")).MatchedRules);
    }

    [Fact]
    public void RuleWithoutConditions_MatchesEveryMessageInScope()
    {
        var set = RuleEngine.Default.Compile([R("always")]);
        Assert.Single(set.Evaluate(Input()).MatchedRules);
    }

    [Fact]
    public void Scope_StoresChannelsAndMarketplacesMustAllHold()
    {
        var rule = R("jp") with { Scope = new RuleScope { Stores = [TestMail.Sakura], Marketplaces = ["JP"] } };
        var set = RuleEngine.Default.Compile([rule]);

        Assert.Single(set.Evaluate(Input(store: TestMail.Sakura, channel: TestMail.AmazonJp, marketplace: "JP")).MatchedRules);
        Assert.Empty(set.Evaluate(Input(store: TestMail.Northwind, marketplace: "JP")).MatchedRules);
        Assert.Empty(set.Evaluate(Input(store: TestMail.Sakura, marketplace: "US")).MatchedRules);
        Assert.Empty(set.Evaluate(Input(store: TestMail.Sakura, marketplace: null)).MatchedRules);

        var byChannel = RuleEngine.Default.Compile([R("ch") with { Scope = new RuleScope { Channels = [TestMail.Support] } }]);
        Assert.Single(byChannel.Evaluate(Input(channel: TestMail.Support, marketplace: null)).MatchedRules);
        Assert.Empty(byChannel.Evaluate(Input()).MatchedRules);
    }

    [Fact]
    public void Rules_RunInOrderThenId_RegardlessOfListOrder()
    {
        var set = RuleEngine.Default.Compile([R("b", order: 2), R("c", order: 1), R("a", order: 2)]);
        Assert.Equal(["c", "a", "b"], set.Evaluate(Input()).MatchedRules.Select(r => r.Value));
        Assert.Equal(["c", "a", "b"], set.Rules.Select(r => r.Id.Value));
    }

    [Fact]
    public void LaterRule_WinsOnTheSameField()
    {
        var set = RuleEngine.Default.Compile(
        [
            R("first", action: RuleAction.AssignAgent(Kim), order: 1) with { Actions = [RuleAction.AssignAgent(Kim), RuleAction.MoveToFolder(Returns), RuleAction.SetStatus(ConversationStatus.Pending)] },
            R("second", action: RuleAction.AssignAgent(Sato), order: 2),
        ]);

        var outcome = set.Evaluate(Input());

        Assert.Equal(Sato, outcome.Assignee!.Action.Agent);
        Assert.Equal("second", outcome.Assignee.RuleName);
        Assert.Equal("rule:second", outcome.Assignee.Actor);
        Assert.Equal(Returns, outcome.Folder!.Action.Folder);
        Assert.Equal(ConversationStatus.Pending, outcome.TargetStatus);
    }

    [Fact]
    public void StopProcessing_KeepsEarlierDecisionAndSkipsLaterRules()
    {
        var set = RuleEngine.Default.Compile(
        [
            R("vip", RuleCondition.SenderContains("vip"), RuleAction.AssignAgent(Kim), order: 1) with { StopProcessing = true },
            R("default", null, RuleAction.AssignAgent(Sato), order: 2),
        ]);

        var vip = set.Evaluate(Input(sender: "vip@mail.example"));
        Assert.Equal(Kim, vip.Assignee!.Action.Agent);
        Assert.Equal(new RuleId("vip"), vip.StoppedBy);
        Assert.Equal([new RuleId("vip")], vip.MatchedRules);

        var other = set.Evaluate(Input(sender: "someone@mail.example"));
        Assert.Equal(Sato, other.Assignee!.Action.Agent);
        Assert.Null(other.StoppedBy);
    }

    [Fact]
    public void StopProcessing_OfANonMatchingRule_StopsNothing()
    {
        var set = RuleEngine.Default.Compile(
        [
            R("never", RuleCondition.SubjectContains("zzz"), RuleAction.AssignAgent(Kim), order: 1) with { StopProcessing = true },
            R("later", null, RuleAction.AssignAgent(Sato), order: 2),
        ]);
        Assert.Equal(Sato, set.Evaluate(Input()).Assignee!.Action.Agent);
    }

    [Fact]
    public void DisabledRule_DoesNotRun()
    {
        var set = RuleEngine.Default.Compile([R("off") with { Enabled = false }]);
        Assert.True(set.Evaluate(Input()).IsEmpty);
        Assert.Equal(RuleTraceStatus.Disabled, Assert.Single(set.DryRun(Input()).Rules).Status);
    }

    [Fact]
    public void Tags_AddUpAcrossRules_CaseInsensitivelyOnce()
    {
        var set = RuleEngine.Default.Compile([R("a", action: RuleAction.AddTag("Urgent")), R("b", action: RuleAction.AddTag("urgent")), R("c", action: RuleAction.AddTag("jp"))]);
        var outcome = set.Evaluate(Input());
        Assert.Equal(["Urgent", "jp"], outcome.Tags.Select(t => t.Action.Tag));
        Assert.Equal("a", outcome.Tags[0].RuleName);
    }

    [Fact]
    public void MoveToSystemFolder_SetsItsStatus_LaterSetStatusWins()
    {
        var first = RuleEngine.Default.Compile([R("sys", action: RuleAction.MoveToFolder(SystemFolders.Pending))]).Evaluate(Input());
        Assert.Equal(ConversationStatus.Pending, first.TargetStatus);

        var overridden = RuleEngine.Default.Compile(
        [
            R("sys", action: RuleAction.MoveToFolder(SystemFolders.Pending), order: 1),
            R("status", action: RuleAction.SetStatus(ConversationStatus.Resolved), order: 2),
        ]).Evaluate(Input());
        Assert.Equal(ConversationStatus.Resolved, overridden.TargetStatus);
        Assert.Equal(SystemFolders.Pending, overridden.Folder!.Action.Folder);

        var custom = RuleEngine.Default.Compile([R("custom", action: RuleAction.MoveToFolder(Vip))]).Evaluate(Input());
        Assert.Null(custom.TargetStatus);
    }

    [Fact]
    public void Conditions_ReadTheMessageNotEarlierActions_NoLoops()
    {
        // The second rule would match only if the first rule's tag or status were visible to conditions; it is not.
        var set = RuleEngine.Default.Compile(
        [
            R("tagger", RuleCondition.SubjectContains("parcel"), RuleAction.AddTag("pending-parcel"), order: 1),
            R("chained", RuleCondition.SubjectContains("pending-parcel"), RuleAction.AssignAgent(Kim), order: 2),
        ]);
        var outcome = set.Evaluate(Input(subject: "my parcel"));
        Assert.Equal([new RuleId("tagger")], outcome.MatchedRules);
        Assert.Null(outcome.Assignee);
    }

    [Fact]
    public void DryRun_ExplainsEveryConditionAndEveryRule()
    {
        var rules = new[]
        {
            new Rule
            {
                Id = new("delivery"), Name = "Delivery JP", Order = 1,
                Conditions = [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ShippingInquiry), RuleCondition.SubjectContains("配達"), RuleCondition.SenderEndsWith("@marketplace.amazon.com")],
                Actions = [RuleAction.MoveToFolder(Returns)],
            },
            R("stopper", RuleCondition.BodyContains("parcel"), RuleAction.AddTag("x"), order: 2) with { StopProcessing = true },
            R("late", null, RuleAction.AddTag("late"), order: 3),
            R("jp-only", null, RuleAction.AddTag("jp"), order: 0) with { Scope = new RuleScope { Marketplaces = ["JP"] } },
        };

        var dry = RuleEngine.Default.DryRun(rules, Input(subject: "Where is my parcel?"));

        Assert.Equal(["jp-only", "delivery", "stopper", "late"], dry.Rules.Select(r => r.RuleId.Value));
        Assert.Equal(RuleTraceStatus.OutOfScope, dry.Rules[0].Status);
        Assert.Contains("marketplace US is not in the rule's scope [JP]", dry.Rules[0].Reason, StringComparison.Ordinal);

        var delivery = dry.Rules[1];
        Assert.Equal(RuleTraceStatus.NotMatched, delivery.Status);
        Assert.Equal([true, false, true], delivery.Conditions.Select(c => c.Held));
        Assert.Equal("subject \"Where is my parcel?\" does not contain \"配達\" (compared ignoring case and width)", delivery.Conditions[1].Reason);
        Assert.Equal("message type shippingInquiry is one of [shippingInquiry]", delivery.Conditions[0].Reason);
        Assert.Contains("1 of 3 conditions did not hold", delivery.Reason, StringComparison.Ordinal);

        Assert.Equal(RuleTraceStatus.Matched, dry.Rules[2].Status);
        Assert.Contains("stops processing", dry.Rules[2].Reason, StringComparison.Ordinal);
        Assert.Equal(RuleTraceStatus.NotReached, dry.Rules[3].Status);
        Assert.Equal(new RuleId("stopper"), dry.Outcome.StoppedBy);
        Assert.Equal(["x"], dry.Outcome.Tags.Select(t => t.Action.Tag));
    }

    [Fact]
    public void DryRun_OutcomeEqualsEvaluate()
    {
        var rules = new[] { R("a", RuleCondition.SubjectContains("parcel"), RuleAction.AssignAgent(Kim)), R("b", RuleCondition.HasOrder(), RuleAction.AddTag("order")) };
        var set = RuleEngine.Default.Compile(rules);
        var input = Input(subject: "parcel");
        var evaluated = set.Evaluate(input);
        var dry = set.DryRun(input).Outcome;
        Assert.Equal(evaluated.MatchedRules, dry.MatchedRules);
        Assert.Equal(evaluated.Assignee, dry.Assignee);
        Assert.Equal(evaluated.Tags, dry.Tags);
    }

    [Fact]
    public void Compile_InvalidRules_ListsEveryErrorWithItsPath()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => RuleEngine.Default.Compile(
        [
            R("ok"),
            R("bad", RuleCondition.SubjectMatches("([a-z")),
            R("ok"),
        ]));

        Assert.Contains(ex.Errors, e => e.Path == "rules[1].Conditions[0].Value" && e.Message.StartsWith("regular expression does not compile", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Path == "rules[2].Id" && e.Message.Contains("rules[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_RejectsNonPositiveRegexTimeout() =>
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new RuleEngine(Options.Create(new RuleEngineOptions { RegexTimeout = TimeSpan.Zero })));

    [Fact]
    public void Evaluate_NullInput_Throws() =>
        Assert.Throws<ArgumentNullException>("input", () => RuleEngine.Default.Compile([]).Evaluate(null!));
}
