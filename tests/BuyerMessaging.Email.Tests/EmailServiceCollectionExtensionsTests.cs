using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuyerMessaging.Email.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEmailParsing_NullServices_ThrowsWithParameterName() =>
        Assert.Throws<ArgumentNullException>("services", () => EmailServiceCollectionExtensions.AddEmailParsing((IServiceCollection)null!));

    [Fact]
    public void AddEmailParsing_NullBuilder_ThrowsWithParameterName() =>
        Assert.Throws<ArgumentNullException>("builder", () => EmailServiceCollectionExtensions.AddEmailParsing((BuyerMessagingBuilder)null!));

    [Fact]
    public void AddEmailParsing_RegistersParserAsSingleton()
    {
        using var provider = new ServiceCollection().AddEmailParsing().BuildServiceProvider();

        var parser = provider.GetRequiredService<MimeMessageParser>();

        Assert.Same(parser, provider.GetRequiredService<MimeMessageParser>());
    }

    [Fact]
    public void AddEmailParsing_Configure_IsApplied()
    {
        using var provider = new ServiceCollection()
            .AddEmailParsing(o => o.MaxMessageBytes = 100)
            .BuildServiceProvider();

        var result = provider.GetRequiredService<MimeMessageParser>().Parse(new byte[101]);

        Assert.Contains("limit of 100 bytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmailParsing_ExistingParser_IsKept()
    {
        var mine = new MimeMessageParser();
        var services = new ServiceCollection().AddSingleton(mine);

        using var provider = services.AddEmailParsing().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<MimeMessageParser>());
    }

    [Fact]
    public void AddEmailParsing_RegisteredLanguageDetector_IsUsed()
    {
        var detector = new FakeLanguageDetector("xx");
        using var provider = new ServiceCollection()
            .AddSingleton<ILanguageDetector>(detector)
            .AddEmailParsing()
            .BuildServiceProvider();

        var message = provider.GetRequiredService<MimeMessageParser>()
            .Parse(TestFiles.Ascii("From: a@customer.example\nSubject: hi\n\nhello there\n")).Message!;

        Assert.Equal("xx", message.Language);
        Assert.Equal(["hello there"], detector.Texts);
    }

    [Fact]
    public void AddEmailParsing_InvalidOptions_FailValidation()
    {
        using var provider = new ServiceCollection()
            .AddEmailParsing(o => o.MaxMimeDepth = 0)
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MimeParsingOptions>>().Value);

        Assert.Contains("MaxMimeDepth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmailParsing_OnBuilder_RegistersNextToCore()
    {
        var services = new ServiceCollection();

        services.AddBuyerMessaging().AddEmailParsing();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<MimeMessageParser>());
    }

    [Fact]
    public void AddEmailParsing_CalledTwice_RegistersOneParser()
    {
        var services = new ServiceCollection().AddEmailParsing().AddEmailParsing();

        Assert.Single(services, d => d.ServiceType == typeof(MimeMessageParser));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<MimeParsingOptions>));
    }

    private sealed class FakeLanguageDetector(string language) : ILanguageDetector
    {
        public List<string> Texts { get; } = [];

        public LanguageDetection Detect(string text)
        {
            Texts.Add(text);
            return new(language, 1);
        }
    }
}
