namespace BuyerMessaging.Email.Tests;

/// <summary>The message type of buyers' words in the languages that have keywords but no known relay markers.</summary>
public sealed partial class MimeMessageParserTests
{
    public static TheoryData<string, string, BuyerMessageType> BuyerWords => new()
    {
        // Dutch (amazon.nl, amazon.com.be)
        { "amazon.nl", "Goedemiddag, het pakket is nog altijd niet aangekomen en de track & trace zegt al dagen niets.", BuyerMessageType.ShippingInquiry },
        { "amazon.com.be", "De lamp werkt niet en de kap is gebarsten.", BuyerMessageType.DamagedOrDefective },
        { "amazon.nl", "Ik kreeg de verkeerde kleur handdoek, ik had blauw besteld.", BuyerMessageType.WrongItem },
        { "amazon.nl", "Ik wil de jas graag retourneren, hij zit te krap.", BuyerMessageType.ReturnRequest },
        { "amazon.nl", "Wanneer krijg ik mijn geld terug?", BuyerMessageType.Refund },
        { "amazon.nl", "Kunt u mijn bestelling annuleren?", BuyerMessageType.Cancellation },
        { "amazon.nl", "Kunt u het bezorgadres wijzigen? Ik ben vorige week verhuisd.", BuyerMessageType.AddressChange },
        { "amazon.nl", "Mag ik een factuur op naam van mijn bedrijf?", BuyerMessageType.Invoice },

        // Polish (amazon.pl), with and without diacritics
        { "amazon.pl", "Paczka wciąż nie dotarła, a numer śledzenia nic nie pokazuje.", BuyerMessageType.ShippingInquiry },
        { "amazon.pl", "Talerz przyszedł pęknięty.", BuyerMessageType.DamagedOrDefective },
        { "amazon.pl", "Talerz przyszedl pekniety.", BuyerMessageType.DamagedOrDefective },
        { "amazon.pl", "Dostałam zły rozmiar butów.", BuyerMessageType.WrongItem },
        { "amazon.pl", "Chcę zwrócić kurtkę, bo jest za duża.", BuyerMessageType.ReturnRequest },
        { "amazon.pl", "Proszę o zwrot pieniędzy za to zamówienie.", BuyerMessageType.Refund },
        { "amazon.pl", "Prosze anulowac zamowienie.", BuyerMessageType.Cancellation },
        { "amazon.pl", "Czy mogę jeszcze zmienić adres dostawy?", BuyerMessageType.AddressChange },
        { "amazon.pl", "Poproszę o fakturę VAT na firmę.", BuyerMessageType.Invoice },

        // Swedish (amazon.se)
        { "amazon.se", "Jag har fortfarande inte fått paketet.", BuyerMessageType.ShippingInquiry },
        { "amazon.se", "Koppen kom fram trasig.", BuyerMessageType.DamagedOrDefective },
        { "amazon.se", "Ni skickade fel storlek på skorna.", BuyerMessageType.WrongItem },
        { "amazon.se", "Jag vill returnera skorna.", BuyerMessageType.ReturnRequest },
        { "amazon.se", "När får jag pengarna tillbaka?", BuyerMessageType.Refund },
        { "amazon.se", "Kan ni avbeställa min order?", BuyerMessageType.Cancellation },
        { "amazon.se", "Jag behöver ändra leveransadressen.", BuyerMessageType.AddressChange },
        { "amazon.se", "Kan jag få ett kvitto på köpet?", BuyerMessageType.Invoice },

        // Turkish (amazon.com.tr), with and without diacritics
        { "amazon.com.tr", "Siparişim hâlâ gelmedi, ne zaman teslim edilir?", BuyerMessageType.ShippingInquiry },
        { "amazon.com.tr", "Kargo hâlâ yolda görünüyor ama takip kodu çalışmıyor.", BuyerMessageType.ShippingInquiry },
        { "amazon.com.tr", "Bardak kırık geldi.", BuyerMessageType.DamagedOrDefective },
        { "amazon.com.tr", "Bardak kirik geldi.", BuyerMessageType.DamagedOrDefective },
        { "amazon.com.tr", "Yanlış ürün gönderilmiş.", BuyerMessageType.WrongItem },
        { "amazon.com.tr", "Ürünü iade etmek istiyorum.", BuyerMessageType.ReturnRequest },
        { "amazon.com.tr", "Para iadesi ne zaman yapılır?", BuyerMessageType.Refund },
        { "amazon.com.tr", "Siparisimi iptal edebilir misiniz?", BuyerMessageType.Cancellation },
        { "amazon.com.tr", "Teslimat adresini değiştirmek istiyorum.", BuyerMessageType.AddressChange },
        { "amazon.com.tr", "Fatura gönderebilir misiniz?", BuyerMessageType.Invoice },

        // Arabic (amazon.ae, amazon.sa, amazon.eg), with and without hamza
        { "amazon.ae", "لم يصلني الطرد حتى الآن", BuyerMessageType.ShippingInquiry },
        { "amazon.sa", "وصل الكوب مكسورا", BuyerMessageType.DamagedOrDefective },
        { "amazon.eg", "أرسلتم لي مقاس خاطئ", BuyerMessageType.WrongItem },
        { "amazon.ae", "أريد إرجاع المنتج", BuyerMessageType.ReturnRequest },
        { "amazon.sa", "أريد استرداد المبلغ", BuyerMessageType.Refund },
        { "amazon.eg", "ارجو الغاء الطلب", BuyerMessageType.Cancellation },
        { "amazon.ae", "أريد تغيير العنوان قبل الشحن", BuyerMessageType.AddressChange },
        { "amazon.sa", "أحتاج فاتورة ضريبية", BuyerMessageType.Invoice },

        // Chinese, simplified and traditional, on any marketplace
        { "amazon.com", "快一个星期了，我还没收到货。", BuyerMessageType.ShippingInquiry },
        { "amazon.co.uk", "杯子到的时候已经碎了。", BuyerMessageType.DamagedOrDefective },
        { "amazon.de", "你们发错颜色了。", BuyerMessageType.WrongItem },
        { "amazon.com", "我想退货。", BuyerMessageType.ReturnRequest },
        { "amazon.ca", "請給我退款。", BuyerMessageType.Refund },
        { "amazon.com", "请取消我的订单。", BuyerMessageType.Cancellation },
        { "amazon.com", "我想修改收貨地址。", BuyerMessageType.AddressChange },
        { "amazon.co.jp", "可以开发票吗？", BuyerMessageType.Invoice },

        // Wordings the other languages had missed
        { "amazon.fr", "Bonjour, je n'ai toujours rien recu alors que la commande date de deux semaines.", BuyerMessageType.ShippingInquiry },
        { "amazon.fr", "Rien reçu à ce jour.", BuyerMessageType.ShippingInquiry },
        { "amazon.com", "Sorry, the tracking number does not work on the carrier's site. Where is the parcel?", BuyerMessageType.ShippingInquiry },
        { "amazon.com", "The tracking number is not working and the kettle I finally got does not work either.", BuyerMessageType.DamagedOrDefective },
        { "amazon.de", "Die Thermoskanne ist verbeult und undicht.", BuyerMessageType.DamagedOrDefective },
        { "amazon.co.jp", "届いたTシャツが注文した物と違いました。", BuyerMessageType.WrongItem },
        { "amazon.co.jp", "頼んだのは黒ですが、入っていたのは白でした。", BuyerMessageType.WrongItem },
        { "amazon.co.jp", "引っ越したので、お届け先を新しい住所に変更していただけますか。発送前でしょうか。", BuyerMessageType.AddressChange },

        // The buyer's own mistake is no wrong item: an explicit request wins
        { "amazon.com", "Could you cancel this order please? I picked the wrong colour when I checked out.", BuyerMessageType.Cancellation },
        { "amazon.com", "I ordered the wrong size, can I return it?", BuyerMessageType.ReturnRequest },
        { "amazon.com", "You sent me the wrong size, I ordered a medium.", BuyerMessageType.WrongItem },
        { "amazon.de", "Ich habe die falsche Größe bestellt, bitte stornieren Sie die Bestellung.", BuyerMessageType.Cancellation },
    };

