using System.Globalization;
using System.Text;

namespace BuyerMessaging.Tests.Differential;

/// <summary>The words of the random scenarios: buyer texts in English, German, Japanese and Chinese, and how a user types a search.</summary>
internal static class ScenarioText
{
    public static readonly (string Language, string Subject, string Text)[] Inquiries =
    [
        ("en", "Where is my parcel?", "Where is my parcel? It has not arrived yet."),
        ("en", "Damaged blender", "The blender arrived damaged, the lid is cracked.\nCan you send a new one?"),
        ("en", "Return request", "Can I return the shoes? They are too small. Size 42 would be OK."),
        ("en", "Wrong colour", "I ordered the BLUE case but received a red one."),
        ("en", "Question about my blender", "How do I clean the blade? The manual (p. 12) is unclear."),
        ("de", "Wo bleibt mein Paket?", "Wo bleibt mein Paket? Es ist noch nicht angekommen."),
        ("de", "Beschädigte Ware", "Der Mixer ist beschädigt angekommen. Größe und Farbe stimmen, aber der Deckel ist kaputt."),
        ("de", "Rücksendung", "Ich möchte die Schuhe zurückgeben, sie sind zu groß. Straße und Hausnummer sind unverändert."),
        ("ja", "商品が届きません", "商品がまだ届いていません。配達状況を教えてください。"),
        ("ja", "破損について", "届いた商品が破損していました。交換をお願いします。"),
        ("ja", "返品希望", "サイズが合わないので返品したいです。ＡＢＣ－１２３の型番です。"),
        ("ja", "使い方", "ｶﾞｲﾄﾞの使い方が分かりません。𠮷田と申します🙂"),
        ("ja", "注文のキャンセル", "注文をキャンセルしたいです。\nよろしくお願いします。"),
        ("zh", "包裹还没有收到", "我的包裹还没有收到，请帮我查一下。"),
        ("zh", "商品破损", "收到的商品有破损，我要退货。"),
        ("zh", "使用方法", "这个产品怎么使用？说明书是日文的。"),
    ];

    public static readonly string[] Notes =
    [
        "Called the carrier, parcel is in Leipzig.", "Kunde ruft morgen an.", "配送業者に確認済み", "已联系快递公司", "Refund approved by Anna",
        "返金済み（ＡＢＣ）",
    ];

    public static readonly string[] Replies =
    [
        "Thank you for your message. Your parcel is on its way.", "Vielen Dank für Ihre Nachricht. Wir senden Ersatz.",
        "お問い合わせありがとうございます。代替品を発送いたします。", "感谢您的留言，我们会尽快处理。",
    ];

    public static readonly string[] FolderNames =
    [
        "VIP", "vip", "Returns", "返品", "要確認", "Rückfragen", "ＶＩＰ", "Escalated 2", "退货", "  Spaced  ",
    ];

    public static readonly string[] Tags = ["urgent", "URGENT", "返品", "vip", "Größe"];

    /// <summary>Words a user may search for, some in no text at all.</summary>
    public static readonly string[] Vocabulary =
    [
        "parcel", "PARCEL", "Paket", "paket", "ok", "OK", "12", "p.", "42", "blue", "ガイド", "ｶﾞｲﾄﾞ", "配達", "配", "届", "返品", "破損", "包裹", "退货",
        "商品", "ABC", "abc-123", "ａｂｃ", "größe", "GRÖSSE", "strasse", "straße", "𠮷", "𠮷田", "🙂", "xyz", "返金", "new one", "Re:",
    ];

    /// <summary>Takes a substring of <paramref name="text"/> of 1 to a few runes, never splitting a surrogate pair.</summary>
    public static string Substring(Random random, string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return "x";
        }

        var roll = random.NextDouble();
        var length = roll < 0.2 ? 1 : roll < 0.45 ? 2 : random.Next(3, 9);
        length = Math.Min(length, runes.Length);
        var start = random.Next(0, runes.Length - length + 1);
        var sb = new StringBuilder();
        foreach (var rune in runes.AsSpan(start, length))
        {
            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    /// <summary>Changes text the way people type it: upper case, mixed case, full-width, padded with spaces.</summary>
    public static string Retype(Random random, string text)
    {
        var roll = random.NextDouble();
        text = roll switch
        {
            < 0.25 => text.ToUpperInvariant(),
            < 0.40 => FullWidth(text),
            < 0.55 => MixedCase(random, text),
            _ => text,
        };
        return random.NextDouble() switch
        {
            < 0.10 => "  " + text + " ",
            < 0.15 => "\u3000" + text,
            _ => text,
        };
    }

    public static string FullWidth(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '!' and <= '~' => (char)(c + 0xFEE0),
                ' ' => '\u3000',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static string MixedCase(Random random, string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string Digits(Random random, int count)
    {
        var sb = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }

        return sb.ToString();
    }

    public static string Alias(Random random)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder(15);
        for (var i = 0; i < 15; i++)
        {
            sb.Append(Letters[random.Next(Letters.Length)]);
        }

        return sb.ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
