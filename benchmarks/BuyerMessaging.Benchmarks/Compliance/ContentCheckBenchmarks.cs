using BenchmarkDotNet.Attributes;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// The Amazon content check on one typical reply (about 300 characters, no finding), as it runs before every send:
/// English (the baseline), German, Japanese, French and Turkish. Every phrase rule runs on every reply whatever its language,
/// so each language added to the rules costs every reply.
/// </summary>
[MemoryDiagnoser]
public class ContentCheckBenchmarks
{
    private readonly AmazonContentChecker _checker = AmazonContentChecker.Default;

    private readonly ContentCheckRequest _english = Reply(
        "Hello Jane, thank you for your message and sorry that the kettle arrived with a dented lid. We have sent a replacement "
        + "today with tracking number 1Z999AA10123456784 (https://www.ups.com/track?tracknum=1Z999AA10123456784); it should arrive "
        + "by Friday. There is no need to return the damaged one. Best regards, the Northwind team");

    private readonly ContentCheckRequest _german = Reply(
        "Hallo Frau Müller, vielen Dank für Ihre Nachricht, und es tut uns leid, dass der Wasserkocher mit verbeultem Deckel "
        + "angekommen ist. Wir haben Ihnen heute Ersatz geschickt, Sendungsnummer 00340434161234567890; er sollte bis Freitag da "
        + "sein. Den beschädigten Artikel müssen Sie nicht zurückschicken. Viele Grüße, Ihr Northwind-Team");

    private readonly ContentCheckRequest _japanese = Reply(
        "山田様、お問い合わせいただきありがとうございます。ケトルの蓋にへこみがあったとのこと、大変申し訳ございません。"
        + "本日、交換品を発送いたしました。追跡番号は 1234-5678-9012 で、金曜日までに到着する予定です。"
        + "破損した商品のご返送は不要です。今後ともよろしくお願いいたします。");

    private readonly ContentCheckRequest _french = Reply(
        "Bonjour Madame Martin, merci pour votre message et désolés que la bouilloire soit arrivée avec un couvercle cabossé. "
        + "Nous vous avons envoyé un produit de remplacement aujourd'hui, numéro de suivi 6A12345678901 ; il devrait arriver "
        + "vendredi. Inutile de nous renvoyer l'article abîmé. Cordialement, l'équipe Northwind");

    private readonly ContentCheckRequest _turkish = Reply(
        "Merhaba Ayşe Hanım, mesajınız için teşekkürler; su ısıtıcısının kapağının ezik gelmesine çok üzüldük. Bugün yenisini "
        + "gönderdik, kargo takip numarası 123456789012 (https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=123456789012); "
        + "cuma gününe kadar elinizde olur. Hasarlı ürünü geri göndermenize gerek yok. Saygılarımızla, Northwind ekibi");

    [Benchmark(Baseline = true)]
    public ContentCheckResult English() => _checker.Check(_english);

    [Benchmark]
    public ContentCheckResult German() => _checker.Check(_german);

    [Benchmark]
    public ContentCheckResult Japanese() => _checker.Check(_japanese);

    [Benchmark]
    public ContentCheckResult French() => _checker.Check(_french);

    [Benchmark]
    public ContentCheckResult Turkish() => _checker.Check(_turkish);

    private static ContentCheckRequest Reply(string text) => new() { Text = text };
}
