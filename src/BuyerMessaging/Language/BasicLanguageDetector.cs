using System.Collections.Frozen;

namespace BuyerMessaging;

/// <summary>
/// A small offline language detector: the writing system first (kana means Japanese, Han without kana Chinese,
/// Hangul Korean), then, for Latin script, the share of each language's most frequent function words.
/// </summary>
/// <remarks>Thread-safe and allocation-light. Short or mixed text gives <see cref="LanguageDetection.Unknown"/>.</remarks>
public sealed class BasicLanguageDetector : ILanguageDetector
{
    private const int MinLetters = 6;

    private static readonly (string Language, FrozenSet<string> Words)[] StopWords =
    [
        ("en", Set("the and you for with this that have not are was your order item please thank thanks would could can will when where what my it is of to a i received")),
        ("de", Set("der die das und ist nicht ich sie mit ein eine bitte danke den dem des wir für auf noch habe meine mein wurde leider bestellung ware artikel es zu")),
        ("fr", Set("le la les et est pas je vous avec un une des du pour sur mon ma mes merci commande bonjour ai que qui au ne")),
        ("es", Set("el la los las y es no yo usted con un una de del por para mi mis gracias pedido hola que en se lo he")),
        ("it", Set("il lo la gli le e non io con un una di del per mio mia grazie ordine ciao che ho sono è")),
        ("nl", Set("de het een en is niet ik je u met van voor mijn bestelling bedankt dank hallo ik heb dat")),
        ("pt", Set("o a os as e não eu você com um uma de do da para meu minha obrigado pedido olá que")),
        ("sv", Set("och är inte jag du med en ett för min mitt tack beställning hej att det")),
        ("pl", Set("i nie jest ja z na do się że to moje zamówienie dziękuję dzień dobry proszę")),
        ("tr", Set("ve bir bu için ile çok ama değil ben siz size sizin ürün sipariş siparişiniz teşekkür teşekkürler merhaba lütfen olarak")),
    ];

    /// <summary>Gets a shared instance.</summary>
    public static BasicLanguageDetector Instance { get; } = new();

    /// <inheritdoc />
    public LanguageDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int kana = 0, han = 0, hangul = 0, cyrillic = 0, arabic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF' or >= '\uFF66' and <= '\uFF9F')
            {
                kana++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                han++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (char.IsLetter(c) && c < '\u0250')
            {
                latin++;
            }
        }

        var cjk = kana + han;
        var letters = cjk + hangul + cyrillic + arabic + latin;
        if (letters == 0 || (letters < MinLetters && cjk < 2))
        {
            return LanguageDetection.Unknown;
        }

        if (cjk >= latin && cjk >= hangul)
        {
            // Kana is decisive: Chinese text does not use it; Japanese text nearly always does.
            return kana > 0 && kana * 20 >= cjk
                ? new("ja", Share(cjk, letters))
                : new("zh", Share(han, letters));
        }

        if (hangul > latin)
        {
            return new("ko", Share(hangul, letters));
        }

        if (cyrillic > latin)
        {
            return new("ru", Share(cyrillic, letters));
        }

        if (arabic > latin)
        {
            return new("ar", Share(arabic, letters));
        }

        return DetectLatin(text);
    }

    private static LanguageDetection DetectLatin(string text)
    {
        Span<int> hits = stackalloc int[StopWords.Length];
        var words = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (var range in text.AsSpan().Split(' '))
        {
            var token = text.AsSpan()[range].Trim(".,!?;:()\"'«»„“”‘’¿¡-\r\n\t");
            if (token.IsEmpty)
            {
                continue;
            }

            words++;
            if (token.Length > buffer.Length)
            {
                continue;
            }

            var lower = buffer[..token.Length];
            token.ToLowerInvariant(lower);
            for (var i = 0; i < StopWords.Length; i++)
            {
                if (StopWords[i].Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
                {
                    hits[i]++;
                }
            }
        }

        int best = -1, bestHits = 0, secondHits = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] > bestHits)
            {
                secondHits = bestHits;
                bestHits = hits[i];
                best = i;
            }
            else if (hits[i] > secondHits)
            {
                secondHits = hits[i];
            }
        }

        if (best < 0 || bestHits < 2 || bestHits == secondHits)
        {
            return LanguageDetection.Unknown;
        }

        var margin = (double)(bestHits - secondHits) / bestHits;
        var coverage = Math.Min(1.0, bestHits * 3.0 / Math.Max(words, 1));
        return new(StopWords[best].Language, Math.Round(Math.Clamp(0.5 + (0.5 * margin * coverage), 0, 1), 2));
    }

    private static double Share(int part, int whole) => Math.Round(Math.Clamp((double)part / whole, 0, 1), 2);

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
