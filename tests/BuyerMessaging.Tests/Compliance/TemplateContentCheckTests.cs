using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Tests;

/// <summary>The Amazon content check on template save (wired through DI) and on the shipped sample library.</summary>
public sealed class TemplateContentCheckTests
{
    public static TheoryData<string> SampleIds()
    {
        var data = new TheoryData<string>();
        foreach (var sample in TemplateSamples.All)
        {
            data.Add(sample.Id.Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Sample_PassesTheContentCheck_WithoutBlockFindings(string id)
    {
        var sample = TemplateSamples.Find(new(id))!;

        var result = AmazonContentChecker.Default.CheckTemplate(sample);

        Assert.False(result.IsBlocked, string.Join("\n", result.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Part}@{f.Start}: '{f.Text}'")));
    }

    [Fact]
    public async Task SaveAsync_ThroughDependencyInjection_RefusesATemplateAmazonForbids_NamingThePart()
    {
        var services = new ServiceCollection();
        services.AddBuyerMessaging();
        await using var provider = services.BuildServiceProvider();
        var book = provider.GetRequiredService<TemplateBook>();
        var template = new Template
        {
            Id = new("review-ask"),
            Name = "Thanks",
            Language = "en",
            StoreId = TestMail.Northwind,
            Subject = "Thank you for your order",
            Body = "Thank you! Please leave us a 5-star review and we will send you a $5 gift card.",
        };

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(template));

        Assert.Contains(ex.Errors, e => e.Path == "Body");
        Assert.Empty(await book.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_ThroughDependencyInjection_AcceptsAnOrdinaryTemplate()
    {
        var services = new ServiceCollection();
        services.AddBuyerMessaging();
        await using var provider = services.BuildServiceProvider();
        var book = provider.GetRequiredService<TemplateBook>();

        await book.SaveAsync(new Template
        {
            Id = new("delay"),
            Name = "Delay",
            Language = "en",
            StoreId = TestMail.Northwind,
            Subject = "About your order {{ order.id | default: '' }}",
            Body = "Dear {{ buyer.name | default: 'customer' }},\n\nWe are sorry for the delay. Your parcel will arrive within 3 business days.",
        });

        Assert.Single(await book.ListAsync());
    }
}
