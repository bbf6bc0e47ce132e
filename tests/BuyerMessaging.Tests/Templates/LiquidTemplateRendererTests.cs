using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed class LiquidTemplateRendererTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 20, 23, 30);
    private readonly LiquidTemplateRenderer _renderer = new(new FakeClock(Now));

    private static Template T(string body, string subject = "Hello", bool html = false, string language = "en") =>
        new() { Id = new("t1"), Name = "t", Language = language, Subject = subject, Body = body, IsHtml = html };

    private string Render(string body, TemplateModel? model = null, bool html = false) =>
        _renderer.Render(T(body, html: html), model ?? TemplateModel.Sample("en")).Text;

    [Fact]
    public void Render_MemberPathsAndFilters()
    {
        Assert.Equal("Dear ALEX EXAMPLE, order 250-1234567-1234567", Render("Dear {{ buyer.name | upcase }}, order {{ order.id }}"));
        Assert.Equal("Stainless…", Render("{{ order.items[0].title | truncate: 10, '…' }}"));
        Assert.Equal("2 items: KETTLE-10, FILTER-2", Render("{{ order.items | size }} items: {% for i in order.items %}{{ i.sku }}{% unless forloop.last %}, {% endunless %}{% endfor %}"));
        Assert.Equal("5", Render("{{ 2 | plus: 4 | minus: 3 | times: 5 | divided_by: 3 }}"));
        Assert.Equal("Hello world", Render("{{ '  hello world ' | strip | capitalize }}"));
        Assert.Equal("x-y", Render("{% assign parts = 'x' %}{% capture c %}{{ parts }}-y{% endcapture %}{{ c }}"));
    }

    [Fact]
    public void Render_TagsIfElsifElseForLimitCommentRaw()
    {
        var body = "{% if order.total > 100 %}big{% elsif order.total > 50 %}mid{% else %}small{% endif %}|"
            + "{% for n in (1..10) limit: 3 %}{{ n }}{% endfor %}|"
            + "{% comment %}{{ nothing.here }}{% endcomment %}"
            + "{% raw %}{{ not rendered }}{% endraw %}|"
            + "{% for x in order.items offset: 5 %}-{% else %}none{% endfor %}";

        Assert.Equal("mid|123|{{ not rendered }}|none", Render(body));
    }

    [Fact]
    public void Render_BreakAndContinue()
    {
        Assert.Equal("1 3 ", Render("{% for n in (1..9) %}{% if n == 2 %}{% continue %}{% endif %}{% if n > 3 %}{% break %}{% endif %}{{ n }} {% endfor %}"));
    }

    [Fact]
    public void Render_WhitespaceControl_TrimsAroundMarkup()
    {
        Assert.Equal("a:b", Render("a:\n  {{- 'b' -}}\n  "));
        Assert.Equal("[x]", Render("[\n{%- if true -%}\nx\n{%- endif -%}\n]"));
    }

    [Fact]
    public void Render_Money_InTheChannelsLanguage()
    {
        Assert.Equal("$55.97", Render("{{ order.total }}"));
        Assert.Equal("￥6,940", _renderer.Render(T("{{ order.total | money }}", language: "ja"), TemplateModel.Sample("ja")).Text);
        Assert.Equal("48,97 €", _renderer.Render(T("{{ order.total }}", language: "de"), TemplateModel.Sample("de")).Text.Replace('\u00a0', ' '));
        Assert.Equal("$79.98 USD", Render("{{ order.items[0].price | times: 2 | money_with_currency }}"));
    }

    [Theory]
    [InlineData("en", "Monday, November 16, 2026")] // Los Angeles is still on the 16th
    [InlineData("ja", "2026年11月17日火曜日")]
    [InlineData("de", "Dienstag, 17. November 2026")]
    public void Render_Dates_InTheChannelsLanguage(string language, string expected)
    {
        var rendered = _renderer.Render(T("{{ order.delivery.earliest | date }}", language: language), TemplateModel.Sample(language));

        Assert.Equal(expected, rendered.Text);
    }

    [Fact]
    public void Render_Dates_InTheChannelsZone()
    {
        // 2026-11-20 23:30 UTC is already the 21st in Tokyo and still the 20th in Los Angeles.
        var tokyo = TemplateModel.Sample("ja");
        var la = TemplateModel.Sample("en");
        Assert.Equal("2026-11-21 08:30", _renderer.Render(T("{{ now | date: '%Y-%m-%d %H:%M' }}"), tokyo).Text);
        Assert.Equal("2026-11-20 15:30", _renderer.Render(T("{{ now | date: '%Y-%m-%d %H:%M' }}"), la).Text);
        Assert.Equal("21. November", _renderer.Render(T("{{ 'now' | date: '%-d. %B' }}", language: "de"), TemplateModel.Sample("de")).Text);
    }

    [Fact]
    public void Render_MissingValues_AreAllNamed()
    {
        var model = new TemplateModel { Order = new OrderDetails { Id = "1" } };
        var template = T("{{ buyer.name }} {{ order.date | date }} {{ order.id }}", subject: "{{ store.name }}");

        var ex = Assert.Throws<TemplateRenderException>(() => _renderer.Render(template, model));

        Assert.Equal(["Subject: store.name", "Body: buyer.name", "Body: order.date"], ex.Missing);
        Assert.Contains("no value for Subject: store.name, Body: buyer.name, Body: order.date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingValueWithDefault_UsesTheDefault()
    {
        var model = new TemplateModel();

        var rendered = _renderer.Render(T("Dear {{ buyer.name | default: 'customer' }}{% if order.id %} ({{ order.id }}){% endif %}, {{ order.delivery.latest | date | default: 'soon' }}"), model);

        Assert.Equal("Dear customer, soon", rendered.Text);
    }

    [Fact]
    public void Render_HtmlBody_EscapesValues()
    {
        var model = TemplateModel.Sample("en") with { Buyer = new Buyer("<script>alert('x')</script>", "a@b.example", false) };

        var rendered = _renderer.Render(T("<p>Dear {{ buyer.name }}</p>{{ '<b>' | escape }}", html: true), model);

        Assert.Equal("<p>Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>&lt;b&gt;", rendered.Html);
        Assert.Equal("Dear <script>alert('x')</script>\n<b>", rendered.Text);
    }

    [Fact]
    public void Render_Subject_NeverHoldsALineBreak()
    {
        var model = TemplateModel.Sample("en") with { Buyer = new Buyer("Evil\r\nBcc: victim@example.com\u2028x\u0085y", "a@b.example", false) };

        var rendered = _renderer.Render(T("body", subject: "Hi {{ buyer.name }}\n{% if true %}\r\n!{% endif %}"), model);

        Assert.Equal("Hi Evil Bcc: victim@example.com x y !", rendered.Subject);
        Assert.DoesNotContain('\n', rendered.Subject);
        Assert.DoesNotContain('\r', rendered.Subject);
    }

    [Theory]
    [InlineData("{% include 'secrets.txt' %}", "'include' is not allowed")]
    [InlineData("{% render 'x' %}", "'render' is not allowed")]
    [InlineData("{{ buyer.name.GetType }}", "unknown variable 'buyer.name.GetType'")]
    [InlineData("{{ order | system }}", "unknown filter 'system'")]
    public void Validate_Sandbox_RefusesFilesAndForeignMembers(string body, string message)
    {
        var errors = LiquidTemplateRenderer.Validate(T(body));

        Assert.Contains(errors, e => e.Path == "Body" && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Sandbox_BoundsLoopsAndOutput()
    {
        var loops = Assert.Throws<TemplateRenderException>(() => Render("{% for a in (1..5000) %}{% for b in (1..5000) %}x{% endfor %}{% endfor %}"));
        Assert.Contains("more than 10000 times", loops.Message, StringComparison.Ordinal);

        var output = Assert.Throws<TemplateRenderException>(() => Render("{% for a in (1..9000) %}{{ order.items[0].title }}{{ order.items[0].title }}{% endfor %}"));
        Assert.Contains("longer than 100000 characters", output.Message, StringComparison.Ordinal);

        Assert.Contains("at most 10000 numbers", Assert.Throws<TemplateRenderException>(() => Render("{% for a in (1..99999999) %}{% endfor %}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sandbox_CannotReachClrMembersOfTheModel()
    {
        // Only the model's plain values exist: CLR members such as Length or Count are not there.
        var ex = Assert.Throws<TemplateRenderException>(() => Render("{{ buyer.name.Length }}{{ order.items.Count }}"));

        Assert.Equal(["Body: buyer.name.Length", "Body: order.items.Count"], ex.Missing);
    }

    [Fact]
    public void Validate_UnknownVariable_NamesFieldPathAndLine()
    {
        var errors = LiquidTemplateRenderer.Validate(T("Dear {{ buyer.name }},\n\nyour order\n{{ ordr.id }} {{ order.itemz }}", subject: "Re {{ stor.name }}"));

        Assert.Equal(
            ["Subject: unknown variable 'stor.name' at line 1", "Body: unknown variable 'ordr.id' at line 4", "Body: unknown variable 'order.itemz' at line 4"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_LocalsAndLoopVariables_AreKnown()
    {
        var errors = LiquidTemplateRenderer.Validate(T(
            "{% assign first = order.items | first %}{{ first.title }}{% for item in order.items %}{{ item.asin }}{{ forloop.index }}{{ item.colour }}{% endfor %}{{ item.sku }}"));

        Assert.Equal(["Body: unknown variable 'item.colour' at line 1", "Body: unknown variable 'item.sku' at line 1"], errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("{% if x %}", "'endif' is missing")]
    [InlineData("{{ order.id ", "'{{' is not closed by '}}'")]
    [InlineData("{% endfor %}", "unknown tag 'endfor'")]
    [InlineData("{{ order.id | truncate }}", "filter 'truncate' takes 1 to 2 arguments")]
    [InlineData("{% frobnicate %}", "unknown tag 'frobnicate'")]
    [InlineData("{{ now | date: '%Q' }}", "'%Q' is not a date format this renderer supports")]
    public void Validate_SyntaxErrors_AreReported(string body, string message)
    {
        var errors = LiquidTemplateRenderer.Validate(T(body));

        Assert.Contains(errors, e => e.Path == "Body" && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SubjectWithLineBreak_IsAnError()
    {
        var errors = LiquidTemplateRenderer.Validate(T("b", subject: "line one\nline two"));

        Assert.Contains(errors, e => e.Path == "Subject" && e.Message.StartsWith("must be one line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenderAsync_Conversation_UsesOrderLookupStoreAndAgent()
    {
        var store = new InMemoryConversationStore();
        await TestMail.ConfigureAsync(store);
        var lookup = new TestOrderLookup(new OrderDetails { Id = "503-1", PurchasedAt = Instant.FromUtc(2026, 11, 1, 16, 0), Currency = "JPY", Total = 1980 });
        var renderer = new LiquidTemplateRenderer(new FakeClock(Now), orderLookup: lookup, store: store);
        var conversation = new Conversation
        {
            Id = new("c1"), StoreId = TestMail.Sakura, ChannelId = TestMail.AmazonJp, Buyer = new Buyer(null, "x@marketplace.amazon.co.jp", true),
            OrderId = "503-1", FirstInboundAt = Now, LastInboundAt = Now, UpdatedAt = Now,
        };
        var template = T("{{ buyer.name | default: 'お客' }}様 {{ store.name }} {{ order.id }} {{ order.date | date }} {{ order.total }}", language: "ja");

        var rendered = await renderer.RenderAsync(template, conversation, TestMail.AmazonJpChannel, default);

        Assert.Equal("お客様 Sakura Home 503-1 2026年11月2日月曜日 ￥1,980", rendered.Text);
        Assert.Equal("503-1", lookup.LastOrderId);
    }

    [Fact]
    public async Task RenderAsync_WithoutOrderLookup_KnowsOnlyTheOrderId()
    {
        var conversation = new Conversation
        {
            Id = new("c1"), StoreId = TestMail.Northwind, ChannelId = TestMail.Support, Buyer = new Buyer("Pat", "pat@mail.example", false),
            OrderId = "NW-1001", FirstInboundAt = Now, LastInboundAt = Now, UpdatedAt = Now,
        };

        var ok = await _renderer.RenderAsync(T("{{ order.id }} {{ store.name }} {{ channel.name }}"), conversation, TestMail.SupportChannel, default);
        var ex = await Assert.ThrowsAsync<TemplateRenderException>(() => _renderer.RenderAsync(T("{{ order.date | date }}"), conversation, TestMail.SupportChannel, default));

        Assert.Equal("NW-1001 Northwind Goods Support", ok.Text);
        Assert.Equal(["Body: order.date"], ex.Missing);
    }

    [Fact]
    public void Render_ParsesOnceAndReusesTheCache()
    {
        var template = T("{{ order.id }}");

        Assert.Equal(_renderer.Render(template, TemplateModel.Sample("en")).Text, _renderer.Render(template, TemplateModel.Sample("de")).Text);
    }

    [Fact]
    public void Render_FlatNamesOfTheSimpleRenderer_StillWork()
    {
        var model = new TemplateModel { Buyer = new Buyer(null, "x@y.example", false), Channel = TestMail.SupportChannel };

        Assert.Equal("[] Northwind Goods (Support) []", Render("[{{ buyer_name }}] {{ store_name }} ({{ channel_name }}) [{{ order_id }}]", model));
    }

    [Fact]
    public void AddBuyerMessaging_RegistersTheLiquidRendererAndTheTemplateBook()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITranslator>(new NoTranslator());
        services.AddBuyerMessaging();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<LiquidTemplateRenderer>(provider.GetRequiredService<ITemplateRenderer>());
        Assert.Same(provider.GetRequiredService<TemplateBook>(), provider.GetRequiredService<TemplateBook>());
    }

    private sealed class NoTranslator : ITranslator
    {
        public Task<string> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken = default) => Task.FromResult(text);
    }

    private sealed class TestOrderLookup(OrderDetails order) : IOrderLookup
    {
        public string? LastOrderId { get; private set; }

        public Task<OrderDetails?> GetOrderAsync(Channel channel, string orderId, CancellationToken cancellationToken = default)
        {
            LastOrderId = orderId;
            return Task.FromResult<OrderDetails?>(order);
        }
    }
}
