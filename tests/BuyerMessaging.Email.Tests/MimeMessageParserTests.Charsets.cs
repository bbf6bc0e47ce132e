namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    public static TheoryData<string, string, string> Charsets => new()
    {
        { "ISO-2022-JP", "7bit", "ご注文の商品がまだ届きません。確認をお願いします。" },
        { "Shift_JIS", "8bit", "お届け先の住所を変更したいです。よろしくお願いします。" },
        { "EUC-JP", "8bit", "商品が破損していました。交換は可能でしょうか。" },
        { "UTF-8", "8bit", "Grüße, ¿dónde está? 日本語と Ελληνικά ✓" },
        { "ISO-8859-1", "8bit", "Grüße aus Köln, où est ma commande ? ¿Dónde está?" },
        { "ISO-8859-2", "8bit", "Zamówienie nie dotarło. Proszę o pomoc, Łódź." },
        { "ISO-8859-15", "8bit", "Le prix est de 20 € pour l'œuvre." },
        { "windows-1250", "8bit", "Příliš žluťoučký kůň úpěl ďábelské ódy." },
        { "windows-1251", "8bit", "Где мой заказ? Спасибо." },
        { "windows-1252", "8bit", "Smart “quotes” – 50 € déjà payé." },
        { "ISO-8859-1", "quoted-printable", "Grüße aus Köln, où est ma commande ?" },
        { "Shift_JIS", "base64", "返品の手続きを教えてください。" },
    };

    [Theory]
    [MemberData(nameof(Charsets))]
    public void Parse_BodyAndSubjectInCharset_AreDecoded(string charset, string transferEncoding, string text)
    {
        var body = EncodeBody(text, charset, transferEncoding);
        var headers = $"""
            From: customer@customer.example
            To: support@seller.example.com
            Subject: {TestFiles.EncodedWord(text, charset)}
            MIME-Version: 1.0
            Content-Type: text/plain; charset="{charset}"
            Content-Transfer-Encoding: {transferEncoding}
            """;
        var raw = transferEncoding is "7bit" or "8bit"
            ? TestFiles.WithBody(headers, body, charset)
            : TestFiles.Ascii(headers + "\n\n" + body);

        var result = _parser.Parse(raw);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(text, result.Message!.Subject);
        Assert.Equal(text, result.Message.Text);
    }

    [Theory]
    [InlineData("Shift_JIS")]
    [InlineData("EUC-JP")]
    [InlineData("ISO-2022-JP")]
    [InlineData("windows-1252")]
    public void Parse_HtmlBodyInCharset_IsDecodedToText(string charset)
    {
        const string Text = "ご注文ありがとうございます & 50 円";
        var fits = charset != "windows-1252";
        var expected = fits ? Text : "Thank you & 50 €";
        var html = $"<html><body><p>{System.Net.WebUtility.HtmlEncode(expected)}</p></body></html>";
        var headers = $"""
            From: customer@customer.example
            Subject: html
            MIME-Version: 1.0
            Content-Type: text/html; charset={charset}
            Content-Transfer-Encoding: 8bit
            """;

        var message = _parser.Parse(TestFiles.WithBody(headers, html, charset)).Message!;

        Assert.Equal(expected, message.Text);
        Assert.Equal(html, message.Html!.TrimEnd());
    }

    private static string EncodeBody(string text, string charset, string transferEncoding)
    {
        var bytes = System.Text.Encoding.GetEncoding(charset).GetBytes(text);
        return transferEncoding switch
        {
            "base64" => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks),
            "quoted-printable" => QuotedPrintable(bytes),
            _ => text,
        };
    }

    private static string QuotedPrintable(byte[] bytes)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var b in bytes)
        {
            builder.Append(b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}");
        }

        return builder.ToString();
    }
}
