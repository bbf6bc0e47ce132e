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

    [Fact]
    public void Validate_ForAChannel_NamesTemplatesOfAnotherStoreOrChannel()
    {
        var channel = TestMail.AmazonJpChannel;
        var templates = new Dictionary<TemplateId, Template>
        {
            [new("own")] = new Template { Id = new("own"), Name = "Own", Language = "ja", StoreId = channel.StoreId },
            [new("sample")] = new Template { Id = new("sample"), Name = "Sample", Language = "ja" },
            [new("other-store")] = new Template { Id = new("other-store"), Name = "Other", Language = "ja", StoreId = new StoreId("elsewhere") },
            [new("other-channel")] = new Template { Id = new("other-channel"), Name = "Other channel", Language = "ja", StoreId = channel.StoreId, Channels = [new ChannelId("sakura-rakuten")] },
            [new("this-channel")] = new Template { Id = new("this-channel"), Name = "This channel", Language = "ja", Channels = [channel.Id] },
        };
        var policy = new SmartReplyPolicy { Templates = [new("own"), new("sample"), new("other-store"), new("other-channel"), new("this-channel")] };

        var errors = policy.Validate(templates, channel, "SmartReply");

        Assert.Equal(["SmartReply.Templates[2]", "SmartReply.Templates[3]"], errors.Select(e => e.Path));
        Assert.Contains("store 'elsewhere'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not for channel", errors[1].Message, StringComparison.Ordinal);
    }
}
