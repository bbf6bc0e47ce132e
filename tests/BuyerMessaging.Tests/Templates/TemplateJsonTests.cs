namespace BuyerMessaging.Tests;

public sealed class TemplateJsonTests
{
    [Fact]
    public void ExportImport_RoundTripsEveryField()
    {
        var template = new Template
        {
            Id = new("shipping-delay-en"),
            Name = "Shipping delay",
            Description = "Parcel is late",
            Language = "en",
            StoreId = TestMail.Northwind,
            Channels = [TestMail.AmazonUs],
            Enabled = false,
            Subject = "About your order {{ order.id }}",
            Body = "Dear {{ buyer.name }}, we are sorry...",
            IsHtml = true,
            Attachments = [new MessageAttachment { FileName = "guide.pdf", ContentType = "application/pdf", Content = new byte[] { 1, 2, 3 } }],
            MessageTypes = [BuyerMessageType.ShippingInquiry],
            Tags = ["shipping"],
            Examples = ["Where is my parcel?"],
        };

        var json = TemplateJson.Export([template]);
        var back = Assert.Single(TemplateJson.Import(json));

        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"shippingInquiry\"", json, StringComparison.Ordinal);
        Assert.Equal(template.Id, back.Id);
        Assert.Equal(template.Channels, back.Channels);
        Assert.Equal(template.MessageTypes, back.MessageTypes);
        Assert.Equal(template.Examples, back.Examples);
        Assert.Equal([1, 2, 3], back.Attachments[0].Content.ToArray());
        Assert.Equal(template with { Channels = back.Channels, MessageTypes = back.MessageTypes, Tags = back.Tags, Examples = back.Examples, Attachments = back.Attachments }, back);
    }

    [Fact]
    public void Export_JapaneseAndHtml_AreWrittenAsIsForPeopleToEdit()
    {
        var template = new Template { Id = new("refund-ja"), Name = "返金", Language = "ja", Body = "<p>{{ buyer.name }} 様、返金いたします。</p>", IsHtml = true };

        var json = TemplateJson.Export([template]);

        Assert.Contains("\"name\": \"返金\"", json, StringComparison.Ordinal);
        Assert.Contains("\"body\": \"<p>{{ buyer.name }} 様、返金いたします。</p>\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        var back = Assert.Single(TemplateJson.Import(json));
        Assert.Equal((template.Name, template.Body), (back.Name, back.Body));
    }

    [Fact]
    public void Import_BareArrayWithMinimalMembers_UsesDefaults()
    {
        var templates = TemplateJson.Import("""[{"id":"t1","name":"Refund","language":"en","body":"We refunded you.","examples":["Where is my refund?"]}]""");

        var t = Assert.Single(templates);
        Assert.True(t.Enabled);
        Assert.Equal("We refunded you.", t.Body);
        Assert.Equal(["Where is my refund?"], t.Examples);
    }

    [Fact]
    public void Import_InvalidTemplates_ListsEveryMemberWithPath()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => TemplateJson.Import(
            """{"templates":[{"id":"a","name":"A","language":"en"},{"name":"","messageTypes":["nope"]},{"id":"a","name":"B","language":"de"}]}"""));

        Assert.Equal(
            ["templates[1].id", "templates[1].name", "templates[1].language", "templates[1].messageTypes[0]", "templates[2].id"],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("templates[0]", ex.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MalformedJson_FailsWithPath()
    {
        var ex = Assert.Throws<DefinitionValidationException>(() => TemplateJson.Import("""{"templates":[{"id":1}]}"""));
        Assert.Contains("templates[0].id", Assert.Single(ex.Errors).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NewerSchema_IsRefused() =>
        Assert.Equal("schemaVersion", Assert.Single(Assert.Throws<DefinitionValidationException>(() => TemplateJson.Import("""{"schemaVersion":2,"templates":[]}""")).Errors).Path);
}
