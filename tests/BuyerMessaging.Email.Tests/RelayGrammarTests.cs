using BuyerMessaging.Internal;

namespace BuyerMessaging.Email.Tests;

public sealed class RelayGrammarTests
{
    private readonly RelayGrammar _grammar = RelayGrammar.Create(new MimeParsingOptions(), "options");

    [Theory]
    [InlineData("Jane Doe - Amazon Marketplace", "Jane Doe")]
    [InlineData("Jane Doe – Amazon Marketplace", "Jane Doe")]
    [InlineData("\"Jane Doe - Marketplace Amazon\"", "Jane Doe")]
    [InlineData("Claire Exemple - Marketplace d'Amazon.fr", "Claire Exemple")]
    [InlineData("佐藤 美咲 - Amazon Marketplace", "佐藤 美咲")]
    [InlineData("Jane Doe", "Jane Doe")]
    [InlineData("Amazon Buyer", null)]
    [InlineData("Cliente Amazon", null)]
    [InlineData("Amazon Marketplace", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void CleanBuyerName_DisplayName_StripsAmazonSuffix(string? displayName, string? expected) =>
        Assert.Equal(expected, _grammar.CleanBuyerName(displayName));

    [Theory]
    [InlineData("Inquiry from Amazon customer Jane Doe (Order: 111-2345678-1234567)", "Jane Doe")]
    [InlineData("RE: Product details inquiry from Amazon customer Marcus Example", "Marcus Example")]
    [InlineData("Frage von Amazon-Kunde Max Mustermann (Bestellung: 302-3333333-3333333)", "Max Mustermann")]
    [InlineData("Demande de renseignements de la part du client Amazon Claire Exemple", "Claire Exemple")]
    [InlineData("Amazon.co.jp のお客様 佐藤 美咲 様からの配送に関するお問い合わせ (注文番号: 250-3384712-9021563)", "佐藤 美咲")]
    [InlineData("Your order has shipped", null)]
    public void BuyerNameFromSubject_Subject_FindsTheName(string subject, string? expected) =>
        Assert.Equal(expected, _grammar.BuyerNameFromSubject(subject));

    [Theory]
    [InlineData("------------- Begin message -------------", "Begin")]
    [InlineData("  -------------Begin   message-------------  ", "Begin")]
    [InlineData("-------------- Begin message / Début du message -------------", "Begin")]
    [InlineData("------------- Message: -------------", "Begin")]
    [InlineData("------------- DÃ©but du message -------------", "Begin")]
    [InlineData("------------- END MESSAGE -------------", "End")]
    [InlineData("------------- Finalizar mensaje -------------", "End")]
    [InlineData("------------- メッセージはここまで -------------", "End")]
    [InlineData("Begin message", "None")]
    [InlineData("> ------------- Begin message -------------", "None")]
    [InlineData("------------- Something else -------------", "None")]
    public void GetMarker_Line_RecognisesMarkersOfEveryLanguage(string line, string expected) =>
        Assert.Equal(expected, _grammar.GetMarker(line).ToString());

    [Theory]
    [InlineData("On Mon, Nov 2, 2026 at 10:00 AM Support <support@seller.example.com> wrote:", null, true)]
    [InlineData("On Mon, Nov 2, 2026 at 10:00 AM Support <support@seller.example.com>", "wrote:", true)]
    [InlineData("Am 02.11.2026 um 10:00 schrieb Support <support@seller.example.com>:", null, true)]
    [InlineData("Le lun. 2 nov. 2026 à 10:00, Support - Marketplace d'Amazon.fr a écrit :", null, true)]
    [InlineData("El lun, 2 nov 2026 a las 10:00, Support escribió:", null, true)]
    [InlineData("Il giorno lun 2 nov 2026, Support - Marketplace Amazon <x@example.com> ha scritto:", null, true)]
    [InlineData("2026年11月2日(月) 10:00 Support <support@seller.example.com>:", null, true)]
    [InlineData("-----Original Message-----", null, true)]
    [InlineData("--- Original message ---", null, true)]
    [InlineData("From: Support <support@seller.example.com>", "Sent: Monday, November 2, 2026 10:00", true)]
    [InlineData("On Monday I ordered a kettle.", "It was late.", false)]
    [InlineData("From now on I will order elsewhere.", null, false)]
    public void IsQuoteHeader_Line_RecognisesReplyHeaders(string line, string? next, bool expected) =>
        Assert.Equal(expected, _grammar.IsQuoteHeader(line, next));

    [Theory]
    [InlineData("A_Z_CLAIM_RESPONDENT_NOTIFY", BuyerMessageType.AtoZClaim)]
    [InlineData("refund_issued", BuyerMessageType.Refund)]
    [InlineData("BBC_MESSAGE_SENT_TO_MERCHANT", null)]
    [InlineData(null, null)]
    public void TypeOfNotification_Value_MapsByPrefix(string? value, BuyerMessageType? expected) =>
        Assert.Equal(expected, _grammar.TypeOfNotification(value));

    [Fact]
    public void TypeOfNotification_LongestPrefix_Wins()
    {
        var options = new MimeParsingOptions();
        options.NotificationTypes["A_Z_CLAIM_RESPONDENT_CLOSE"] = BuyerMessageType.Other;
        var grammar = RelayGrammar.Create(options, "options");

        Assert.Equal(BuyerMessageType.Other, grammar.TypeOfNotification("A_Z_CLAIM_RESPONDENT_CLOSE"));
        Assert.Equal(BuyerMessageType.AtoZClaim, grammar.TypeOfNotification("A_Z_CLAIM_RESPONDENT_NOTIFY"));
    }
}
