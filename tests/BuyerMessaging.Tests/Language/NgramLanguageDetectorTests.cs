using System.Text;
using BuyerMessaging.Evaluation;
using BuyerMessaging.Internal;

namespace BuyerMessaging.Tests;

public sealed class NgramLanguageDetectorTests
{
    private static readonly NgramLanguageDetector Detector = NgramLanguageDetector.Default;

    [Theory]
    [InlineData("商品がまだ届きません。配達状況を教えてください。", "ja")]
    [InlineData("注文した商品と違う色のものが届きました。交換をお願いできますか。", "ja")]
    [InlineData("我的包裹还没有到，请告诉我物流情况。", "zh")]
    [InlineData("我的包裹還沒有到，請告訴我物流情況。", "zh")]
    [InlineData("Hello, my order has not arrived yet. Could you please check the tracking?", "en")]
    [InlineData("Hallo, meine Bestellung ist leider noch nicht angekommen. Bitte prüfen Sie die Sendung.", "de")]
    [InlineData("Bonjour, ma commande n'est pas encore arrivée. Pouvez-vous vérifier le suivi pour moi ?", "fr")]
    [InlineData("Hola, mi pedido no ha llegado todavía. ¿Pueden revisar el envío por favor?", "es")]
    [InlineData("Ciao, il mio ordine non è ancora arrivato. Potete controllare la spedizione per favore?", "it")]
    [InlineData("Olá, o meu pedido ainda não chegou. Vocês podem verificar o rastreamento?", "pt")]
    [InlineData("Hallo, mijn bestelling is nog niet aangekomen. Kunt u de zending controleren?", "nl")]
    [InlineData("주문한 상품이 아직 도착하지 않았습니다. 배송 상태를 확인해 주세요.", "ko")]
    [InlineData("Здравствуйте, мой заказ ещё не пришёл. Проверьте, пожалуйста, доставку.", "ru")]
    public void Detect_BuyerMessages_ReturnsLanguage(string text, string expected)
    {
        var detection = Detector.Detect(text);

        Assert.Equal(expected, detection.Language);
        Assert.InRange(detection.Confidence, 0.5, 1.0);
    }

    /// <summary>
    /// The issue's examples: everyday words the declaration the n-gram profiles come from lacks ("mein", "kaputt") made
    /// these Finnish (0.98) and Norwegian (0.87); the everyday words of each language (<see cref="LanguageWords"/>) tell.
    /// </summary>
    [Theory]
    [InlineData("Mein Paket ist kaputt")]
    [InlineData("Mein Paket ist kaputt angekommen.")]
    public void Detect_EverydayGermanTheDeclarationLacks_IsGerman(string text) =>
        Assert.Equal("de", Detector.Detect(text).Language);

