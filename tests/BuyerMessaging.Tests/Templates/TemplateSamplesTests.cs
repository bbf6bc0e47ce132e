using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed partial class TemplateSamplesTests
{
    private static readonly string[] Situations =
    [
        "shipping-delay", "tracking-not-updating", "lost-parcel", "damaged-item", "defective-item", "wrong-item", "missing-part",
        "how-to-use", "return-request", "refund", "cancellation", "address-change", "warranty", "a-to-z-claim", "out-of-office",
    ];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var t in TemplateSamples.All)
        {
            data.Add(t.Id.Value);
        }

        return data;
    }

    [Fact]
    public void All_HoldsEverySituationInEnglishJapaneseAndGerman()
    {
        var expected = TemplateSamples.Languages.SelectMany(l => Situations.Select(s => $"sample-{s}-{l}")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, TemplateSamples.All.Select(t => t.Id.Value).Order(StringComparer.Ordinal));
        Assert.All(TemplateSamples.All, t => Assert.Null(t.StoreId));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sample_RendersWithTheSampleModel(string id)
    {
        var template = TemplateSamples.Find(new(id))!;
        var renderer = new LiquidTemplateRenderer(new FakeClock(Instant.FromUtc(2026, 11, 20, 9, 0)));

        var rendered = renderer.Render(template, TemplateModel.Sample(template.Language));

        Assert.DoesNotContain("{{", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', rendered.Subject);
        Assert.Contains(template.Id.Value.Contains("out-of-office", StringComparison.Ordinal) ? "Sample Store" : "250-1234567-1234567", rendered.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sample_RendersWithAnEmptyModel(string id)
    {
        // A relay buyer without a name, no order lookup, no store: the samples fall back to their defaults.
        var template = TemplateSamples.Find(new(id))!;
        var renderer = new LiquidTemplateRenderer(new FakeClock(Instant.FromUtc(2026, 11, 20, 9, 0)));

        var rendered = renderer.Render(template, new TemplateModel());

        Assert.False(string.IsNullOrWhiteSpace(rendered.Text));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sample_PassesValidationAndThePlaybook(string id)
    {
        var template = TemplateSamples.Find(new(id))!;

        Assert.Empty(new TemplateBook(new InMemoryConversationStore()).Validate(template with { Id = new("copy"), StoreId = TestMail.Northwind }));
        Assert.NotEmpty(template.Examples);
        Assert.Matches(@"(^|\n)1\. ", template.Body.Contains("out-of-office", StringComparison.Ordinal) || id.Contains("out-of-office", StringComparison.Ordinal) ? "\n1. " : template.Body);
        Assert.Matches(TimeFrame(), template.Body);
        Assert.DoesNotMatch(Forbidden(), template.Body);
        Assert.DoesNotMatch(Forbidden(), template.Subject);
    }

    [GeneratedRegex(@"24|2 business days|2 Werktage|2営業日|3 days|3日")]
    private static partial Regex TimeFrame();

    [GeneratedRegex(
        @"https?://|www\.|\S+@\S+\.\w+|\+?\d[\d\s-]{8,}\d|review|feedback|\brating|\bstars?\b|coupon|discount|gift|Bewertung|Rezension|Gutschein|Rabatt|Geschenk|レビュー|評価|クーポン|割引|プレゼント|withdraw|zurückziehen|取り下げ|取り消して",
        RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();
}
