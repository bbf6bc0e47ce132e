namespace BuyerMessaging.Tests;

public sealed class SmartReplyPolicyLanguageTests
{
    private static readonly Dictionary<TemplateId, Template> Templates = new()
    {
        [new("a")] = new Template { Id = new("a"), Name = "A", Language = "ja-JP" },
        [new("b")] = new Template { Id = new("b"), Name = "B", Language = "en" },
    };

    [Fact]
    public void Validate_TemplateOfAnotherLanguage_MissingTemplate_AndChannelLanguage_AreEachNamed()
    {
        var policy = new SmartReplyPolicy { Name = "JP store", Language = "ja", Templates = [new("a"), new("b"), new("c")] };

        var errors = policy.Validate(Templates, "de", "SmartReply");

        Assert.Equal(["SmartReply.Templates[1]", "SmartReply.Templates[2]", "SmartReply.Language"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_OneLanguageEverywhere_IsValid() =>
        Assert.Empty(new SmartReplyPolicy { Language = "ja", Templates = [new("a")] }.Validate(Templates, "ja-JP"));

    [Fact]
    public void Json_KeepsNameAndLanguage()
    {
        var policies = new ChannelPolicies { ChannelId = ChannelId.Parse("amazon-jp"), SmartReply = new SmartReplyPolicy { Name = "JP", Language = "ja", Enabled = false, Templates = [new("a")] } };

        var back = ChannelPoliciesJson.Deserialize(ChannelPoliciesJson.Serialize(policies));

        Assert.Equal(("JP", "ja", false), (back.SmartReply!.Name, back.SmartReply.Language, back.SmartReply.Enabled));
    }
}
