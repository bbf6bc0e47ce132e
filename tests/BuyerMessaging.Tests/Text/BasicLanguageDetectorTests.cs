namespace BuyerMessaging.Tests;

public sealed class BasicLanguageDetectorTests
{
    [Theory]
    [InlineData("商品がまだ届きません。配達状況を教えてください。", "ja")]
    [InlineData("我的包裹还没有到，请告诉我物流情况。", "zh")]
    [InlineData("Hello, my order has not arrived yet. Could you please check the tracking?", "en")]
    [InlineData("Hallo, meine Bestellung ist leider noch nicht angekommen. Bitte prüfen Sie die Sendung.", "de")]
    [InlineData("Bonjour, ma commande n'est pas encore arrivée. Pouvez-vous vérifier le suivi pour moi ?", "fr")]
    [InlineData("Hola, mi pedido no ha llegado todavía. ¿Pueden revisar el envío por favor?", "es")]
    [InlineData("Ciao, il mio ordine non è ancora arrivato. Potete controllare la spedizione per favore?", "it")]
    public void Detect_CommonBuyerMessages(string text, string expected) =>
        Assert.Equal(expected, BasicLanguageDetector.Instance.Detect(text).Language);

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("12345 !!!")]
    public void Detect_TooShort_IsUnknown(string text) =>
        Assert.False(BasicLanguageDetector.Instance.Detect(text).IsKnown);
}
