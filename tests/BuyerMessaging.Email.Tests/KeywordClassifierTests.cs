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
    public void Classify_LongerKeywordAtTheSamePlace_WinsOverAMoreSpecificShorterOne()
    {
        var classifier = Create((BuyerMessageType.ReturnRequest, ["zwrot*"]), (BuyerMessageType.Refund, ["zwrot pieniędzy"]));

        Assert.Equal(BuyerMessageType.Refund, classifier.Classify("Proszę o zwrot pieniędzy"));
        Assert.Equal(BuyerMessageType.ReturnRequest, classifier.Classify("Proszę o zwrot towaru"));
    }

    [Fact]
    public void Classify_KeywordsStartingInsideAnEarlierMatch_DoNotCount()
    {
        var classifier = Create((BuyerMessageType.ReturnRequest, ["iade*"]), (BuyerMessageType.Refund, ["para iade*"]));

        Assert.Equal(BuyerMessageType.Refund, classifier.Classify("Para iadesi ne zaman?"));
        Assert.Equal(BuyerMessageType.ReturnRequest, classifier.Classify("Para iadesi değil, ürünü iade etmek istiyorum"));
    }

    [Theory]
    [InlineData("Please cancel, I ordered the wrong size by accident", BuyerMessageType.Cancellation)]
    [InlineData("I ordered the wrong size", BuyerMessageType.Other)]
    [InlineData("You sent the wrong size", BuyerMessageType.WrongItem)]
    public void Classify_OtherPhrases_HideTheKeywordsInsideThem(string text, BuyerMessageType expected)
    {
        var classifier = Create(
            (BuyerMessageType.WrongItem, ["wrong size"]),
            (BuyerMessageType.Cancellation, ["cancel*"]),
            (BuyerMessageType.Other, ["ordered the wrong"]));

        Assert.Equal(expected, classifier.Classify(text));
    }

    [Theory]
    [InlineData("przyszedł", "PRZYSZEDL")]
    [InlineData("kırık", "KIRIK")]
    [InlineData("إلغاء", "الغاء")]
    [InlineData("فاتورة", "فاتوره")]
    [InlineData("مُكَسَّر", "مكسر")]
    public void Classify_LettersWrittenWithoutTheirMarks_Match(string keyword, string text) =>
        Assert.Equal(BuyerMessageType.DamagedOrDefective, Create((BuyerMessageType.DamagedOrDefective, [keyword])).Classify(text));

    [Fact]
    public void Classify_Chinese_MatchesInsideWords() =>
        Assert.Equal(BuyerMessageType.Refund, Create((BuyerMessageType.Refund, ["退款"])).Classify("请尽快给我退款，谢谢"));

    [Fact]
    public void Classify_EmptyOrWhitespaceKeywords_AreIgnored() =>
        Assert.Equal(BuyerMessageType.Other, Create((BuyerMessageType.Refund, ["", " ", "*"])).Classify("anything at all"));
}

/// <summary>
/// The one-pass classifier against the plain definition (from left to right, the longest keyword at each word start
/// takes its words; the type of highest precedence among those found wins), on the shipped keywords of every language
/// placed in varied surroundings.
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
        var order = KeywordClassifier.Precedence.Concat(Enum.GetValues<BuyerMessageType>().Except(KeywordClassifier.Precedence)).ToList();
        var keywords = tables
            .SelectMany(t => t)
            .SelectMany(entry => entry.Value.Select(raw => (Type: entry.Key, Raw: raw.Trim())))
            .Select(k => (k.Type, Prefix: k.Raw.EndsWith('*'), Text: KeywordFolding.Fold(k.Raw.EndsWith('*') ? k.Raw[..^1] : k.Raw)))
            .Where(k => k.Text.Length > 0)
            .ToList();
        var found = new List<BuyerMessageType>();
        for (var index = 0; index < folded.Length; index++)
        {
            var matches = keywords
                .Where(k => folded.AsSpan(index).StartsWith(k.Text, StringComparison.Ordinal))
                .Where(k => !KeywordFolding.IsWordChar(k.Text[0]) || index == 0 || !KeywordFolding.IsWordChar(folded[index - 1]))
                .Where(k => k.Prefix || !KeywordFolding.IsWordChar(k.Text[^1]) || index + k.Text.Length == folded.Length
                    || !KeywordFolding.IsWordChar(folded[index + k.Text.Length]))
                .OrderByDescending(k => k.Text.Length)
                .ThenBy(k => k.Type == BuyerMessageType.Other ? int.MaxValue : order.IndexOf(k.Type))
                .ToList();
            if (matches.Count > 0)
            {
                found.Add(matches[0].Type);
                index += matches[0].Text.Length - 1;
            }
        }

        return order.FirstOrDefault(t => t != BuyerMessageType.Other && found.Contains(t), BuyerMessageType.Other);
    }
}
