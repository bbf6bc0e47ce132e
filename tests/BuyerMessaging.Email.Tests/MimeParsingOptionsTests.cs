namespace BuyerMessaging.Email.Tests;

public sealed class MimeParsingOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new MimeParsingOptions();

        Assert.Equal(32, options.MaxMimeDepth);
        Assert.Equal(50 * 1024 * 1024, options.MaxMessageBytes);
        Assert.Equal(100_000, options.MaxTextLength);
        Assert.Equal(AmazonRelayFormats.Default, options.RelayFormats);
        Assert.Equal(MimeParsingOptions.DefaultQuoteHeaderPatterns, options.QuoteHeaderPatterns);
        Assert.Equal(AmazonRelayFormats.NotificationTypes.Count, options.NotificationTypes.Count);
    }

    [Fact]
    public void RelayFormats_IsACopy_ChangingItLeavesTheDefaultsAlone()
    {
        var options = new MimeParsingOptions();

        options.RelayFormats.Clear();

        Assert.NotEmpty(AmazonRelayFormats.Default);
        Assert.NotEmpty(new MimeParsingOptions().RelayFormats);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, -5)]
    public void MimeMessageParser_LimitBelowOne_Throws(int depth, int bytes, int text)
    {
        var options = new MimeParsingOptions { MaxMimeDepth = depth, MaxMessageBytes = bytes, MaxTextLength = text };

        Assert.Throws<ArgumentOutOfRangeException>("options", () => new MimeMessageParser(options));
    }

    [Fact]
    public void MimeMessageParser_InvalidPatterns_ThrowOnceListingEvery()
    {
        var options = new MimeParsingOptions();
        options.QuoteHeaderPatterns.Add("([unclosed");
        options.RelayFormats.Add(new AmazonRelayFormat { Name = "broken", SubjectBuyerNamePatterns = ["from (?<who>.+)"] });

        var ex = Assert.Throws<ArgumentException>("options", () => new MimeMessageParser(options));

        Assert.Contains("QuoteHeaderPatterns[11] is not a valid regular expression", ex.Message, StringComparison.Ordinal);
        Assert.Contains("('broken').SubjectBuyerNamePatterns[0] has no group named 'name'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MimeMessageParser_ChangingOptionsAfterConstruction_HasNoEffect()
    {
        var options = new MimeParsingOptions { MaxMessageBytes = 10_000 };
        var parser = new MimeMessageParser(options);

        options.MaxMessageBytes = 10;

        Assert.True(parser.Parse(TestFiles.Ascii("From: a@customer.example\nSubject: hi\n\nhello\n")).Succeeded);
    }
}
