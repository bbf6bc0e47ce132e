namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    [Fact]
    public void Parse_UsRelayMail_TakesBuyerTextBetweenMarkers()
    {
        var message = ParseFile("relay-us.eml");

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.True(message.IsFromRelayAlias);
        Assert.Equal("US", message.Marketplace);
        Assert.Equal("Jane Example", message.BuyerName);
        Assert.Equal("111-1111111-1111111", message.OrderId);
        Assert.Equal(BuyerMessageType.ShippingInquiry, message.MessageType);
        Assert.Equal("en", message.Language);
        Assert.Equal(
            "Hello,\n\nMy kettle was supposed to be delivered last Friday but it still has not arrived. Where is my package?\n\nThanks,\nJane",
            message.Text);
    }

    [Fact]
    public void Parse_UsRelayMail_LeavesOutAmazonBoilerplateAndToken()
    {
        var message = ParseFile("relay-us.eml");

        Assert.DoesNotContain("For Your Information", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("commMgrTok", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ASIN", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("-------------", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UkRelayMail_IsUkWrongItem()
    {
        var message = ParseFile("relay-uk.eml");

        Assert.Equal("UK", message.Marketplace);
        Assert.Equal("Oliver Sample", message.BuyerName);
        Assert.Equal("202-2222222-2222222", message.OrderId);
        Assert.Equal(BuyerMessageType.WrongItem, message.MessageType);
        Assert.StartsWith("Hi, I received the wrong item.", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("Oliver", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GermanRelayMail_UsesGermanMarkersAndBoilerplate()
    {
        var message = ParseFile("relay-de.eml");

        Assert.Equal("DE", message.Marketplace);
        Assert.Equal("Max Mustermann", message.BuyerName);
        Assert.Equal("302-3333333-3333333", message.OrderId);
        Assert.Equal(BuyerMessageType.DamagedOrDefective, message.MessageType);
        Assert.Equal("de", message.Language);
        Assert.StartsWith("Guten Tag,", message.Text, StringComparison.Ordinal);
        Assert.Contains("beschädigt", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("Max Mustermann", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wichtiger Hinweis", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrenchRelayMail_StripsFrenchSuffixAndReadsLatin1()
    {
        var message = ParseFile("relay-fr.eml");

        Assert.Equal("FR", message.Marketplace);
        Assert.Equal("Claire Exemple", message.BuyerName);
        Assert.Equal("403-4444444-4444444", message.OrderId);
        Assert.Equal(BuyerMessageType.Refund, message.MessageType);
        Assert.Equal("fr", message.Language);
        Assert.Contains("J'ai renvoyé l'article la semaine dernière", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Important :", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ItalianRelayMailWithAnonymousName_TakesNameFromSubject()
    {
        var message = ParseFile("relay-it.eml");

        Assert.Equal("IT", message.Marketplace);
        Assert.Equal("Marco Esempio", message.BuyerName);
        Assert.Equal("405-5555555-5555555", message.OrderId);
        Assert.Equal(BuyerMessageType.Cancellation, message.MessageType);
        Assert.Equal("it", message.Language);
        Assert.StartsWith("Buongiorno, vorrei annullare l'ordine", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nota informativa", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SpanishRelayMailWithoutName_HasNoBuyerName()
    {
        var message = ParseFile("relay-es.eml");

        Assert.Equal("ES", message.Marketplace);
        Assert.Null(message.BuyerName);
        Assert.Equal("406-6666666-6666666", message.OrderId);
        Assert.Equal(BuyerMessageType.AddressChange, message.MessageType);
        Assert.Equal("es", message.Language);
        Assert.Equal(
            "Hola, me he equivocado al escribir la calle. ¿Pueden cambiar la dirección de envío a Calle Ejemplo 12, 28000 Madrid?\n\nGracias",
            message.Text);
    }

    [Fact]
    public void Parse_JapaneseRelayMailInUtf8WithTokenAlias_IsJapanese()
    {
        var message = ParseFile("relay-jp-utf8-token.eml");

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.Equal("v8gpmnpf6t5ypsd+A00135411EXAMPLE@marketplace.amazon.co.jp", message.From.Address);
        Assert.Equal("JP", message.Marketplace);
        Assert.Equal("山田 花子", message.BuyerName);
        Assert.Equal("250-8888888-8888888", message.OrderId);
        Assert.Equal(BuyerMessageType.ShippingInquiry, message.MessageType);
        Assert.Equal("ja", message.Language);
        Assert.Equal(
            "お世話になっております。\n先週注文した商品がまだ届いていません。配送状況を教えていただけますか。\n\nよろしくお願いいたします。\n山田",
            message.Text);
    }

    [Fact]
    public void Parse_JapaneseRelayMailInIso2022Jp_DecodesSubjectNameAndText()
    {
        const string Body = """
            ------------- メッセージはここから -------------

            商品が破損していました。交換をお願いします。

            ------------- メッセージはここまで -------------
            """;
        var headers = $"""
            From: {TestFiles.EncodedWord("佐藤 美咲 - Amazon Marketplace", "iso-2022-jp")} <e1ho6gs781hskru@marketplace.amazon.co.jp>
            To: amazon-jp@seller.example.com
            Subject: {TestFiles.EncodedWord("Amazon.co.jp のお客様 佐藤 美咲 様からのお問い合わせ (注文番号: 250-3384712-9021563)", "iso-2022-jp")}
            MIME-Version: 1.0
            Content-Type: text/plain; charset=ISO-2022-JP
            Content-Transfer-Encoding: 7bit
            """;

        var message = _parser.Parse(TestFiles.WithBody(headers, Body, "iso-2022-jp")).Message!;

        Assert.Equal("JP", message.Marketplace);
        Assert.Equal("佐藤 美咲", message.BuyerName);
        Assert.Equal("Amazon.co.jp のお客様 佐藤 美咲 様からのお問い合わせ (注文番号: 250-3384712-9021563)", message.Subject);
        Assert.Equal("250-3384712-9021563", message.OrderId);
        Assert.Equal("商品が破損していました。交換をお願いします。", message.Text);
        Assert.Equal(BuyerMessageType.DamagedOrDefective, message.MessageType);
        Assert.Equal("ja", message.Language);
    }

    [Fact]
    public void Parse_JapaneseHtmlOnlyRelayMailOnSubdomainAlias_TakesTextFromPreBlock()
    {
        var message = ParseFile("relay-jp-html-pre.eml");

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.Equal("1ktkjrc1nl0t9fh@m.marketplace.amazon.co.jp", message.From.Address);
        Assert.Equal("JP", message.Marketplace);
        Assert.Equal("鈴木 一郎", message.BuyerName);
        Assert.Equal("503-9999999-9999999", message.OrderId);
        Assert.Equal(BuyerMessageType.WrongItem, message.MessageType);
        Assert.Equal("お世話になっております。\n注文したのはグレーですが、届いたのはベージュでした。\n交換していただけますか。\n\n鈴木", message.Text);
        Assert.NotNull(message.Html);
        Assert.Contains("<pre>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NewerTemplateWithSellerLanguageEndMarker_TakesTextBetweenMarkers()
    {
        var message = ParseFile("relay-newer-template.eml");

        Assert.Equal("DE", message.Marketplace);
        Assert.Equal("Lena Beispiel", message.BuyerName);
        Assert.Equal("301-0000001-0000001", message.OrderId);
        Assert.Equal("Hallo, die Lieferung ist heute angekommen, aber es fehlt der Deckel. Können Sie ihn nachschicken?\n\nLena", message.Text);
    }

    [Fact]
    public void Parse_CanadianBilingualMarkers_TakesTextBetweenMarkers()
    {
        var message = ParseFile("relay-ca-bilingual.eml");

        Assert.Equal("CA", message.Marketplace);
        Assert.Equal("701-7777777-7777777", message.OrderId);
        Assert.Equal(BuyerMessageType.Invoice, message.MessageType);
        Assert.Equal("Hi, can I get an invoice for this order? I need it for my company.\n\nAlex", message.Text);
    }

    [Fact]
    public void Parse_RelayMailWithoutMarkers_TakesTextAboveBoilerplateWithoutQuote()
    {
        var message = ParseFile("relay-no-markers.eml");

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.Equal("112-1212121-1212121", message.OrderId);
        Assert.Equal("Thanks, the replacement arrived today and works fine.\n\nSam", message.Text);
    }

    [Fact]
    public void Parse_OrderIdOnlyInBody_FindsOrderIdInBody()
    {
        var message = ParseFile("relay-order-in-body.eml");

        Assert.Equal("113-1313131-1313131", message.OrderId);
        Assert.Equal(BuyerMessageType.ProductCustomization, message.MessageType);
        Assert.Equal("Could you engrave \"For Mom\" on the board instead of the name I entered?", message.Text);
    }

    [Fact]
    public void Parse_PreSaleQuestion_HasNoOrderId()
    {
        var message = ParseFile("relay-presale.eml");

        Assert.Null(message.OrderId);
        Assert.Equal("Robin Example", message.BuyerName);
        Assert.Equal(BuyerMessageType.ProductDetails, message.MessageType);
        Assert.Equal("Is this skillet compatible with an induction cooktop?", message.Text);
    }

    [Fact]
    public void Parse_FollowUpWithNestedQuotedMarkers_KeepsOnlyTheNewText()
    {
        var message = ParseFile("relay-followup-nested.eml");

        Assert.Equal("RE: Inquiry from Amazon customer Jane Example (Order: 111-1111111-1111111)", message.Subject);
        Assert.Equal("Jane Example", message.BuyerName);
        Assert.Equal("111-1111111-1111111", message.OrderId);
        Assert.Equal(BuyerMessageType.Refund, message.MessageType);
        Assert.Equal("It still has not come. Please send me a refund.\n\nJane", message.Text);
    }

    [Fact]
    public void Parse_NestedBlockAfterNewText_DoesNotTruncateAtTheInnerEndMarker()
    {
        const string Mail = """
            From: abcd1234efgh567@marketplace.amazon.com
            Subject: RE: Inquiry from Amazon customer Jane Example (Order: 111-1111111-1111111)

            ------------- Begin message -------------
            First line of the new text.
            > ------------- Begin message -------------
            > quoted reply
            > ------------- End message -------------
            Last line of the new text.
            ------------- End message -------------
            For Your Information: boilerplate
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("First line of the new text.\n> ------------- Begin message -------------\n> quoted reply\n> ------------- End message -------------\nLast line of the new text.", message.Text);
    }

    [Fact]
    public void Parse_BeginMarkerWithoutEndMarker_StopsAtBoilerplate()
    {
        const string Mail = """
            From: abcd1234efgh567@marketplace.amazon.com
            Subject: Inquiry from Amazon customer Jane Example

            ------------- Begin message -------------
            Where is my order?
            To mark this message as no response needed, click here: https://sellercentral.amazon.com/example
            [commMgrTok:AEXAMPLE0003]
            """;

        Assert.Equal("Where is my order?", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_RelayMailWithEmptyMessageAndPhoto_HasEmptyTextAndTheAttachment()
    {
        const string Mail = """
            From: abcd1234efgh567@marketplace.amazon.com
            Subject: Inquiry from Amazon customer Jane Example
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            ------------- Begin message -------------

            ------------- End message -------------
            [commMgrTok:AEXAMPLE0004]
            --b
            Content-Type: image/jpeg; name="photo.jpg"
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --b--
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal(string.Empty, message.Text);
        Assert.Single(message.Attachments);
        Assert.Null(message.Language);
    }

    [Fact]
    public void Parse_PhotoOfDamage_KeepsAttachmentsWithNamesAndDecodedContent()
    {
        var message = ParseFile("relay-damage-photo.eml");

        Assert.Equal(BuyerMessageType.DamagedOrDefective, message.MessageType);
        Assert.Equal("The mug arrived broken, see the photo.", message.Text);
        Assert.Equal(2, message.Attachments.Count);
        var photo = message.Attachments[0];
        Assert.Equal("IMG_0001.jpg", photo.FileName);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], photo.Content[..4].ToArray());
        Assert.Equal([0xFF, 0xD9], photo.Content[^2..].ToArray());
        var inline = message.Attachments[1];
        Assert.Equal("attachment-2.png", inline.FileName);
        Assert.Equal("image/png", inline.ContentType);
        Assert.Equal(28, inline.Size);
    }

    [Fact]
    public void Parse_AmazonNotification_IsAmazonWithTypeAndMarketplaceFromHeaders()
    {
        var message = ParseFile("notification-atoz.eml");

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.False(message.IsFromRelayAlias);
        Assert.Equal("DE", message.Marketplace);
        Assert.Equal(BuyerMessageType.AtoZClaim, message.MessageType);
        Assert.Equal("A_Z_CLAIM_RESPONDENT_NOTIFY", message.AmazonNotificationType);
        Assert.Equal("305-1515151-1515151", message.OrderId);
        Assert.Null(message.BuyerName);
    }

    [Fact]
    public void Parse_NotificationHeaderFromNonAmazonSender_IsMailbox()
    {
        const string Mail = """
            From: phisher@not-amazon.example
            Subject: Your A-to-z claim
            X-Space-Notification-Type: A_Z_CLAIM_RESPONDENT_NOTIFY

            Click here.
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal(ChannelKind.Mailbox, message.ChannelKind);
        Assert.Null(message.Marketplace);
    }

    [Theory]
    [InlineData("RETURN_REQUEST", BuyerMessageType.ReturnRequest)]
    [InlineData("REFUND_ISSUED", BuyerMessageType.Refund)]
    [InlineData("BRC_SELLER_NOTIFICATION", BuyerMessageType.Cancellation)]
    [InlineData("A_Z_CLAIM_RESPONDENT_CLOSE", BuyerMessageType.AtoZClaim)]
    public void Parse_NotificationType_GivesMessageType(string notificationType, BuyerMessageType expected)
    {
        var mail = $"""
            From: donotreply@amazon.com
            Subject: Notification
            X-Space-Notification-Type: {notificationType}

            Details of the notification.
            """;

        Assert.Equal(expected, _parser.Parse(TestFiles.Ascii(mail)).Message!.MessageType);
    }

    [Fact]
    public void Parse_RelayTextInUnknownLanguage_HasNoLanguage()
    {
        const string Mail = """
            From: "Amazon Buyer" <abcd1234efgh567@marketplace.amazon.com>
            Subject: Inquiry

            ------------- Begin message -------------
            ok 12345
            ------------- End message -------------
            """;

        Assert.Null(_parser.Parse(TestFiles.Ascii(Mail)).Message!.Language);
    }

    [Fact]
    public void Parse_CustomFormat_IsUsedNextToTheDefaults()
    {
        var options = new MimeParsingOptions();
        options.RelayFormats.Add(new AmazonRelayFormat
        {
            Name = "da",
            Language = "da",
            BeginMarkers = ["Start besked"],
            EndMarkers = ["Slut besked"],
            BodyKeywords = new Dictionary<BuyerMessageType, IReadOnlyList<string>> { [BuyerMessageType.Refund] = ["pengene tilbage"] },
        });
        var parser = new MimeMessageParser(options);
        const string Mail = """
            From: "Mette Eksempel" <n1m2b3v4c5x6z7l@marketplace.amazon.se>
            Subject: Sporgsmal

            ------------- Start besked -------------
            Jeg vil gerne have pengene tilbage.
            ------------- Slut besked -------------
            Footer fra Amazon
            """;

        var message = parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("SE", message.Marketplace);
        Assert.Equal("Jeg vil gerne have pengene tilbage.", message.Text);
        Assert.Equal(BuyerMessageType.Refund, message.MessageType);
        Assert.Equal(BuyerMessageType.Other, _parser.Parse(TestFiles.Ascii(Mail)).Message!.MessageType);
    }
}