    [Theory]
    [MemberData(nameof(BuyerWords))]
    public void Parse_BuyerWordsInRelayMail_GiveTheMessageType(string domain, string text, BuyerMessageType expected)
    {
        var message = _parser.Parse(RelayMail(domain, text)).Message!;

        Assert.Equal(ChannelKind.Amazon, message.ChannelKind);
        Assert.Equal(text, message.Text);
        Assert.Equal(expected, message.MessageType);
    }

    /// <summary>
    /// Japanese in kanji alone, which its characters cannot tell from Chinese, is Japanese when amazon.co.jp relays it
    /// (the marketplace's language decides what the text cannot) and stays what the text says elsewhere; Chinese in
    /// forms Japanese does not use stays Chinese on amazon.co.jp. With the detector DI registers
    /// (<see cref="NgramLanguageDetector"/>; the parser's own default, <see cref="BasicLanguageDetector"/>, reads scripts
    /// and function words only and takes no likely language).
    /// </summary>
    [Theory]
    [InlineData("amazon.co.jp", "商品未着。返金希望。", "ja")]
    [InlineData("amazon.co.jp", "商品不具合、返品交換希望", "ja")]
    [InlineData("amazon.com", "商品未着。返金希望。", "zh")]
    [InlineData("amazon.co.jp", "这个有保修吗", "zh")]
    [InlineData("amazon.co.jp", "可以开发票吗？", "zh")]
    public void Parse_HanOnlyRelayMail_MarketplaceLanguageDecidesWhatTheTextCannot(string domain, string text, string expected)
    {
        var message = new MimeMessageParser(null, NgramLanguageDetector.Default).Parse(RelayMail(domain, text)).Message!;

        Assert.Equal(text, message.Text);
        Assert.Equal(expected, message.Language);
    }

    /// <summary>Relay mail from a buyer of the marketplace at <paramref name="domain"/> with <paramref name="text"/> between the markers.</summary>
    private static byte[] RelayMail(string domain, string text)
    {
        var headers = $"""
            From: "Test Buyer - Amazon Marketplace" <q7w8e9r0t1y2u3i@marketplace.{domain}>
            Subject: Inquiry (Order: 404-1234567-7654321)
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit
            """;
        var body = $"""
            ------------- Message: -------------

            {text}

            ------------- End message -------------
            """;
        return TestFiles.WithBody(headers, body, "utf-8");
    }

    [Theory]
    [InlineData("我上个月买的台灯坏了，不能用。", BuyerMessageType.DamagedOrDefective)]
    [InlineData("لم استلم طلبي بعد، متى سيصل؟", BuyerMessageType.ShippingInquiry)]
    public void Parse_ChineseOrArabicMailboxMail_IsClassified(string text, BuyerMessageType expected)
    {
        const string Headers = """
            From: buyer@mail.example
            To: support@shop.example
            Subject: Order NW-1
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit
            """;

        var message = _parser.Parse(TestFiles.WithBody(Headers, text, "utf-8")).Message!;

        Assert.Equal(ChannelKind.Mailbox, message.ChannelKind);
        Assert.Equal(expected, message.MessageType);
    }
}