    [Fact]
    public void Detect_FullWidthLatin_IsFoldedFirst() =>
        Assert.Equal("en", Detector.Detect("ＭＹ ＯＲＤＥＲ ＨＡＳ ＮＯＴ ＡＲＲＩＶＥＤ ＹＥＴ，ＰＬＥＡＳＥ ＨＥＬＰ").Language);

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("12345 !!! ???")]
    [InlineData("届く")]
    [InlineData("503-1234567-7654321 ???")]
    public void Detect_TooShortOrNoLetters_IsUnknown(string text) =>
        Assert.Equal(LanguageDetection.Unknown, Detector.Detect(text));

    [Fact]
    public void Detect_TwoScriptsHalfAndHalf_IsUnknown() =>
        Assert.False(Detector.Detect("Where is my parcel 荷物はどこですか").IsKnown);

    [Theory]
    [InlineData("配送状況確認依頼。注文日十月三日、未発送表示が継続中です。")]
    [InlineData("初期不良品受領、交換希望。箱内部破損有り、至急対応願います。")]
    [InlineData("商品未着、追跡番号無効。返金処理をお願いします。")]
    public void Detect_JapaneseMostlyInKanjiWithAFewHiragana_IsJapanese(string text) =>
        Assert.Equal("ja", Detector.Detect(text).Language);

    [Theory]
    [InlineData("領収書発行希望")]
    [InlineData("初期不良品、返品対応希望")]
    [InlineData("注文商品未着、返金手続願")]
    public void Detect_JapaneseInKanjiAlone_IsJapaneseByTheFormsOnlyJapaneseUses(string text) =>
        Assert.Equal("ja", Detector.Detect(text).Language);

    /// <summary>
    /// Kanji alone and no form only Japanese uses: the n-grams decide, given that the text is Han-only (they read all
    /// three as Chinese when a Japanese kanji n-gram counted half, its language writing kana too).
    /// </summary>
    [Theory]
    [InlineData("在庫有無確認")]
    [InlineData("配送先住所誤記、訂正願")]
    [InlineData("代金返金未確認")]
    public void Detect_JapaneseInKanjiAloneWithoutJapaneseOnlyForms_IsJapanese(string text) =>
        Assert.Equal("ja", Detector.Detect(text).Language);

    /// <summary>Forms Japanese does not use (們, 這, 麼, 沒, 货, 运) keep Chinese written in Han alone Chinese.</summary>
    [Theory]
    [InlineData("退货运费要我自己出吗？")]
    [InlineData("訂單什麼時候出貨？")]
    [InlineData("物流資訊一直沒有更新")]
    [InlineData("這個有保固嗎")]
    public void Detect_ChineseInFormsJapaneseDoesNotUse_IsChinese(string text) =>
        Assert.Equal("zh", Detector.Detect(text).Language);

    /// <summary>The likely language (the marketplace's) decides only Han-only text with no form only one language uses.</summary>
    [Theory]
    [InlineData("商品未着。返金希望。", "ja", "ja")]
    [InlineData("商品未着。返金希望。", "ja-JP", "ja")]
    [InlineData("商品未着。返金希望。", null, "zh")]
    [InlineData("这个有保修吗", "ja", "zh")]
    [InlineData("領収書発行希望", "zh", "ja")]
    [InlineData("注文した商品がまだ届きません。", "zh", "ja")]
    [InlineData("Where is my parcel? It has not arrived yet.", "de", "en")]
    public void Detect_LikelyLanguage_DecidesOnlyWhatTheTextCannot(string text, string? likely, string expected) =>
        Assert.Equal(expected, Detector.Detect(text, likely).Language);

    [Fact]
    public void Detect_LikelyLanguage_DefaultImplementationIgnoresIt()
    {
        ILanguageDetector detector = new FixedDetector();

        Assert.Equal("en", detector.Detect("商品未着。返金希望。", "ja").Language);
    }

    /// <summary>
    /// The set of short buyer messages in Han alone (Data/han-only, written before the change): 12 of the 40 Japanese
    /// ones were Japanese before Han-only n-grams were scored as such (19 after); the Chinese ones must stay Chinese.
    /// </summary>
    [Fact]
    public void Detect_HanOnlyBuyerMessages_JapaneseMostlyAndChineseAlmostAlwaysRight()
    {
        var messages = BuyerLanguageMessages.Load(RepoPaths.Root, BuyerLanguageMessages.HanOnlyDirectory);
        var right = messages.Where(m => Detector.Detect(m.Text).Language == m.Language).GroupBy(m => m.Language).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(80, messages.Count);
        Assert.True(right.GetValueOrDefault("ja") >= 19, $"{right.GetValueOrDefault("ja")} of 40 Japanese messages in kanji alone detected as Japanese");
        Assert.True(right.GetValueOrDefault("zh") >= 39, $"{right.GetValueOrDefault("zh")} of 40 Chinese messages in Han alone detected as Chinese");
    }

    [Theory]
    [InlineData("领取发票，请尽快处理退款")]
    [InlineData("請盡快處理退款，謝謝")]
    public void Detect_ChineseInSimplifiedOrTraditionalForms_StaysChinese(string text) =>
        Assert.Equal("zh", Detector.Detect(text).Language);

    [Fact]
    public void Detect_ChineseWithAJapaneseBrandInKatakana_IsChinese() =>
        Assert.Equal("zh", Detector.Detect("我买的ソニー耳机左边没有声音，已经试过重新连接了，还是不行。请问怎么处理？").Language);

    [Fact]
    public void Detect_JapaneseWithLatinProductName_IsJapanese() =>
        Assert.Equal("ja", Detector.Detect("iPhone 15 Pro用のケースを注文しましたが、まだ届いていません。").Language);

    [Theory]
    [InlineData("Apple Watch Series 9 Band 45mm 届いていません", "ja")]
    [InlineData("Amazon Echo Dot の設定方法を教えてください", "ja")]
    [InlineData("ＵＳＢ－Ｃ Ｃａｂｌｅ ２ｍ が動きません", "ja")]
    [InlineData("iPhone 15 Pro Max Silicone Case 还没有收到", "zh")]
    [InlineData("我的 iPhone 15 Pro Max Case 还没到", "zh")]
    [InlineData("Sony WH-1000XM5 헤드폰이 고장났어요", "ko")]
    [InlineData("Мой Samsung Galaxy S24 не включается", "ru")]
    public void Detect_ProductNameInLatinLongerThanTheMessage_IsTheMessagesLanguage(string text, string expected) =>
        Assert.Equal(expected, Detector.Detect(text).Language);

    [Theory]
    [InlineData("Bosch Professional GSR 12V-15 Akkuschrauber kam ohne Akku", "de")]
    [InlineData("Il Lenovo IdeaPad Slim 3 non si accende", "it")]
    [InlineData("WO IST MEIN PAKET??? ICH WARTE SEIT ZWEI WOCHEN!!!", "de")]
    public void Detect_ModelNumbersInALatinText_DoNotDecideItsLanguage(string text, string expected) =>
        Assert.Equal(expected, Detector.Detect(text).Language);

    [Theory]
    [InlineData("I bought the おにぎり maker and it does not work", "en")]
    [InlineData("Where is my parcel 荷物はどこですか", null)]
    [InlineData("WHERE IS MY PARCEL 荷物はどこですか", null)]
    public void Detect_LatinSentenceBesideCjk_IsNotTakenForAName(string text, string? expected) =>
        Assert.Equal(expected ?? LanguageDetection.UnknownTag, Detector.Detect(text).Language);

    [Fact]
    public void Detect_ScriptWithoutProfile_IsUnknown() =>
        Assert.False(Detector.Detect("สินค้ายังไม่มาถึงเลยครับ ช่วยตรวจสอบให้หน่อย").IsKnown);

    [Fact]
    public void Detect_VeryLongText_ReadsOnlyMaximumLength()
    {
        var text = new StringBuilder().Insert(0, "Die Lieferung ist noch nicht angekommen. ", 2000).ToString();
        var detector = new NgramLanguageDetector(new LanguageDetectorOptions { MaximumLength = 200 });

        Assert.Equal("de", detector.Detect(text).Language);
    }

    [Fact]
    public void Detect_MinimumConfidenceOne_ReportsUnknownForCloseCalls()
    {
        var strict = new NgramLanguageDetector(new LanguageDetectorOptions { MinimumConfidence = 1 });

        Assert.False(strict.Detect("Porto: a casa, a cidade").IsKnown);
    }

    [Fact]
    public void Detect_Null_Throws() =>
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Detector.Detect(null!)).ParamName);

    [Theory]
    [InlineData(0, 0.5, 0.6, 4000, "options.MinimumLetters")]
    [InlineData(6, 1.5, 0.6, 4000, "options.MinimumConfidence")]
    [InlineData(6, 0.5, -0.1, 4000, "options.MinimumScriptShare")]
    [InlineData(6, 0.5, 0.6, 10, "options.MaximumLength")]
    public void Constructor_OptionOutOfRange_Throws(int letters, double confidence, double share, int length, string parameter)
    {
        var options = new LanguageDetectorOptions { MinimumLetters = letters, MinimumConfidence = confidence, MinimumScriptShare = share, MaximumLength = length };

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new NgramLanguageDetector(options)).ParamName);
    }

    [Fact]
    public void SupportedLanguages_IncludeTheSevenBuyerLanguages() =>
        Assert.Superset(new HashSet<string> { "en", "ja", "de", "fr", "es", "it", "zh" }, Detector.SupportedLanguages.ToHashSet());

    [Fact]
    public void EmbeddedProfiles_AreThoseTheToolBuildsFromTheCommittedText()
    {
        var dataDir = Path.Combine(RepoPaths.Root, "data", "language-profiles");
        var profileDir = Path.Combine(RepoPaths.Root, "src", "BuyerMessaging", "Language", "Profiles");
        var manifest = File.ReadAllLines(Path.Combine(dataDir, "languages.tsv")).Where(l => l.Length > 0 && l[0] != '#').ToList();

        Assert.Equal(manifest.Count, Directory.GetFiles(profileDir, "*.tsv").Length);
        foreach (var line in manifest)
        {
            var parts = line.Split('\t');
            var files = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var text = string.Join("\n", files.Select(f => File.ReadAllText(Path.Combine(dataDir, f), Encoding.UTF8)));
            var expected = LanguageProfiles.Write(parts[0], string.Join(' ', files), LanguageProfiles.Count(text));

            Assert.Equal(expected, File.ReadAllText(Path.Combine(profileDir, parts[0] + ".tsv"), Encoding.UTF8));
        }
    }

    [Fact]
    public void EmbeddedWords_AreThoseTheToolBuildsFromTheCommittedLists()
    {
        var dataDir = Path.Combine(RepoPaths.Root, "data", "language-words");
        var expected = LanguageWords.Generate(
            File.ReadAllText(Path.Combine(dataDir, "languages.tsv"), Encoding.UTF8),
            File.ReadAllText(Path.Combine(dataDir, "stopwords-iso.json"), Encoding.UTF8));

        Assert.Equal(expected, File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "BuyerMessaging", "Language", "Words", "words.tsv"), Encoding.UTF8));
    }

    [Fact]
    public void EmbeddedWords_CoverEveryLanguageWrittenWithSpacesBetweenWords()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "BuyerMessaging", "Language", "Words", "words.tsv"), Encoding.UTF8));
        var languages = LanguageWords.Parse(reader).Select(e => e.Language).ToHashSet();

        Assert.Equal(Detector.SupportedLanguages.Except(["ja", "zh"]).Order(), languages.Order());
    }

    /// <summary>
    /// The issue's target on everyday buyer messages (written for the repository; see Data/buyer-language/SOURCE.md):
    /// at least 98 % correct on those of 20 characters or more in the seven languages. The detector with n-gram
    /// profiles alone was right on 97.1 % of them.
    /// </summary>
    [Fact]
    public void Detect_BuyerMessages_AtLeast98Percent()
    {
        var messages = BuyerLanguageMessages.Load(RepoPaths.Root)
            .Where(m => BuyerLanguageMessages.TargetLanguages.Contains(m.Language) && m.Text.Length >= BuyerLanguageMessages.TargetLength)
            .ToList();
        var wrong = messages.Where(m => Detector.Detect(m.Text).Language != m.Language).Select(m => m.Text).ToList();

        Assert.True(messages.Count >= 300, $"only {messages.Count} messages read");
        Assert.True(wrong.Count <= 0.02 * messages.Count, $"{messages.Count - wrong.Count}/{messages.Count} correct; wrong: {string.Join(" | ", wrong)}");
    }

    /// <summary>
    /// The issue's target: at least 98 % correct on text of 20 characters or more that the profiles were not built
    /// from. Measured on the held-out (odd) lines of the Lingua test sentences; the even lines were used to choose the
    /// smoothing and sharpness.
    /// </summary>
    [Fact]
    public void Detect_HeldOutLinguaSentences_AtLeast98Percent()
    {
        int ok = 0, all = 0;
        foreach (var language in new[] { "en", "de", "fr", "es", "it", "ja", "zh" })
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Corpora, "language", "sentences", language + ".txt"), Encoding.UTF8);
            for (var i = 1; i < lines.Length; i += 2)
            {
                var line = lines[i].Trim();
                if (line.Length >= 20)
                {
                    all++;
                    ok += Detector.Detect(line).Language == language ? 1 : 0;
                }
            }
        }

        Assert.True(all > 2500, $"only {all} sentences read");
        Assert.True(ok >= 0.98 * all, $"{ok}/{all} = {100.0 * ok / all:F2} %");
    }

    private sealed class FixedDetector : ILanguageDetector
    {
        public LanguageDetection Detect(string text) => new("en", 1);
    }
}
