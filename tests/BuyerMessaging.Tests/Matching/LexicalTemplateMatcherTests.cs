namespace BuyerMessaging.Tests;

public sealed class LexicalTemplateMatcherTests
{
    private static readonly IReadOnlyList<Template> Templates =
    [
        Template("tracking", "en", "Where is my order", ["Where is my parcel?", "My package has not arrived yet", "Can you send me the tracking number?"], "Here is your tracking number."),
        Template("returns", "en", "Return an item", ["How do I return this item?", "I want to send it back for a refund", "Can I return the shoes?"], "You can return it within 30 days."),
        Template("invoice", "en", "Invoice request", ["Can I get an invoice?", "Please send me a receipt for my order", "I need a VAT invoice"], "Your invoice is attached."),
        Template("ja-tracking", "ja", "配送状況", ["荷物はいつ届きますか", "商品がまだ届きません", "追跡番号を教えてください"], "追跡番号をお送りします。"),
        Template("ja-returns", "ja", "返品", ["返品したいです", "商品を返品する方法を教えてください", "返金してほしい"], "返品の手順をご案内します。"),
        Template("ja-invoice", "ja", "領収書", ["領収書を発行してください", "請求書が必要です", "インボイスはもらえますか"], "領収書を添付します。"),
    ];

    private static readonly LexicalTemplateMatcher Matcher = LexicalTemplateMatcher.Default;

    [Fact]
    public async Task MatchAsync_CloseToAnExample_IsMatchedWithItsDecidingTerms()
    {
        var match = await Matcher.MatchAsync(Request("Hello, where is my parcel? My package has not arrived yet.", "en"));

        Assert.Equal(MatchOutcome.Matched, match.Outcome);
        Assert.Equal(new TemplateId("tracking"), match.TemplateId);
        Assert.Equal("en", match.Language);
        Assert.Equal(MatchFailureReason.None, match.FailureReason);
        Assert.InRange(match.Confidence, match.AutoSendThreshold, 1);
        Assert.Contains(match.Candidates[0].Terms, t => t.Term == "packag");
        Assert.Equal(match.Candidates.OrderByDescending(c => c.Score), match.Candidates);
    }

    [Fact]
    public async Task MatchAsync_OnlyTheBuyersLanguage_IsConsidered()
    {
        var match = await Matcher.MatchAsync(Request("商品がまだ届きません。いつ届きますか?", "ja-JP"));

        Assert.Equal(new TemplateId("ja-tracking"), match.Candidates[0].TemplateId);
        Assert.All(match.Candidates, c => Assert.StartsWith("ja-", c.TemplateId.Value, StringComparison.Ordinal));
        Assert.Equal("ja", match.Language);
    }

