using Microsoft.Extensions.Options;

namespace BuyerMessaging.Tests;

public sealed class AmazonContentCheckerTests
{
    private static ContentCheckResult Check(string text, string? marketplace = null, string? subject = null) =>
        AmazonContentChecker.Default.Check(new ContentCheckRequest { Text = text, Marketplace = marketplace, Subject = subject });

    private static ContentFinding Single(string text, string rule)
    {
        var findings = Check(text).Findings.Where(f => f.RuleId == rule).ToList();
        Assert.True(findings.Count == 1, $"expected one '{rule}' finding in «{text}», got: {string.Join(" | ", Check(text).Findings.Select(f => $"{f.RuleId}:{f.Text}"))}");
        return findings[0];
    }

    private static void AssertBlocked(string text, string rule, string offending)
    {
        var finding = Single(text, rule);
        Assert.Equal(ContentSeverity.Block, finding.Severity);
        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        Assert.False(string.IsNullOrWhiteSpace(finding.MessageJa));
    }

    [Theory]
    [InlineData("Please write to support@northwind.example for help.", "support@northwind.example")]
    [InlineData("お問い合わせは info@shop.co.jp までお願いします。", "info@shop.co.jp")]
    [InlineData("Schreiben Sie an Service@Laden.de, danke.", "Service@Laden.de")]
    [InlineData("連絡先：ｉｎｆｏ＠ｓｈｏｐ．ｊｐ まで", "ｉｎｆｏ＠ｓｈｏｐ．ｊｐ")]
    public void EmailAddress_Blocks_WithTheSpanOfTheOriginalText(string text, string offending) =>
        AssertBlocked(text, ContentRuleIds.EmailAddress, offending);

    [Theory]
    [InlineData("Call us at +1 206 555 0100 any time.", "+1 206 555 0100")]
    [InlineData("Call (206) 555-0100 today", "(206) 555-0100")]
    [InlineData("お電話は03-1234-5678までどうぞ。", "03-1234-5678")]
    [InlineData("携帯：０９０－１２３４－５６７８にご連絡ください", "０９０－１２３４－５６７８")]
    [InlineData("Rufen Sie uns an: 030 / 1234567", "030 / 1234567")]
    [InlineData("Telefon: +49 30 1234567", "+49 30 1234567")]
    public void PhoneNumber_Blocks(string text, string offending) => AssertBlocked(text, ContentRuleIds.PhoneNumber, offending);

    [Theory]
    [InlineData("Your order 111-2345678-1234567 shipped on 2026-11-20 and arrives by 11/24.")]
    [InlineData("注文番号 503-1234567-7654321 は 2026年11月20日 に発送しました。〒100-0001")]
    [InlineData("Bestellung 302-1234567-1234567, Lieferung zwischen 20.11.2026 und 24.11.2026.")]
    public void OrderIdsDatesAndPostalCodes_AreNotPhoneNumbers(string text) =>
        Assert.DoesNotContain(Check(text).Findings, f => f.RuleId == ContentRuleIds.PhoneNumber);

    [Theory]
    [InlineData("See our shop at https://northwind.example/sale for more.", "https://northwind.example/sale")]
    [InlineData("Track it here: http://www.ups.com/track?id=1", "http://www.ups.com/track?id=1")]
    [InlineData("Besuchen Sie www.laden-shop.de heute", "www.laden-shop.de")]
    [InlineData("詳しくは shop.example.jp をご確認ください", "shop.example.jp")]
    [InlineData("Instagram: https://instagram.com/northwind", "https://instagram.com/northwind")]
    public void Link_ToOtherSites_Blocks(string text, string offending) => AssertBlocked(text, ContentRuleIds.Link, offending);

    [Theory]
    [InlineData("You can track your parcel at https://www.ups.com/track?tracknum=1Z999.")]
    [InlineData("返品は https://www.amazon.co.jp/returns から手続きできます。")]
    [InlineData("Details: https://sellercentral.amazon.de/help and amazon.com")]
    [InlineData("追跡: https://toi.kuronekoyamato.co.jp/cgi-bin/tneko")]
    public void Link_ToAmazonOrCarriers_IsAllowed(string text) =>
        Assert.DoesNotContain(Check(text).Findings, f => f.RuleId == ContentRuleIds.Link);

