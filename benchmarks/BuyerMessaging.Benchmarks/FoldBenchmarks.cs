using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// <see cref="TextFolding.Fold"/>, which search indexing (both stores, every subject and message), threading (the
/// subject key), rules and language detection run on buyer text, against its plain definition (ask ICU whether the text
/// is NFKC, normalise when not, then lower case) as the baseline. Buyer-shaped texts in English, German, French,
/// Japanese, Chinese and Korean, one of each per operation (<see cref="Texts"/> folds an operation).
/// </summary>
[MemoryDiagnoser]
public class FoldBenchmarks
{
    private static readonly string[] Texts =
    [
        "Hello, my order has not arrived yet. The tracking number does not work. Could you please check?",
        "Guten Tag, meine Bestellung ist leider noch nicht angekommen. Können Sie bitte die Sendungsverfolgung prüfen?",
        "Bonjour, j'ai reçu un article abîmé. Pourriez-vous m'envoyer un remplacement ou me rembourser ?",
        "先週注文した商品がまだ届きません。配達状況を確認していただけますか。よろしくお願いいたします。",
        "我上周订购的商品还没有收到，请帮我查一下物流情况，谢谢。",
        "주문한 상품이 아직 도착하지 않았습니다. 배송 상황을 확인해 주시겠어요?",
    ];

    /// <summary>The plain definition: NFKC (when ICU says the text is not already), then invariant lower case.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 6)]
    public int PlainDefinition()
    {
        var length = 0;
        foreach (var text in Texts)
        {
            var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
            length += normalized.ToLower(CultureInfo.InvariantCulture).Length;
        }

        return length;
    }

    /// <summary><see cref="TextFolding.Fold"/>.</summary>
    [Benchmark(OperationsPerInvoke = 6)]
    public int Fold()
    {
        var length = 0;
        foreach (var text in Texts)
        {
            length += TextFolding.Fold(text).Length;
        }

        return length;
    }
}