    [Fact]
    public async Task MatchAsync_NoLanguage_DetectsIt()
    {
        var match = await Matcher.MatchAsync(Request("注文した商品を返品したいので、方法を教えてください。", null));

        Assert.Equal("ja", match.Language);
        Assert.Equal(new TemplateId("ja-returns"), match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task MatchAsync_FullWidthAndUpperCase_AreFolded()
    {
        var match = await Matcher.MatchAsync(Request("ＷＨＥＲＥ ＩＳ ＭＹ ＰＡＲＣＥＬ", "en"));

        Assert.Equal(new TemplateId("tracking"), match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task MatchAsync_UnrelatedQuestion_IsNeverSentAutomatically()
    {
        var match = await Matcher.MatchAsync(Request("Do you sell gift cards?", "en"));

        Assert.NotEqual(MatchOutcome.Matched, match.Outcome);
        Assert.True(match.Confidence < match.AutoSendThreshold);
    }

    [Fact]
    public async Task MatchAsync_CompoundSharingOnlyItsStem_IsRankedByTheClassifier()
    {
        IReadOnlyList<Template> german =
        [
            Template("de-return", "de", "Rücksendung", ["Wie funktioniert die Rücksendung?", "Ich möchte den Artikel zurücksenden", "Rücksendung der Ware bitte"], "Hier ist Ihr Etikett."),
            Template("de-delivery", "de", "Lieferzeit", ["Wann kommt meine Lieferung?", "Ich warte noch auf das Paket", "Wie lange dauert der Versand?"], "Ihr Paket ist unterwegs."),
        ];
        var request = new TemplateMatchRequest { Text = "Ich brauche ein Rücksendeetikett", Language = "de", Templates = german };

        var withClassifier = await Matcher.MatchAsync(request);
        var bm25Only = await new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { ClassifierTemplateLimit = 0 }).MatchAsync(request);

        Assert.Equal(new TemplateId("de-return"), withClassifier.Candidates[0].TemplateId);
        Assert.InRange(withClassifier.Candidates[0].Probability, 0.5, 1);
        Assert.Equal(-1, bm25Only.Candidates[0].Probability);
        Assert.NotEqual(MatchOutcome.Matched, withClassifier.Outcome);
    }

    [Fact]
    public void IndexOf_ANewListWithTheSameContent_ReusesTheIndex_AndAChangedExampleRebuildsIt()
    {
        var matcher = new LexicalTemplateMatcher();
        var first = matcher.IndexOf([.. Templates], "en");

        var same = matcher.IndexOf([.. Templates], "en");
        var changed = matcher.IndexOf([.. Templates.Select(t => t.Id.Value == "returns" ? t with { Examples = [.. t.Examples, "Can I swap the size?"] } : t)], "en");

        Assert.Same(first, same);
        Assert.NotSame(first, changed);
        Assert.Equal(3, changed.Templates.Length);
    }

    [Fact]
    public async Task MatchAsync_BestTemplateNotEligible_FailsAndShowsIt()
    {
        var eligible = new[] { new TemplateId("tracking"), new TemplateId("invoice") };

        var match = await Matcher.MatchAsync(Request("How do I return this item? I want to send it back for a refund.", "en") with { Eligible = eligible });
        var allowed = await Matcher.MatchAsync(Request("Hello, where is my parcel? My package has not arrived yet.", "en") with { Eligible = eligible });

        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.NotEligible), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
        Assert.Equal(new TemplateId("returns"), match.Candidates[0].TemplateId);
        Assert.Equal((MatchOutcome.Matched, new TemplateId("tracking")), (allowed.Outcome, allowed.TemplateId));
    }

    [Fact]
    public async Task MatchAsync_TrainingIsDeterministic()
    {
        var first = await new LexicalTemplateMatcher().MatchAsync(Request("I would like to send the shoes back", "en"));
        var second = await new LexicalTemplateMatcher().MatchAsync(Request("I would like to send the shoes back", "en"));

        Assert.Equal(new TemplateId("returns"), first.Candidates[0].TemplateId);
        Assert.Equal(first.Candidates.Select(c => (c.TemplateId, c.Score, c.Confidence)), second.Candidates.Select(c => (c.TemplateId, c.Score, c.Confidence)));
    }

    [Fact]
    public void Options_NegativeClassifierTemplateLimit_IsRejectedWithItsName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { ClassifierTemplateLimit = -1 }));

