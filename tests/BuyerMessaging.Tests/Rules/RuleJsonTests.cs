namespace BuyerMessaging.Tests;

public sealed class RuleJsonTests
{
    private static readonly Rule Full = new()
    {
        Id = new("returns"),
        Name = "Returns → 返品",
        Enabled = false,
        Order = 7,
        Scope = new RuleScope { Stores = [TestMail.Sakura], Channels = [TestMail.AmazonJp], Marketplaces = ["JP"] },
        MatchMode = RuleMatchMode.Any,
        Conditions =
        [
            RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest, BuyerMessageType.DamagedOrDefective),
            RuleCondition.SubjectContains("配達"),
            RuleCondition.SubjectMatches(@"\d+"),
            RuleCondition.HasOrder(false),
            RuleCondition.FollowUp(),
        ],
        Actions =
        [
            RuleAction.MoveToFolder(new FolderId("returns")),
            RuleAction.AssignAgent(new AgentId("kim")),
            RuleAction.SetStatus(ConversationStatus.AwaitingBuyer),
            RuleAction.AddTag("返品"),
            RuleAction.MarkNoReplyNeeded(),
        ],
        StopProcessing = true,
    };

    [Fact]
    public void ExportImport_RoundTripsEveryMember()
    {
        var json = RuleJson.Export([Full]);
        var back = Assert.Single(RuleJson.Import(json));

        Assert.Equal(Full.Id, back.Id);
        Assert.Equal(Full.Name, back.Name);
        Assert.Equal(Full.Enabled, back.Enabled);
        Assert.Equal(Full.Order, back.Order);
        Assert.Equal(Full.Scope.Stores, back.Scope.Stores);
        Assert.Equal(Full.Scope.Channels, back.Scope.Channels);
        Assert.Equal(Full.Scope.Marketplaces, back.Scope.Marketplaces);
        Assert.Equal(Full.MatchMode, back.MatchMode);
        Assert.Equal(Full.Conditions.Select(c => (c.Field, c.Operator, c.Value, string.Join(",", c.Values))), back.Conditions.Select(c => (c.Field, c.Operator, c.Value, string.Join(",", c.Values))));
        Assert.Equal(Full.Actions, back.Actions);
        Assert.True(back.StopProcessing);
        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\": \"isOneOf\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"awaitingBuyer\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MinimalRule_UsesDefaults()
    {
        var rule = Assert.Single(RuleJson.Import("""[{"id":"a","name":"A","actions":[{"type":"add-tag","tag":"x"}]}]"""));
        Assert.True(rule.Enabled);
        Assert.Equal(RuleMatchMode.All, rule.MatchMode);
        Assert.True(rule.Scope.IsEverywhere);
        Assert.Empty(rule.Conditions);
        Assert.Equal(RuleAction.AddTag("x"), Assert.Single(rule.Actions));
    }

    [Fact]
    public void Import_Invalid_ListsEveryErrorWithPath()
    {
        const string json = """
            {"schemaVersion":1,"rules":[
              {"id":"a","name":"A","conditions":[{"field":"subject","operator":"matches","value":"(x"}],"actions":[{"type":"addTag","tag":"t"}]},
              {"id":"b","name":"B","matchMode":"most","conditions":[{"field":"colour","operator":"contains","value":"x"}],"actions":[{"type":"explode"},{"type":"setStatus","status":"done"}]},
              {"id":"a","name":"A again","actions":[{"type":"markNoReplyNeeded"}]},
              null
            ]}
            """;

        var ex = Assert.Throws<DefinitionValidationException>(() => RuleJson.Import(json));

        Assert.Equal(
            ["rules[0].Conditions[0].Value", "rules[1].MatchMode", "rules[1].Conditions[0].Field", "rules[1].Actions[0].Type", "rules[1].Actions[1].Status", "rules[2].Id", "rules[3]"],
            ex.Errors.Select(e => e.Path));
        Assert.StartsWith("regular expression does not compile", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("rules[0]", ex.Errors[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NewerSchema_IsRefused()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => RuleJson.Import("""{"schemaVersion":2,"rules":[]}"""));
        Assert.Equal("schemaVersion", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Import_MalformedJson_GivesThePosition()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => RuleJson.Import("""{"rules":[{"id":"a",}"""));
        Assert.Single(ex.Errors);
    }

    [Fact]
    public void Import_Null_Throws() => Assert.Throws<ArgumentNullException>("json", () => RuleJson.Import(null!));
}
