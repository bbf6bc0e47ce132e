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

/// <summary>
/// The one-pass classifier against the plain definition (each type in precedence order, each keyword searched at every
/// occurrence with its word boundaries), on the shipped keywords of every language placed in varied surroundings.
/// </summary>
public sealed class KeywordClassifierEquivalenceTests
{
    public static TheoryData<string> Tables => ["subject", "body"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Classify_ShippedKeywords_AgreesWithTheDefinition(string table)
    {
        var tables = AmazonRelayFormats.Default
            .Select(f => table == "subject" ? f.SubjectKeywords : f.BodyKeywords)
            .ToList();
        var classifier = new KeywordClassifier(tables);
        var words = tables.SelectMany(t => t.Values).SelectMany(w => w).Select(w => w.TrimEnd('*')).Distinct().ToList();
        var random = new Random(7);
        var checkedTexts = 0;
        foreach (var word in words)
        {
            var other = words[random.Next(words.Count)];
            string[] texts =
            [
                word, word.ToUpperInvariant(), $"x{word}", $"{word}x", $"{word}s", $"Hello, {word}!", $"({word})",
                $"{word} {other}", $"{other}{word}", $"{other} and {word}", $"Je{word}ne", $"{word}\u3002{other}",
            ];
            foreach (var text in texts)
            {
                Assert.True(
                    Reference(tables, text) == classifier.Classify(text),
                    $"'{text}': expected {Reference(tables, text)}, got {classifier.Classify(text)}");
                checkedTexts++;
            }
        }

        Assert.True(checkedTexts > 500, $"only {checkedTexts} texts were checked");
    }

    private static BuyerMessageType Reference(IEnumerable<IReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>>> tables, string text)
    {
        var folded = KeywordFolding.Fold(text);
        var order = KeywordClassifier.Precedence.Concat(Enum.GetValues<BuyerMessageType>().Except(KeywordClassifier.Precedence));
        foreach (var type in order.Where(t => t != BuyerMessageType.Other))
        {
            foreach (var raw in tables.SelectMany(t => t.TryGetValue(type, out var w) ? w : []))
            {
                var prefix = raw.Trim().EndsWith('*');
                var keyword = KeywordFolding.Fold(prefix ? raw.Trim()[..^1] : raw.Trim());
                if (keyword.Length == 0)
                {
                    continue;
                }

                for (var index = folded.IndexOf(keyword, StringComparison.Ordinal); index >= 0; index = folded.IndexOf(keyword, index + 1, StringComparison.Ordinal))
                {
                    var end = index + keyword.Length;
                    var startOk = !KeywordFolding.IsWordChar(keyword[0]) || index == 0 || !KeywordFolding.IsWordChar(folded[index - 1]);
                    var endOk = prefix || !KeywordFolding.IsWordChar(keyword[^1]) || end == folded.Length || !KeywordFolding.IsWordChar(folded[end]);
                    if (startOk && endOk)
                    {
                        return type;
                    }
                }
            }
        }

        return BuyerMessageType.Other;
    }
}
