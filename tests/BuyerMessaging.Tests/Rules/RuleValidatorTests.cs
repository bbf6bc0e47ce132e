namespace BuyerMessaging.Tests;

public sealed class RuleValidatorTests
{
    private static readonly RuleValidationContext Context = new()
    {
        Folders = new HashSet<FolderId>([.. SystemFolders.All.Select(f => f.Id), new FolderId("returns")]),
        Agents = new HashSet<AgentId>([new AgentId("kim")]),
        Stores = new HashSet<StoreId>([TestMail.Northwind]),
        Channels = new HashSet<ChannelId>([TestMail.AmazonUs]),
    };

    private static Rule Valid => new()
    {
        Id = new("r1"),
        Name = "Returns",
        Conditions = [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest)],
        Actions = [RuleAction.MoveToFolder(new FolderId("returns"))],
    };

    private static IReadOnlyList<ValidationError> Errors(Rule rule) => RuleValidator.Validate(rule, Context);

    private static void AssertError(Rule rule, string path, string messageStart)
    {
        var errors = Errors(rule);
        Assert.True(
            errors.Any(e => e.Path == path && e.Message.StartsWith(messageStart, StringComparison.Ordinal)),
            $"expected {path}: {messageStart}…, got: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void Validate_ValidRule_HasNoErrors() => Assert.Empty(Errors(Valid));

    [Fact]
    public void Validate_RegexThatDoesNotCompile_NamesTheConditionIndex() =>
        AssertError(
            Valid with { Conditions = [RuleCondition.SubjectContains("a"), RuleCondition.BodyContains("b"), RuleCondition.SubjectMatches("(unclosed")] },
            "Conditions[2].Value",
            "regular expression does not compile");

    [Fact]
    public void Validate_EveryFailingMemberAtOnce()
    {
        var rule = new Rule
        {
            Id = new("bad"),
            Name = " ",
            Scope = new RuleScope { Stores = [new StoreId("nowhere")], Marketplaces = ["XX"] },
            Conditions =
            [
                new RuleCondition { Field = RuleField.Subject, Operator = RuleOperator.IsOneOf, Values = ["x"] },
                new RuleCondition { Field = RuleField.MessageType, Operator = RuleOperator.IsOneOf, Values = ["parcel"] },
                new RuleCondition { Field = RuleField.HasOrder, Operator = RuleOperator.Is, Value = "maybe" },
                new RuleCondition { Field = RuleField.Language, Operator = RuleOperator.IsOneOf, Values = [] },
                new RuleCondition { Field = RuleField.Channel, Operator = RuleOperator.IsOneOf, Values = ["ghost"] },
                RuleCondition.SubjectContains(string.Empty),
            ],
            Actions = [RuleAction.MoveToFolder(new FolderId("ghost-folder")), RuleAction.AssignAgent(new AgentId("nobody")), RuleAction.AddTag(" ")],
        };

        var errors = Errors(rule);

        Assert.Equal(
            [
                "Name", "Scope.Stores[0]", "Scope.Marketplaces[0]", "Conditions[0].Operator", "Conditions[1].Values[0]", "Conditions[2].Value",
                "Conditions[3].Values", "Conditions[4].Values[0]", "Conditions[5].Value", "Actions[0].Folder", "Actions[1].Agent", "Actions[2].Tag",
            ],
            errors.Select(e => e.Path));
        Assert.Equal("folder 'ghost-folder' does not exist", errors.Single(e => e.Path == "Actions[0].Folder").Message);
        Assert.Equal("agent 'nobody' does not exist", errors.Single(e => e.Path == "Actions[1].Agent").Message);
        Assert.Equal("store 'nowhere' does not exist", errors.Single(e => e.Path == "Scope.Stores[0]").Message);
        Assert.Equal("channel 'ghost' does not exist", errors.Single(e => e.Path == "Conditions[4].Values[0]").Message);
    }

    [Fact]
    public void Validate_WithoutContext_ChecksStructureOnly() =>
        Assert.Empty(RuleValidator.Validate(Valid with { Actions = [RuleAction.MoveToFolder(new FolderId("ghost"))] }));

    [Fact]
    public void Validate_NoActions_IsAnError() => AssertError(Valid with { Actions = [] }, "Actions", "a rule needs at least one action");

    [Fact]
    public void Validate_SameFieldTwiceInOneRule_IsAnError()
    {
        AssertError(Valid with { Actions = [RuleAction.SetStatus(ConversationStatus.Pending), RuleAction.SetStatus(ConversationStatus.Resolved)] }, "Actions[1]", "Actions[0] already sets the status");
        AssertError(Valid with { Actions = [RuleAction.MoveToFolder(SystemFolders.Resolved), RuleAction.SetStatus(ConversationStatus.Pending)] }, "Actions[1]", "Actions[0] already sets the status");
        Assert.Empty(Errors(Valid with { Actions = [RuleAction.MoveToFolder(new FolderId("returns")), RuleAction.SetStatus(ConversationStatus.Pending), RuleAction.AddTag("a"), RuleAction.AddTag("b")] }));
    }

    [Fact]
    public void Validate_ActionWithoutItsValue_IsAnError()
    {
        AssertError(Valid with { Actions = [new RuleAction { Kind = RuleActionKind.MoveToFolder }] }, "Actions[0].Folder", "is required");
        AssertError(Valid with { Actions = [new RuleAction { Kind = RuleActionKind.AssignAgent }] }, "Actions[0].Agent", "is required");
        AssertError(Valid with { Actions = [new RuleAction { Kind = RuleActionKind.SetStatus }] }, "Actions[0].Status", "is required");
        AssertError(Valid with { Actions = [new RuleAction { Kind = (RuleActionKind)42 }] }, "Actions[0].Kind", "'42' is not an action");
    }

    [Fact]
    public void Validate_OperatorNotAllowedForField_SaysWhichToUse()
    {
        AssertError(Valid with { Conditions = [new RuleCondition { Field = RuleField.MessageType, Operator = RuleOperator.Contains, Value = "x" }] }, "Conditions[0].Operator", "'contains' cannot be used with 'messageType'; use 'isOneOf'");
        AssertError(Valid with { Conditions = [new RuleCondition { Field = RuleField.FirstContact, Operator = RuleOperator.IsOneOf, Values = ["true"] }] }, "Conditions[0].Operator", "'isOneOf' cannot be used with 'firstContact'; use 'is'");
        AssertError(Valid with { Conditions = [new RuleCondition { Field = RuleField.Body, Operator = RuleOperator.Contains, Value = "x", Values = ["y"] }] }, "Conditions[0].Values", "is not used with 'contains'");
    }

    [Fact]
    public void Validate_BadLanguageTagAndMarketplace()
    {
        AssertError(Valid with { Conditions = [RuleCondition.LanguageIsOneOf("japanese")] }, "Conditions[0].Values[0]", "'japanese' is not a BCP-47 language tag");
        AssertError(Valid with { Conditions = [RuleCondition.MarketplaceIsOneOf("Narnia")] }, "Conditions[0].Values[0]", "'Narnia' is not an Amazon marketplace");
        Assert.Empty(Errors(Valid with { Conditions = [RuleCondition.LanguageIsOneOf("ja", "en-US", "zh-Hant-TW"), RuleCondition.MarketplaceIsOneOf("JP", "A1PA6795UKMFR9", "gb")] }));
    }

    [Fact]
    public void Validate_NameWithLineBreak_IsAnError() => AssertError(Valid with { Name = "a\nb" }, "Name", "must not contain line breaks");

    [Fact]
    public void ThrowIfInvalid_ThrowsOneExceptionListingAll()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => RuleValidator.ThrowIfInvalid(Valid with { Name = "", Actions = [] }, Context));
        Assert.Equal(2, ex.Errors.Count);
        Assert.StartsWith("Rule 'r1' is invalid: Name: must not be empty; Actions: a rule needs at least one action", ex.Message, StringComparison.Ordinal);
    }
}
