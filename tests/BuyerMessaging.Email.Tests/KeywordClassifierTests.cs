using BuyerMessaging.Internal;

namespace BuyerMessaging.Email.Tests;

public sealed class KeywordClassifierTests
{
    private static KeywordClassifier Create(params (BuyerMessageType Type, string[] Words)[] entries) =>
        new([entries.ToDictionary(e => e.Type, e => (IReadOnlyList<string>)e.Words)]);

    [Theory]
    [InlineData("I want to cancel", true)]
    [InlineData("Cancel, please", true)]
    [InlineData("it was cancelled", false)]
    [InlineData("uncancel", false)]
    public void Classify_PlainKeyword_MatchesWholeWordsOnly(string text, bool matches)
    {
        var classifier = Create((BuyerMessageType.Cancellation, ["cancel"]));

        Assert.Equal(matches ? BuyerMessageType.Cancellation : BuyerMessageType.Other, classifier.Classify(text));
    }

    [Theory]
    [InlineData("refunded yesterday")]
    [InlineData("REFUNDS")]
    public void Classify_TrailingStar_MatchesAnyEnding(string text) =>
        Assert.Equal(BuyerMessageType.Refund, Create((BuyerMessageType.Refund, ["refund*"])).Classify(text));

    [Fact]
    public void Classify_AccentsAndSpacing_AreIgnored() =>
        Assert.Equal(
            BuyerMessageType.Cancellation,
            Create((BuyerMessageType.Cancellation, ["solicitud de cancelación"])).Classify("SOLICITUD  de\ncancelacion del pedido"));

    [Fact]
    public void Classify_CurlyApostrophe_MatchesStraight() =>
        Assert.Equal(
            BuyerMessageType.ShippingInquiry,
            Create((BuyerMessageType.ShippingInquiry, ["hasn't arrived"])).Classify("It hasn\u2019t arrived"));

    [Fact]
    public void Classify_Japanese_MatchesInsideWords() =>
        Assert.Equal(BuyerMessageType.ReturnRequest, Create((BuyerMessageType.ReturnRequest, ["返品"])).Classify("この商品を返品したいです"));

    [Fact]
    public void Classify_JapaneseVoicingMarks_AreKept() =>
        Assert.Equal(BuyerMessageType.Other, Create((BuyerMessageType.ShippingInquiry, ["ハン"])).Classify("バン"));

    [Fact]
    public void Classify_SeveralTypes_MostSpecificWins()
    {
        var classifier = Create(
            (BuyerMessageType.ShippingInquiry, ["arrived"]),
            (BuyerMessageType.ReturnRequest, ["return"]),
            (BuyerMessageType.DamagedOrDefective, ["broken"]));

        Assert.Equal(BuyerMessageType.DamagedOrDefective, classifier.Classify("It arrived broken and I want to return it"));
    }

    [Theory]
    [InlineData(BuyerMessageType.Other, BuyerMessageType.Refund, BuyerMessageType.Refund)]
    [InlineData(BuyerMessageType.ShippingInquiry, BuyerMessageType.Other, BuyerMessageType.ShippingInquiry)]
    [InlineData(BuyerMessageType.ShippingInquiry, BuyerMessageType.AddressChange, BuyerMessageType.AddressChange)]
    [InlineData(BuyerMessageType.WrongItem, BuyerMessageType.Refund, BuyerMessageType.WrongItem)]
    public void MoreSpecific_TwoTypes_GivesTheOneWithPrecedence(BuyerMessageType a, BuyerMessageType b, BuyerMessageType expected) =>
        Assert.Equal(expected, KeywordClassifier.MoreSpecific(a, b));

    [Fact]
    public void Classify_EmptyOrWhitespaceKeywords_AreIgnored() =>
        Assert.Equal(BuyerMessageType.Other, Create((BuyerMessageType.Refund, ["", " ", "*"])).Classify("anything at all"));
}