        Assert.Equal("options.ClassifierTemplateLimit", error.ParamName);
    }

    [Fact]
    public async Task MatchAsync_NoWordInCommon_Fails()
    {
        var match = await Matcher.MatchAsync(Request("Hola buenas tardes señor", "en"));

        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.NoTermInCommon), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
    }

    [Theory]
    [InlineData("!!! 12345 ???", "en", MatchFailureReason.EmptyText)]
    [InlineData("Où est mon colis ? Il n'est pas encore arrivé.", "fr", MatchFailureReason.NoTemplateInLanguage)]
    public async Task MatchAsync_CannotMatch_SaysWhy(string text, string language, MatchFailureReason reason)
    {
        var match = await Matcher.MatchAsync(Request(text, language));

        Assert.Equal((MatchOutcome.Failed, reason), (match.Outcome, match.FailureReason));
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public async Task MatchAsync_UnknownLanguageAndMixedTemplates_FailsWithLanguageUnknown()
    {
        var match = await Matcher.MatchAsync(Request("ok", null));

        Assert.Equal(MatchFailureReason.LanguageUnknown, match.FailureReason);
        Assert.Equal(LanguageDetection.UnknownTag, match.Language);
    }

    [Fact]
    public async Task MatchAsync_DisabledTemplate_IsNotACandidate()
    {
        IReadOnlyList<Template> templates = [.. Templates.Select(t => t.Id.Value == "tracking" ? t with { Enabled = false } : t)];

        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = "Where is my parcel?", Language = "en", Templates = templates });

        Assert.DoesNotContain(match.Candidates, c => c.TemplateId.Value == "tracking");
    }

    [Fact]
    public async Task MatchAsync_BetweenThresholds_IsSuggested()
    {
        var matcher = new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { AutoSendThreshold = 1, SuggestThreshold = 0.01 });

        var match = await matcher.MatchAsync(Request("where is my parcel", "en"));

        Assert.Equal(MatchOutcome.Suggested, match.Outcome);
        Assert.Equal(new TemplateId("tracking"), match.TemplateId);
        Assert.Equal(MatchFailureReason.BelowThreshold, match.FailureReason);
    }

    [Fact]
    public async Task MatchAsync_Cancelled_Throws() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Matcher.MatchAsync(Request("where is my parcel", "en"), new CancellationToken(true)));

    [Fact]
    public async Task MatchAsync_NullRequest_Throws() =>
        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await Matcher.MatchAsync(null!))).ParamName);

    [Theory]
    [InlineData(1.5, 0.5, 5, "options.AutoSendThreshold")]
    [InlineData(0.5, 0.9, 5, "options.SuggestThreshold")]
    [InlineData(0.9, 0.5, 0, "options.MaxCandidates")]
    public void Constructor_OptionOutOfRange_Throws(double autoSend, double suggest, int candidates, string parameter)
    {
        var options = new LexicalTemplateMatcherOptions { AutoSendThreshold = autoSend, SuggestThreshold = suggest, MaxCandidates = candidates };

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new LexicalTemplateMatcher(options)).ParamName);
    }

    [Theory]
    [InlineData("charge", "charg")]
    [InlineData("charged", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("cancelled", "cancel")]
    [InlineData("cancel", "cancel")]
    [InlineData("deliveries", "delivery")]
    [InlineData("cards", "card")]
    public void Stem_FoldsCommonEndings(string word, string stem) =>
        Assert.Equal(stem, Internal.MatchTokenizer.Stem(word));

    [Fact]
    public void Tokenize_JapaneseIsCutIntoCharacterPairs_LatinIntoWords() =>
        Assert.Equal(["iphon", "ケー", "ース", "届き"], Internal.MatchTokenizer.Tokenize("iPhone ケース、届き"));

    private static TemplateMatchRequest Request(string text, string? language) => new() { Text = text, Language = language, Templates = Templates };

    [Theory]
    [InlineData("en", "Please cancel my order.", "Please don't cancel my order!")]
    [InlineData("en", "Please cancel my order.", "I do NOT want to cancel my order")]
    [InlineData("ja", "注文をキャンセルしてください", "注文をキャンセルしないでください")]
    [InlineData("de", "Bitte stornieren Sie meine Bestellung", "Bitte stornieren Sie meine Bestellung nicht")]
    [InlineData("fr", "Veuillez annuler ma commande", "N'annulez pas ma commande")]
    [InlineData("es", "Por favor cancelen mi pedido", "Por favor no cancelen mi pedido")]
    [InlineData("zh", "请取消我的订单", "请不要取消我的订单")]
    public async Task MatchAsync_QuestionNegatesWhatNoExampleDoes_IsOnlySuggested(string language, string example, string question)
    {
        var templates = CancelTemplates(language, example);

        var plain = await Matcher.MatchAsync(new TemplateMatchRequest { Text = example, Language = language, Templates = templates });
        var negated = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = templates });

        Assert.Equal((MatchOutcome.Matched, MatchFailureReason.None), (plain.Outcome, plain.FailureReason));
        Assert.Equal(new TemplateId("cancel"), negated.Candidates[0].TemplateId);
        Assert.NotEqual(MatchOutcome.Matched, negated.Outcome);
    }

    [Theory]
    [InlineData("en", "Please cancel my order.", "Please don't cancel my order!")]
    [InlineData("ja", "注文をキャンセルしてください", "注文をキャンセルしないでください")]
    public async Task MatchAsync_NegatedQuestionTheWordsWouldSend_SaysWhyItIsOnlySuggested(string language, string example, string question)
    {
        var templates = CancelTemplates(language, example);

        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = templates });

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.Negated, new TemplateId("cancel")), (match.Outcome, match.FailureReason, match.TemplateId));
        Assert.InRange(match.Confidence, match.AutoSendThreshold, 1);
    }

    [Theory]
    [InlineData("en", "Please cancel my order.", "Please cancel my newsletter subscription.")]
    [InlineData("ja", "注文をキャンセルしてください", "メルマガの配信をキャンセルしてください")]
    public async Task MatchAsync_QuestionMostlyInWordsNoTemplateUses_IsOnlySuggested(string language, string example, string question)
    {
        var templates = CancelTemplates(language, example);

        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = templates });

        Assert.NotEqual(MatchOutcome.Matched, match.Outcome);
        Assert.Equal(new TemplateId("cancel"), match.Candidates[0].TemplateId);
    }

    [Fact]
    public async Task MatchAsync_QuestionMostlyInUnknownWordsTheWordsWouldSend_SaysWhy()
    {
        var templates = CancelTemplates("en", "Please cancel my order.");

        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = "please cancel my subscription", Language = "en", Templates = templates });

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.UnknownWords), (match.Outcome, match.FailureReason));
        Assert.InRange(match.Confidence, match.AutoSendThreshold, 1);
    }

    [Theory]
    [InlineData("ja", "返金してください")]
    [InlineData("ja", "注文をキャンセルしてください")]
    [InlineData("en", "Please refund my order")]
    [InlineData("en", "Please cancel my order")]
    public async Task MatchAsync_TheOnlyTemplateInTheLanguage_IsAtMostSuggested(string language, string question)
    {
        // The body names refunds too, so "refund" is not a word no template uses: only the missing competitor stops it.
        var cancel = language == "ja"
            ? Template("cancel", "ja", "注文のキャンセル", ["注文をキャンセルしてください", "間違えて注文しました", "まだキャンセルできますか？"], "ご注文をキャンセルいたしました。代金は返金いたします。")
            : Template("cancel", "en", "Cancel an order", ["Please cancel my order", "I ordered by mistake", "Can I still cancel?"], "Your order is cancelled, and we refund it.");
        var other = Template("other", language == "ja" ? "en" : "ja", "Other", ["Something else"], "Other.");

        var alone = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = [cancel, other] });
        var withAnother = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = [cancel, other, .. Templates.Where(t => t.Language == language)] });

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.SingleTemplate, new TemplateId("cancel")), (alone.Outcome, alone.FailureReason, alone.TemplateId));
        Assert.NotEqual(MatchFailureReason.SingleTemplate, withAnother.FailureReason);
    }

    [Fact]
    public async Task MatchAsync_ExampleOfOneOfTwoTemplates_CanBeSent()
    {
        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = "Please cancel my order", Language = "en", Templates = [.. CancelTemplates("en", "Please cancel my order.")] });

        Assert.Equal((MatchOutcome.Matched, new TemplateId("cancel")), (match.Outcome, match.TemplateId));
    }

    [Theory]
    [InlineData("en", "Is the charger included in the box?", "sample-missing-part-en")]
    [InlineData("en", "I received my refund, thanks.", "sample-refund-en")]
    [InlineData("de", "Sind Schrauben dabei?", "sample-missing-part-de")]
    public async Task MatchAsync_ClosestExampleSaysNotAndTheQuestionDoesNot_IsOnlySuggested(string language, string question, string template)
    {
        // The sample library: "The charger was not included", "I have not received my refund yet", "Die Schrauben waren
        // nicht dabei" share every word of these questions, which ask something else.
        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = TemplateSamples.All });

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.ExampleNegated, new TemplateId(template)), (match.Outcome, match.FailureReason, match.TemplateId));
        Assert.InRange(match.Confidence, match.AutoSendThreshold, 1);
    }

    [Theory]
    [InlineData("en", "The charger was not included in the box.", "sample-missing-part-en")]
    [InlineData("de", "Die Schrauben waren nicht im Paket dabei.", "sample-missing-part-de")]
    public async Task MatchAsync_QuestionSaysNotLikeItsClosestExample_CanStillBeSent(string language, string question, string template)
    {
        var match = await Matcher.MatchAsync(new TemplateMatchRequest { Text = question, Language = language, Templates = TemplateSamples.All });

        Assert.Equal((MatchOutcome.Matched, new TemplateId(template)), (match.Outcome, match.TemplateId));
    }

    [Fact]
    public async Task MatchAsync_NegatedQuestionLikeNegatedExamples_CanStillBeSent()
    {
        var match = await Matcher.MatchAsync(Request("My package has not arrived yet, where is my parcel?", "en"));

        Assert.Equal((MatchOutcome.Matched, new TemplateId("tracking")), (match.Outcome, match.TemplateId));
    }

    [Fact]
    public void Match_JapaneseQuestionInHiraganaAlone_IsNotSentOrSuggested()
    {
        // "はい" is a character pair of "返金はいつになりますか" (the particle は and the い of いつ): no evidence.
        IReadOnlyList<Template> templates =
        [
            Template("refund", "ja", "返金", ["返金はいつになりますか", "返金してほしい"], "返金いたします。"),
            Template("receipt", "ja", "領収書", ["領収書を発行してください", "請求書が必要です"], "領収書を添付します。"),
        ];

        var match = Matcher.Match(new TemplateMatchRequest { Text = "はい", Language = "ja", Templates = templates });

        Assert.Equal((MatchOutcome.Failed, MatchFailureReason.NoTermInCommon), (match.Outcome, match.FailureReason));
        Assert.Null(match.TemplateId);
        Assert.Equal(new TemplateId("refund"), match.Candidates[0].TemplateId);
    }

    [Fact]
    public void Match_QuestionAmongAGreetingAndASignature_IsSentWithTheQuestionsMatch()
    {
        var text = "Hello Sunshine Lamps team,\nWhere is my parcel?\nKind regards,\nAlex Example";
        var alone = Matcher.Match(Request("Where is my parcel?", "en"));

        var match = Matcher.Match(Request(text, "en"));

        Assert.Equal((MatchOutcome.Matched, new TemplateId("tracking")), (alone.Outcome, alone.TemplateId));
        Assert.Equal((MatchOutcome.Matched, new TemplateId("tracking"), alone.Confidence), (match.Outcome, match.TemplateId, match.Confidence));
    }

    [Fact]
    public void Match_SentenceAboutAnotherTemplate_IsOnlySuggested()
    {
        var match = Matcher.Match(Request("Where is my parcel? My package has not arrived yet. Where is my parcel? Can I get an invoice?", "en"));

        // The whole message's confidence would send it; its last sentence asks for an invoice.
        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.SeveralTopics, new TemplateId("tracking")), (match.Outcome, match.FailureReason, match.TemplateId));
        Assert.InRange(match.Confidence, match.AutoSendThreshold, 1);
    }

    [Fact]
    public void Match_OtherSentenceThatTellsSomethingElse_KeepsTheWholeMessagesOutcome()
    {
        var match = Matcher.Match(Request("Hello,\nI bought lamps for the whole office and they look great.\nWhere is my parcel?", "en"));

        Assert.Equal((MatchOutcome.Suggested, MatchFailureReason.BelowThreshold, new TemplateId("tracking")), (match.Outcome, match.FailureReason, match.TemplateId));
    }

    [Theory]
    [InlineData("Hello,\nwhere is my parcel?\nThanks", new[] { "Hello,", "where is my parcel?", "Thanks" })]
    [InlineData("Order no. 12 arrived. Is it the 3.5 mm model?!", new[] { "Order no.", "12 arrived.", "Is it the 3.5 mm model?!" })]
    [InlineData("Please send the bills to Mr. Jones. Thanks, J. Smith", new[] { "Please send the bills to Mr. Jones.", "Thanks, J. Smith" })]
    [InlineData("お世話になっております。商品がまだ届きません！いつ届きますか？\n山田", new[] { "お世話になっております。", "商品がまだ届きません！", "いつ届きますか？", "山田" })]
    [InlineData("123-4567890\n--\nAnna", new[] { "Anna" })]
    public void Sentences_CutsAtEndMarksAndLineBreaks_AndDropsPiecesWithoutLetters(string text, string[] expected) =>
        Assert.Equal(expected, Internal.MatchTokenizer.Sentences(text));

    /// <summary>A "cancel" template whose examples assert, and an unrelated one.</summary>
    private static IReadOnlyList<Template> CancelTemplates(string language, string example) =>
    [
        Template("cancel", language, "cancel", [example, example + " " + example], "Your order is cancelled."),
        Template("other", language, "other", ["invoice", "receipt"], "Attached."),
    ];

    private static Template Template(string id, string language, string name, IReadOnlyList<string> examples, string body) =>
        new() { Id = new TemplateId(id), Name = name, Language = language, Examples = examples, Body = body };
}
