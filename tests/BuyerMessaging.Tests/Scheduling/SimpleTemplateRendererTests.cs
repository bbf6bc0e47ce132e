using BuyerMessaging.Internal;

namespace BuyerMessaging.Tests;

public sealed class SimpleTemplateRendererTests
{
    private static readonly Conversation Conversation = new()
    {
        Id = new("c1"),
        StoreId = TestMail.Northwind,
        ChannelId = TestMail.Support,
        Buyer = new Buyer("Pat <O'Neil>", "pat@mail.example", false),
        OrderId = "NW-1001",
        FirstInboundAt = TestMail.Start,
        LastInboundAt = TestMail.Start,
        UpdatedAt = TestMail.Start,
    };

    [Fact]
    public async Task RenderAsync_FillsTheSimpleVariables()
    {
        var template = new Template { Id = new("t"), Name = "t", Language = "en", Subject = "Order {{order_id}}", Body = "Dear {{ buyer_name }}, {{ store_name }} ({{ channel_name }}) thanks you." };

        var rendered = await SimpleTemplateRenderer.Instance.RenderAsync(template, Conversation, TestMail.SupportChannel, default);

        Assert.Equal("Order NW-1001", rendered.Subject);
        Assert.Equal("Dear Pat <O'Neil>, Northwind Goods (Support) thanks you.", rendered.Text);
        Assert.Null(rendered.Html);
    }

    [Fact]
    public async Task RenderAsync_Html_EscapesValuesAndDerivesText()
    {
        var template = new Template { Id = new("t"), Name = "t", Language = "en", IsHtml = true, Body = "<p>Dear {{ buyer_name }}</p><p>Bye</p>" };

        var rendered = await SimpleTemplateRenderer.Instance.RenderAsync(template, Conversation, TestMail.SupportChannel, default);

        Assert.Equal("<p>Dear Pat &lt;O&#39;Neil&gt;</p><p>Bye</p>", rendered.Html);
        Assert.Equal("Dear Pat <O'Neil>\nBye", rendered.Text);
    }

    [Theory]
    [InlineData("Hello {{ buyer.first_name }}")]
    [InlineData("{% if order_id %}x{% endif %}")]
    [InlineData("{{ unknown_variable }}")]
    public async Task RenderAsync_OtherMarkup_RefusesWithTheTemplateNamed(string body)
    {
        var template = new Template { Id = new("liquid"), Name = "t", Language = "en", Body = body };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => SimpleTemplateRenderer.Instance.RenderAsync(template, Conversation, TestMail.SupportChannel, default));

        Assert.Contains("Template 'liquid' Body", ex.Message, StringComparison.Ordinal);
    }
}
