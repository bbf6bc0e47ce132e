using System.Text;

namespace BuyerMessaging.Email.Tests;

/// <summary>Charset labels .NET does not know, order ids in other digits, byte-order marks, and Amazon's copies of the seller's replies.</summary>
public sealed partial class MimeMessageParserTests
{
    [Theory]
    [InlineData("Windows-31J", 932)]
    [InlineData("MS932", 932)]
    [InlineData("x-sjis", 932)]
    [InlineData("eucJP", 51932)]
    [InlineData("eucJP-win", 51932)]
    [InlineData("ISO-2022-JP-2", 50220)]
    public void Parse_JapaneseCharsetUnderAnotherName_IsDecoded(string label, int codepage)
    {
        const string Text = "髙島屋で買った①の湯呑みが割れていました。交換をお願いします。";
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codepage)!;
        var head = Encoding.ASCII.GetBytes(TestFiles.Crlf($"""
            From: =?{label}?B?{Convert.ToBase64String(encoding.GetBytes("髙橋 一"))}?= <takahashi@customer.example>
            To: support@seller.example.com
            Subject: =?{label}?B?{Convert.ToBase64String(encoding.GetBytes("交換のお願い"))}?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset={label}
            Content-Transfer-Encoding: {(codepage == 50220 ? "7bit" : "8bit")}


            """));

        byte[] raw = [.. head, .. encoding.GetBytes(TestFiles.Crlf(Text))];
        var result = _parser.Parse(raw);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Text, result.Message!.Text);
        Assert.Equal("交換のお願い", result.Message.Subject);
        Assert.Equal("髙橋 一", result.Message.From.Name);
        Assert.Equal("ja", result.Message.Language);
    }

    [Theory]
    [InlineData("注文番号５０３－１２３４５６７－７６５４３２１の商品が届きません。")]
    [InlineData("注文番号 503−1234567−7654321 の商品が届きません。")]
    [InlineData("Order ٥٠٣-١٢٣٤٥٦٧-٧٦٥٤٣٢١ has not arrived.")]
    [InlineData("My order 503–1234567–7654321 has not arrived.")]
    public void Parse_OrderIdInOtherDigitsOrDashes_IsReadAsAscii(string body)
    {
        var raw = TestFiles.WithBody("""
            From: buyer@customer.example
            To: support@seller.example.com
            Subject: order
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit
            """, body, "utf-8");

        Assert.Equal("503-1234567-7654321", _parser.Parse(raw).Message!.OrderId);
    }

    [Fact]
    public void Parse_OrderIdInsideLongerNumber_IsNotAnOrderId()
    {
        var raw = TestFiles.WithBody("""
            From: buyer@customer.example
            Subject: tracking
            Content-Type: text/plain; charset=utf-8
            """, "Tracking 1503－1234567－76543210 only.", "utf-8");

        Assert.Null(_parser.Parse(raw).Message!.OrderId);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_DropsTheMark()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        byte[] Bom(string text) => [.. utf16.GetPreamble(), .. utf16.GetBytes(text)];
        var head = Encoding.ASCII.GetBytes(TestFiles.Crlf($"""
            From: =?UTF-16?B?{Convert.ToBase64String(Bom("Anna Weiß"))}?= <anna@customer.example>
            To: support@seller.example.com
            Subject: =?UTF-16?B?{Convert.ToBase64String(Bom("Rückgabe"))}?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-16
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(Bom("Ich möchte den Artikel zurückgeben."))}
            """));

        var message = _parser.Parse(head).Message!;

        Assert.Equal("Rückgabe", message.Subject);
        Assert.Equal("Anna Weiß", message.From.Name);
        Assert.Equal("Ich möchte den Artikel zurückgeben.", message.Text);
    }

    [Fact]
    public void Parse_AmazonCopyOfSellerReply_IsAnOutboundReplyWithTheSellersWords()
    {
        var raw = TestFiles.Ascii("""
            From: "Jane Doe - Amazon Marketplace" <qrstuvw1234567@marketplace.amazon.com>
            To: seller@shop.example
            Subject: Your e-mail to Jane Doe (Order: 114-1234567-7654321)
            Message-ID: <copy-1@marketplace.amazon.com>
            Content-Type: text/plain; charset=us-ascii

            Here is a copy of the email that you sent to Jane Doe.

            Order ID 114-1234567-7654321:
            1 of Blue Mug [ASIN: B000000001]

            ------------- Begin message -------------

            Hello Jane, a new mug is on its way.

            ------------- End message -------------
            """);

        var message = _parser.Parse(raw).Message!;

        Assert.Equal(MessageDirection.OutboundReply, message.Direction);
        Assert.Equal("Jane Doe", message.BuyerName);
        Assert.Equal("Hello Jane, a new mug is on its way.", message.Text);
        Assert.Equal("114-1234567-7654321", message.OrderId);
        Assert.Equal(BuyerMessageType.Other, message.MessageType);
    }

    [Fact]
    public void Parse_CopyNotificationTypeWithoutTheLine_IsAnOutboundReply()
    {
        var raw = TestFiles.Ascii("""
            From: qrstuvw1234567@marketplace.amazon.de
            To: seller@shop.example
            Subject: Ihre E-Mail an Max Muster
            X-Space-Notification-Type: BBC_MESSAGE_CONFIRMATION_TO_MERCHANT
            Content-Type: text/plain; charset=us-ascii

            ------------- Anfang der Nachricht -------------
            Die Rueckerstattung ist veranlasst.
            ------------- Ende der Nachricht -------------
            """);

        var message = _parser.Parse(raw).Message!;

        Assert.Equal(MessageDirection.OutboundReply, message.Direction);
        Assert.Equal("Die Rueckerstattung ist veranlasst.", message.Text);
    }

    [Fact]
    public void Parse_BuyerMessageQuotingACopyLineLater_IsInbound()
    {
        var raw = TestFiles.Ascii("""
            From: qrstuvw1234567@marketplace.amazon.com
            To: seller@shop.example
            Subject: Inquiry from Amazon customer Jane Doe
            Content-Type: text/plain; charset=us-ascii

            ------------- Begin message -------------
            You wrote: here is a copy of the email that you sent to me. Where is the mug?
            ------------- End message -------------
            """);

        Assert.Equal(MessageDirection.Inbound, _parser.Parse(raw).Message!.Direction);
    }
}