    [Fact]
    public void Link_Http_ToAmazon_BlocksAsNotSecure()
    {
        var finding = Single("Go to http://www.amazon.com/returns now", ContentRuleIds.Link);
        Assert.Contains("https", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("If you are happy, please leave us a positive review!", ContentRuleIds.PositiveReviewRequest, "positive review")]
    [InlineData("A 5-star rating would mean a lot to us.", ContentRuleIds.PositiveReviewRequest, "5-star rating")]
    [InlineData("よろしければ高評価をお願いいたします。", ContentRuleIds.PositiveReviewRequest, "高評価")]
    [InlineData("★★★★★のレビューをお待ちしております", ContentRuleIds.PositiveReviewRequest, "★★★★★")]
    [InlineData("Über eine positive Bewertung würden wir uns freuen.", ContentRuleIds.PositiveReviewRequest, "positive Bewertung")]
    [InlineData("We will give you a full refund if you leave a review.", ContentRuleIds.ReviewIncentive, "refund if you leave a review")]
    [InlineData("レビューを投稿していただければ、次回使えるクーポンをプレゼントします。", ContentRuleIds.ReviewIncentive, "レビューを投稿していただければ、次回使えるクーポンをプレゼント")]
    [InlineData("Sie erhalten einen Gutschein, wenn Sie eine Bewertung schreiben.", ContentRuleIds.ReviewIncentive, "Gutschein, wenn Sie eine Bewertung")]
    [InlineData("Could you please remove your negative feedback?", ContentRuleIds.ReviewChangeRequest, "remove your negative feedback")]
    [InlineData("お手数ですが評価を削除していただけますか。", ContentRuleIds.ReviewChangeRequest, "評価を削除")]
    [InlineData("Könnten Sie Ihre Bewertung ändern?", ContentRuleIds.ReviewChangeRequest, "Bewertung ändern")]
    public void ReviewsAndFeedback_Block(string text, string rule, string offending) => AssertBlocked(text, rule, offending);

    [Theory]
    [InlineData("We'd love it if you could leave a review of the product.")]
    [InlineData("商品のレビューをお願いいたします。")]
    [InlineData("Bitte hinterlassen Sie eine Bewertung, wenn Sie Zeit haben.")]
    public void NeutralReviewRequest_Warns(string text)
    {
        var result = Check(text);
        Assert.Contains(result.Findings, f => f.RuleId == ContentRuleIds.ReviewRequest && f.Severity == ContentSeverity.Warn);
    }

    [Theory]
    [InlineData("We will refund you in full once you withdraw your A-to-Z claim.", "withdraw your A-to-Z claim")]
    [InlineData("Please close the claim and we will send a replacement.", "close the claim")]
    [InlineData("返金いたしますので、A-Z保証の申請を取り下げてください。", "A-Z保証の申請を取り下げ")]
    [InlineData("Ａ－Ｚ申請をキャンセルしていただけますか", "Ａ－Ｚ申請をキャンセル")]
    [InlineData("返金します。A-Z をオフにするのに協力してください。", "A-Z をオフに")]
    [InlineData("Bitte ziehen Sie den A-bis-Z-Antrag zurück; dann erstatten wir.", "ziehen Sie den A-bis-Z-Antrag zurück")]
    [InlineData("Wir erstatten den Betrag, wenn Sie die Rückbuchung zurückziehen.", "Rückbuchung zurückziehen")]
    [InlineData("Merci d'annuler votre réclamation A-à-z, nous vous avons remboursé.", "annuler votre réclamation")]
    [InlineData("Le reembolsaremos en cuanto cierre la reclamación A-to-z.", "cierre la reclamación")]
    [InlineData("La rimborseremo non appena chiuderà la richiesta di Garanzia dalla A alla Z.", "chiuderà la richiesta di Garanzia")]
    public void ClaimWithdrawal_Blocks(string text, string offending)
    {
        // The German separable verb ("ziehen Sie … zurück") was missed before the content-check evaluation set.
        var finding = Check(text).Findings.FirstOrDefault(f => f.RuleId == ContentRuleIds.ClaimWithdrawal);
        Assert.NotNull(finding);
        Assert.Equal(ContentSeverity.Block, finding.Severity);
        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Use coupon code SAVE10 on your next order!", "coupon code")]
    [InlineData("Get 20% off our new products this week.", "20% off")]
    [InlineData("Follow us on Instagram for updates.", "Follow us on Instagram")]
    [InlineData("現在セール開催中です!", "セール")]
    [InlineData("新商品のご案内です。ストアをご覧ください。", "新商品")]
    [InlineData("Mit dem Rabattcode HERBST sparen Sie.", "Rabattcode")]
    [InlineData("Besuchen Sie unseren Shop für neue Produkte.", "Besuchen Sie unseren Shop")]
    public void Marketing_Blocks(string text, string offending)
    {
        var finding = Check(text).Findings.First(f => f.RuleId == ContentRuleIds.Marketing);
        Assert.Equal(ContentSeverity.Block, finding.Severity);
        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("This is an automated reply. We will answer within 24 hours.")]
    [InlineData("このメールは自動返信です。")]
    [InlineData("Dies ist eine automatische Antwort.")]
    public void AutomatedWording_Warns(string text) =>
        Assert.Contains(Check(text).Findings, f => f.RuleId == ContentRuleIds.AutomatedWording && f.Severity == ContentSeverity.Warn);

    [Theory]
    [InlineData("Thank you for your purchase!")]
    [InlineData("ご購入ありがとうございました。")]
    [InlineData("Vielen Dank für Ihren Einkauf!")]
    [InlineData("Your order has been shipped.")]
    public void UnnecessaryMessage_Warns(string text) =>
        Assert.Contains(Check(text).Findings, f => f.RuleId == ContentRuleIds.UnnecessaryMessage && f.Severity == ContentSeverity.Warn);

    [Theory]
    [InlineData("Thanks for contacting us, we will send a new part tomorrow.")]
    [InlineData("Thank you for your patience, the replacement was sent this morning")]
    [InlineData("Vielen Dank für Ihre Nachricht, wir schicken Ihnen morgen ein neues Teil.")]
    [InlineData("Merci pour votre message, nous vous envoyons une pièce neuve demain.")]
    [InlineData("Gracias por su mensaje, le enviamos una pieza nueva mañana.")]
    [InlineData("Grazie per il messaggio, le spediamo domani un pezzo nuovo.")]
    public void ThanksWithSomethingDoneOrToBeDone_IsNotAnUnnecessaryMessage(string text) =>
        Assert.DoesNotContain(Check(text).Findings, f => f.RuleId == ContentRuleIds.UnnecessaryMessage);

    [Theory]
    [InlineData(
        "Dear Jane,\n\nWe are very sorry that your parcel has not arrived yet. We checked with the carrier and it is on its way.\n"
        + "Please choose what suits you best:\n1. Wait until November 24 for the parcel.\n2. We send a replacement today.\n3. We refund the full amount.\n\n"
        + "Thank you for your patience. We will reply within 24 hours.\nNorthwind Goods", "US")]
    [InlineData(
        "山田様\n\nこの度はお荷物の到着が遅れており、大変申し訳ございません。配送業者に確認したところ、現在輸送中です。\n"
        + "以下からお選びください。\n1. 11月24日までお待ちいただく\n2. 本日代替品を発送する\n3. 全額返金する\n\n24時間以内にご返信いたします。", "JP")]
    [InlineData(
        "Sehr geehrter Herr Müller,\n\nes tut uns sehr leid, dass Ihr Paket noch nicht angekommen ist. Bitte wählen Sie:\n"
        + "1. Sie warten bis zum 24. November.\n2. Wir senden Ihnen heute einen neuen Artikel.\n3. Wir erstatten den vollen Betrag.\n\nWir melden uns innerhalb von 24 Stunden.", "DE")]
    [InlineData("Thank you for your feedback. We will refund the full amount today. Your claim number is 12345.", "US")]
    public void GoodReplies_HaveNoFindings(string text, string marketplace)
    {
        var result = Check(text, marketplace);
        Assert.True(result.Findings.Count == 0, string.Join(" | ", result.Findings.Select(f => $"{f.RuleId}:{f.Text}")));
        Assert.False(result.IsBlocked);
    }

    [Theory]
    [InlineData("Thank you for your positive feedback! We are glad the kettle arrived safely and hope you enjoy it for years.", "US")]
    [InlineData("We will send a free replacement today. Thank you for your feedback about the packaging, we have improved it.", "US")]
    [InlineData("The Amazon coupon you clipped was applied at checkout; you can see the discount on your invoice.", "US")]
    [InlineData("Please review the product manual on page 3 before first use, then try again.", "US")]
    [InlineData("Your tracking number is 1Z999AA10123456784 and the parcel should arrive on Monday.", "US")]
    [InlineData("We have refunded the full amount. If you have further questions about your order, please reply to this message.", "US")]
    [InlineData("We are sorry for the damage. Could you send us a photo of the box? We will then send a new one or refund you, as you prefer.", "UK")]
    [InlineData("高評価をいただき、誠にありがとうございます。今後ともよろしくお願いいたします。商品の使い方でご不明な点があればお知らせください。", "JP")]
    [InlineData("ご不便をおかけして申し訳ございません。新商品と交換いたしますので、お手数ですが届いた商品を着払いでご返送ください。", "JP")]
    [InlineData("追跡番号：1234-5678-9012（日本郵便）です。明日の午前中に到着予定です。ご確認をお願いいたします。", "JP")]
    [InlineData("お問い合わせ番号 0123-4567-8901 でヤマト運輸のサイトから配送状況をご確認いただけます。", "JP")]
    [InlineData("Vielen Dank für Ihre positive Bewertung! Bei Fragen zur Anwendung helfen wir Ihnen gern weiter.", "DE")]
    [InlineData("Ihre Sendungsnummer lautet 00340434161234567890. Das Paket wird am Montag zugestellt, wir entschuldigen uns für die Verzögerung.", "DE")]
    [InlineData("Es tut uns leid, dass ein Teil fehlt. Wir senden Ihnen das fehlende Teil heute kostenlos zu, es kommt in zwei Tagen an.", "DE")]
    public void RealisticLegitimateReplies_AreNotBlocked(string text, string marketplace)
    {
        var result = Check(text, marketplace);
        Assert.True(result.Findings.Count == 0, string.Join(" | ", result.Findings.Select(f => $"{f.RuleId}:{f.Text}")));
    }

    [Theory]
    [InlineData("Laissez-nous un avis 5 étoiles et nous vous rembourserons.", ContentRuleIds.ReviewIncentive, "Laissez-nous un avis 5 étoiles et nous vous rembourserons")]
    [InlineData("Laissez-nous un avis 5 étoiles et nous vous rembourserons.", ContentRuleIds.PositiveReviewRequest, "avis 5 étoiles")]
    [InlineData("Merci de nous mettre 5 etoiles sur Amazon.", ContentRuleIds.PositiveReviewRequest, "5 etoiles")]
    [InlineData("¿Podría cambiar su valoración negativa?", ContentRuleIds.ReviewChangeRequest, "cambiar su valoración")]
    [InlineData("Ci lasci una recensione positiva.", ContentRuleIds.PositiveReviewRequest, "recensione positiva")]
    [InlineData("ＣＩ ＬＡＳＣＩ ＵＮＡ ＲＥＣＥＮＳＩＯＮＥ ＰＯＳＩＴＩＶＡ", ContentRuleIds.PositiveReviewRequest, "ＲＥＣＥＮＳＩＯＮＥ ＰＯＳＩＴＩＶＡ")]
    [InlineData("Le regalamos un cupón de 10 € a cambio de su opinión.", ContentRuleIds.ReviewIncentive, "regalamos un cupón de 10 € a cambio de su opinión")]
    [InlineData("Bitte löschen Sie Ihre 1-Sterne-Bewertung.", ContentRuleIds.ReviewChangeRequest, "löschen Sie Ihre 1-Sterne-Bewertung")]
    [InlineData("Could you reconsider the 2-star rating you gave us?", ContentRuleIds.ReviewChangeRequest, "reconsider the 2-star rating")]
    [InlineData("Nous comptons sur vous pour une note positive !", ContentRuleIds.PositiveReviewRequest, "note positive")]
    [InlineData("Send us a screenshot of your review and we'll refund you.", ContentRuleIds.ReviewIncentive, "screenshot of your review")]
    public void ReviewsAndFeedback_FrenchSpanishItalian_Block(string text, string rule, string offending) => AssertBlocked(text, rule, offending);

    [Theory]
    [InlineData("Pourriez-vous laisser un avis sur le produit ?")]
    [InlineData("No olvide calificar el producto.")]
    [InlineData("Non dimentichi di recensire il prodotto.")]
    [InlineData("Hinterlassen Sie uns gerne eine ehrliche Rezension.")]
    public void NeutralReviewRequest_FrenchSpanishItalianGerman_Warns(string text) =>
        Assert.Contains(Check(text).Findings, f => f.RuleId == ContentRuleIds.ReviewRequest && f.Severity == ContentSeverity.Warn);

    /// <summary>
    /// Contact details written to get past a filter: the span is the whole address as written, full-width forms
    /// included.
    /// </summary>
    [Theory]
    [InlineData("Write to us: anna [at] myshop [dot] com", ContentRuleIds.EmailAddress, "anna [at] myshop [dot] com")]
    [InlineData("jean.dupont(arobase)maboutique.fr", ContentRuleIds.EmailAddress, "jean.dupont(arobase)maboutique.fr")]
    [InlineData("info [chiocciola] ilmionegozio [punto] it", ContentRuleIds.EmailAddress, "info [chiocciola] ilmionegozio [punto] it")]
    [InlineData("Escriba a anna at tienda dot es", ContentRuleIds.EmailAddress, "anna at tienda dot es")]
    [InlineData("Tout est sur www . maboutique . fr !", ContentRuleIds.Link, "www . maboutique . fr")]
    [InlineData("Our other products are on myshop dot com", ContentRuleIds.Link, "myshop dot com")]
    [InlineData("Appelez-nous au 06 12 34 56 78.", ContentRuleIds.PhoneNumber, "06 12 34 56 78")]
    [InlineData("Joignable au ０６.１２.３４.５６.７８", ContentRuleIds.PhoneNumber, "０６.１２.３４.５６.７８")]
    [InlineData("Mi móvil: 612 345 678", ContentRuleIds.PhoneNumber, "612 345 678")]
    [InlineData("Puede llamarme al 654 32 10 98.", ContentRuleIds.PhoneNumber, "654 32 10 98")]
    [InlineData("Tel. 91 123 45 67", ContentRuleIds.PhoneNumber, "91 123 45 67")]
    [InlineData("Ci chiami al +39 02 1234 5678.", ContentRuleIds.PhoneNumber, "+39 02 1234 5678")]
    [InlineData("Mi scriva su WhatsApp al 347 1234567", ContentRuleIds.PhoneNumber, "347 1234567")]
    [InlineData("Erreichbar unter 0171 1234567", ContentRuleIds.PhoneNumber, "0171 1234567")]
    [InlineData("Ring me at 07700 900123.", ContentRuleIds.PhoneNumber, "07700 900123")]
    public void ContactDetails_Obfuscated_Block(string text, string rule, string offending) => AssertBlocked(text, rule, offending);

    [Theory]
    [InlineData("Commande 405-1234567-1234567 expédiée le 06.12.2026, livraison prévue le 09/12/2026.")]
    [InlineData("El precio es 612,00 € y se envía desde 28013 Madrid el 12/03/2026.")]
    [InlineData("Il numero di tracking è 1Z999AA10123456784, ordine 404-1234567-1234567.")]
    [InlineData("Your parcel weighs 1.2 kg; we will look at it at 10 am.")]
    [InlineData("You can find it at amazon.fr under Your Orders.")]
    [InlineData("Le point de retrait est indiqué dans votre commande.")]
    public void ContactDetails_LookAlikes_AreNotFlagged(string text) =>
        Assert.DoesNotContain(Check(text).Findings, f => f.RuleId is ContentRuleIds.EmailAddress or ContentRuleIds.Link or ContentRuleIds.PhoneNumber);

    [Theory]
    [InlineData("Suivi : https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901")]
    [InlineData("Seguimiento: https://www.correos.es/es/es/herramientas/localizador/envios")]
    [InlineData("Tracking: https://www.brt.it/it/tracking e https://www.poste.it/cerca/index.html")]
    [InlineData("Amazon : www . amazon . fr")]
    public void Link_ToFrenchSpanishItalianCarriers_IsAllowed(string text) =>
        Assert.DoesNotContain(Check(text).Findings, f => f.RuleId == ContentRuleIds.Link);

    [Theory]
    [InlineData("Merci pour votre commande !")]
    [InlineData("Su pedido ha sido enviado.")]
    [InlineData("La ringraziamo per la fiducia.")]
    [InlineData("Herzlichen Dank für Ihren Kauf!")]
    public void UnnecessaryMessage_FrenchSpanishItalian_Warns(string text) =>
        Assert.Contains(Check(text).Findings, f => f.RuleId == ContentRuleIds.UnnecessaryMessage && f.Severity == ContentSeverity.Warn);

    /// <summary>
    /// Replies that share words with the rules but break none: thanks for feedback already given, "merci de" (please),
    /// "prendre bonne note" (to take note), a code the buyer used at checkout, a claim that Amazon handles, a past action
    /// of the seller.
    /// </summary>
    [Theory]
    [InlineData("Merci pour votre avis positif ! La pièce manquante part aujourd'hui.", "FR")]
    [InlineData("Merci de nous envoyer une photo du carton abîmé.", "FR")]
    [InlineData("Nous prenons bonne note de votre demande et vous envoyons un nouveau couvercle.", "FR")]
    [InlineData("Le code promo que vous avez utilisé lors de la commande a bien été appliqué.", "FR")]
    [InlineData("Nous avons clôturé votre réclamation après le remboursement de la commande.", "FR")]
    [InlineData("Gracias por su valoración positiva. El repuesto sale hoy mismo.", "ES")]
    [InlineData("El código de descuento que usó al pagar ya está aplicado en el precio.", "ES")]
    [InlineData("Si su reclamación de la A a la Z sigue abierta, Amazon le contactará; el reembolso ya está hecho.", "ES")]
    [InlineData("Grazie per la sua recensione positiva! Il pezzo mancante parte oggi.", "IT")]
    [InlineData("Il codice sconto che ha usato al pagamento è già stato applicato.", "IT")]
    [InlineData("Abbiamo modificato l'indirizzo di consegna come richiesto, il pacco parte domani.", "IT")]
    [InlineData("Thanks for updating your review. We have sent the missing cable today.", "US")]
    [InlineData("Amazon vous demandera peut-être de donner votre avis ; ce message vient d'Amazon, pas de nous.", "FR")]
    [InlineData("Amazon potrebbe chiederle di valutare il prodotto; quel messaggio è di Amazon, non nostro.", "IT")]
    [InlineData("The coupon code you used at checkout was applied to the price.", "US")]
    [InlineData("We hebben € 19,99 teruggestort op uw rekening op 04-11-2026.", "NL")]
    [InlineData("Het pakket komt met DHL: https://www.dhlparcel.nl/nl/consument/volg-je-pakket?tc=JVGL0123456789", "NL")]
    [InlineData("Punt 3 van de handleiding legt uit hoe u het filter vervangt.", "NL")]
    [InlineData("Dziękujemy za opinię, poprawiliśmy już opis wymiarów.", "PL")]
    [InlineData("Numer przesyłki to 520000012345678901234, można ją śledzić na https://inpost.pl/sledzenie-przesylek", "PL")]
    [InlineData("Tack för ditt omdöme, vi har uppdaterat produktbeskrivningen.", "SE")]
    [InlineData("Thanks for your review, we have updated the product description.", "US")]
    [InlineData("Yorumunuz için teşekkür ederiz, ürün açıklamasını güncelledik.", "TR")]
    [InlineData("Ödemede kullandığınız indirim kodu zaten uygulandı.", "TR")]
    public void RealisticLegitimateReplies_InTheMarketplacesLanguage_AreNotFlagged(string text, string marketplace)
    {
        var result = Check(text, marketplace);
        Assert.True(result.Findings.Count == 0, string.Join(" | ", result.Findings.Select(f => $"{f.RuleId}:{f.Text}")));
    }

    [Fact]
    public void Language_OtherThanTheMarketplace_Warns()
    {
        var result = Check("We are very sorry that the parcel is late. We will send a replacement today and you will have it by Friday.", "JP");
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ContentRuleIds.Language, ContentSeverity.Warn), (finding.RuleId, finding.Severity));
        Assert.Contains("'ja'", finding.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RepliesInTheirMarketplacesLanguage => new()
    {
        { "NL", "Beste mevrouw De Vries, het spijt ons dat de waterkoker met een deuk in het deksel is aangekomen. We hebben vandaag een nieuwe verstuurd, die er vrijdag zou moeten zijn. U hoeft de beschadigde niet terug te sturen." },
        { "PL", "Dzień dobry, przepraszamy, że czajnik dotarł z wgniecioną pokrywką. Dzisiaj wysłaliśmy nowy, powinien dotrzeć w piątek. Nie musi Pani odsyłać uszkodzonego." },
        { "SE", "Hej Anna, vi är ledsna att vattenkokaren kom med ett bucklat lock. Vi har skickat en ny i dag och den bör vara framme på fredag. Du behöver inte skicka tillbaka den skadade." },
        { "TR", "Merhaba Ayşe Hanım, su ısıtıcısının kapağı ezik geldiği için çok üzgünüz. Bugün yenisini gönderdik, cuma günü elinizde olması gerekiyor. Hasarlı ürünü geri göndermenize gerek yok." },
    };

    /// <summary>The marketplace's language reaches the check through its country code; both detectors must know it, or every reply there would warn.</summary>
    [Theory]
    [MemberData(nameof(RepliesInTheirMarketplacesLanguage))]
    public void Language_ReplyInTheMarketplacesLanguage_DoesNotWarnWithEitherDetector(string marketplace, string text)
    {
        var request = new ContentCheckRequest { Text = text, Marketplace = marketplace };
        Assert.Empty(AmazonContentChecker.Default.Check(request).Findings);
        Assert.Empty(new AmazonContentChecker(languageDetector: NgramLanguageDetector.Default).Check(request).Findings);
    }

    [Fact]
    public void Language_GermanReplyOnTheDutchMarketplace_Warns()
    {
        var finding = Assert.Single(Check("Es tut uns leid, dass der Wasserkocher beschädigt angekommen ist. Wir haben Ihnen heute einen neuen geschickt.", "NL").Findings);
        Assert.Equal(ContentRuleIds.Language, finding.RuleId);
        Assert.Contains("'nl'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SV: Fråga om min beställning")]
    [InlineData("Odp: Pytanie o zamówienie")]
    [InlineData("Antw: Vraag over mijn bestelling")]
    [InlineData("YNT: Siparişim hakkında")]
    public void CheckForChannel_ReplySubjectInTheBuyersLanguage_IsNotChecked(string subject)
    {
        var channel = new Channel { Id = new("store-a-amazon-se"), StoreId = new("store-a"), Kind = ChannelKind.Amazon, Name = "Amazon", CountryCode = "SE" };

        // The buyer's subject may say anything (here a word that reads as a link in a seller's text); the reply only repeats it.
        var result = AmazonContentChecker.Default.CheckForChannel(channel, OutboundTextKind.Reply, "Hej, paketet skickades i dag.", subject + " www.example.com");
        Assert.DoesNotContain(result.Findings, f => f.Part == ContentPart.Subject);
    }

    [Fact]
    public void Length_OverTheLimit_BlocksFromTheLimit()
    {
        var text = new string('a', 1990) + " " + new string('b', 20);
        var finding = Single(text, ContentRuleIds.Length);
        Assert.Equal((2000, 11), (finding.Start, finding.Length));
        Assert.DoesNotContain(Check(new string('a', 2000)).Findings, f => f.RuleId == ContentRuleIds.Length);
    }

    [Fact]
    public void Subject_IsCheckedToo_AndMustBeOneLine()
    {
        var result = Check("Hello", subject: "Coupon code inside\nsecond line");
        Assert.Contains(result.Findings, f => f.Part == ContentPart.Subject && f.RuleId == ContentRuleIds.Marketing && f.Start == 0);
        Assert.Contains(result.Findings, f => f.Part == ContentPart.Subject && f.RuleId == ContentRuleIds.Length && f.Start == 18);
    }

    [Fact]
    public void Attachments_TypeSizeAndCount()
    {
        var ok = new MessageAttachment { FileName = "photo.jpg", ContentType = "image/jpeg", Content = new byte[10] };
        var exe = new MessageAttachment { FileName = "setup.exe", ContentType = "application/x-msdownload", Content = new byte[10] };
        var big = new MessageAttachment { FileName = "manual.pdf", ContentType = "application/pdf", Content = new byte[(10 * 1024 * 1024) + 1] };

        var result = AmazonContentChecker.Default.Check(new ContentCheckRequest { Text = "Here are the files.", Attachments = [ok, exe, big, ok, ok, ok] });

        var type = Assert.Single(result.Findings, f => f.RuleId == ContentRuleIds.AttachmentType);
        Assert.Equal((ContentPart.Attachment, 1, "setup.exe"), (type.Part, type.Start, type.Text));
        Assert.Equal(2, result.Findings.Count(f => f.RuleId == ContentRuleIds.AttachmentSize));
        Assert.True(result.IsBlocked);
        Assert.Empty(AmazonContentChecker.Default.Check(new ContentCheckRequest { Text = "Photo attached.", Attachments = [ok with { ContentType = "IMAGE/PNG; name=x.png" }] }).Findings);
    }

    [Fact]
    public void Html_RichMarkupAndTrackingPixel_Warn()
    {
        var result = AmazonContentChecker.Default.Check(new ContentCheckRequest
        {
            Text = "See below.",
            Html = "<p>See <b>below</b>.</p><img src=\"cid:logo\"><img width=\"1\" height=\"1\" src=\"x\"><p>ok</p>",
        });
        var html = result.Findings.Where(f => f.RuleId == ContentRuleIds.Html).ToList();
        Assert.Equal(2, html.Count);
        Assert.All(html, f => Assert.Equal((ContentSeverity.Warn, ContentPart.Html), (f.Severity, f.Part)));
        Assert.Contains("Tracking pixels", html[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfBlocked_ThrowsWithEveryBlock_ReturnsWarnings()
    {
        var blocked = Check("Mail me at a@b.example or call +1 206 555 0100. This is an automated reply.");
        var ex = Assert.Throws<ContentBlockedException>(() => blocked.ThrowIfBlocked());
        Assert.Equal([ContentRuleIds.EmailAddress, ContentRuleIds.PhoneNumber], ex.Blocks.Select(b => b.RuleId));
        Assert.Single(ex.Warnings);
        Assert.Contains("[email-address]", ex.Message, StringComparison.Ordinal);

        var warned = Check("This is an automated reply. We will answer soon.");
        Assert.Single(warned.ThrowIfBlocked());
    }

    [Fact]
    public void Options_DisableOverrideAndExtend()
    {
        var options = new ContentCheckOptions();
        options.DisabledRules.Add(ContentRuleIds.PhoneNumber);
        options.SeverityOverrides[ContentRuleIds.AutomatedWording] = ContentSeverity.Block;
        options.PhraseRules.Add(new ContentPhraseRule
        {
            Id = "competitor", Severity = ContentSeverity.Block, Patterns = ["\\bacme\\b"], Message = "No competitor names.", MessageJa = "競合の名前は使えません。",
        });
        options.AllowedLinkDomains.Add("help.northwind.example");
        options.CustomRules.Add(new ShoutingRule());
        var checker = new AmazonContentChecker(Options.Create(options));

        var result = checker.Check(new ContentCheckRequest { Text = "Call +1 206 555 0100. ACME is worse. This is an automated reply. See https://help.northwind.example/manual OK" });

        Assert.DoesNotContain(result.Findings, f => f.RuleId == ContentRuleIds.PhoneNumber);
        Assert.Contains(result.Findings, f => f.RuleId == ContentRuleIds.AutomatedWording && f.Severity == ContentSeverity.Block);
        Assert.Contains(result.Findings, f => f.RuleId == "competitor" && f.Text == "ACME");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == ContentRuleIds.Link);
        Assert.Contains(result.Findings, f => f.RuleId == "shouting");
    }

    [Fact]
    public void Constructor_InvalidPhraseRule_ListsEveryProblem()
    {
        var options = new ContentCheckOptions();
        options.PhraseRules.Add(new ContentPhraseRule { Id = "bad", Severity = ContentSeverity.Warn, Patterns = ["(x"], Message = "m", MessageJa = "m" });
        options.PhraseRules.Add(new ContentPhraseRule { Id = " ", Severity = ContentSeverity.Warn, Patterns = ["x"], Message = "m", MessageJa = "m" });
        var ex = Assert.Throws<DefinitionValidationException>(() => new AmazonContentChecker(Options.Create(options)));
        var n = AmazonContentRules.DefaultPhraseRules.Count;
        Assert.Equal([$"PhraseRules[{n}].Patterns[0]", $"PhraseRules[{n + 1}].Id"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Check_Null_Throws() => Assert.Throws<ArgumentNullException>("request", () => AmazonContentChecker.Default.Check(null!));

    private sealed class ShoutingRule : IContentRule
    {
        public string Id => "shouting";

        public IEnumerable<ContentFinding> Check(ContentCheckRequest request)
        {
            var at = request.Text.IndexOf("OK", StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return new ContentFinding(Id, ContentSeverity.Warn, ContentPart.Body, at, 2, "OK", "Shouting.", "大文字です。");
            }
        }
    }
}
