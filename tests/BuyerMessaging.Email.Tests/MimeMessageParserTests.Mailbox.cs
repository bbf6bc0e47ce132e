namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    [Fact]
    public void Parse_HtmlOnlyMail_ConvertsHtmlToTextAndKeepsHtml()
    {
        var message = ParseFile("mailbox-html-only.eml");

        Assert.Equal(ChannelKind.Mailbox, message.ChannelKind);
        Assert.Null(message.Marketplace);
        Assert.Equal("Aaron Example", message.BuyerName);
        Assert.Equal(
            "Hello team,\n\nThe lamp's brightness resets every time & I don\u2019t know why.\n\nModel: LX-1\nBought: October\nOrder NW-1\n\nThanks,\nAaron",
            message.Text);
        Assert.StartsWith("<!DOCTYPE html>", message.Html, StringComparison.Ordinal);
        Assert.Equal("en", message.Language);
    }

    [Fact]
    public void Parse_TopPostedReply_RemovesQuotedMessage()
    {
        var message = ParseFile("mailbox-quoted-reply.eml");

        Assert.Equal("Thanks, I got the tracking number. It still says \"label created\" though.\n\nEmily", message.Text);
        Assert.Equal("support-0001@seller.example.com", message.InReplyTo);
        Assert.Equal(["first-0001@customer.example", "support-0001@seller.example.com"], message.References);
    }

    [Fact]
    public void Parse_BottomPostedReply_KeepsTheReplyBelowTheQuote()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: Re: sizes

            On Mon, 2 Nov 2026 at 10:00, Support <support@seller.example.com> wrote:
            > Which size do you need?

            Size M, please.
            """;

        Assert.Equal("Size M, please.", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_OutlookStyleReply_CutsAtOriginalMessageHeader()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: RE: sizes

            Size M, please.

            -----Original Message-----
            From: Support <support@seller.example.com>
            Sent: Monday, November 2, 2026 10:00 AM
            Which size do you need?
            """;

        Assert.Equal("Size M, please.", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_OnlyQuotedText_FallsBackToTheWholeBody()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: Fwd

            > Which size do you need?
            > We have S, M and L.
            """;

        Assert.Equal("> Which size do you need?\n> We have S, M and L.", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_InlineQuotedAnswers_AreKept()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: Re: questions

            > Which size?
            M
            > Which colour?
            Blue
            """;

        Assert.Equal("> Which size?\nM\n> Which colour?\nBlue", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_PlainAndHtmlAlternative_PrefersPlainAndKeepsHtml()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: alt
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Plain words.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>HTML words.</p>
            --alt--
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("Plain words.", message.Text);
        Assert.Equal("<p>HTML words.</p>", message.Html);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Parse_EmptyPlainAlternative_UsesHtml()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: alt
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8


            --alt
            Content-Type: text/html; charset=utf-8

            <p>HTML words.</p>
            --alt--
            """;

        Assert.Equal("HTML words.", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Text);
    }

    [Fact]
    public void Parse_RelatedHtmlWithInlineImage_KeepsTheImageAsAttachment()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: related
            MIME-Version: 1.0
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: text/html; charset=utf-8

            <p>See <img src="cid:img1"></p>
            --rel
            Content-Type: image/gif
            Content-ID: <img1>
            Content-Transfer-Encoding: base64

            R0lGODlhAQABAAAAACw=
            --rel--
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("See", message.Text);
        var image = Assert.Single(message.Attachments);
        Assert.Equal("attachment-1.gif", image.FileName);
        Assert.Equal("image/gif", image.ContentType);
        Assert.Equal("GIF89a"u8.ToArray(), image.Content[..6].ToArray());
    }

    [Fact]
    public void Parse_TextFileAttachment_IsAnAttachmentNotTheBody()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: log
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: text/plain

            Log attached.
            --mix
            Content-Type: text/plain; name="../../etc/error.log"
            Content-Disposition: attachment; filename="../../etc/error.log"

            line 1
            --mix--
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("Log attached.", message.Text);
        var log = Assert.Single(message.Attachments);
        Assert.Equal("error.log", log.FileName);
        Assert.Equal("text/plain", log.ContentType);
    }

    [Fact]
    public void Parse_EmbeddedMessage_IsOneEmlAttachment()
    {
        var message = ParseFile("mailbox-forwarded-eml.eml");

        Assert.Equal("See the attached complaint.", message.Text);
        var embedded = Assert.Single(message.Attachments);
        Assert.Equal("attachment-1.eml", embedded.FileName);
        Assert.Equal("message/rfc822", embedded.ContentType);
        var inner = _parser.Parse(embedded.Content).Message!;
        Assert.Equal("angry@customer.example", inner.From.Address);
        Assert.Equal("My order is late.", inner.Text);
    }

    [Fact]
    public void Parse_ContentLanguageOfUndetectableMail_IsUsed()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: ?
            Content-Language: de-DE

            ok 12345
            """;

        Assert.Equal("de", _parser.Parse(TestFiles.Ascii(Mail)).Message!.Language);
    }

    [Fact]
    public void Parse_OrdinaryMail_IsClassifiedByKeywords()
    {
        const string Mail = """
            From: kim@customer.example
            Subject: Return request

            I would like to send the kettle back.
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal(ChannelKind.Mailbox, message.ChannelKind);
        Assert.Equal(BuyerMessageType.ReturnRequest, message.MessageType);
        Assert.Null(message.OrderId);
    }

    [Fact]
    public void Parse_SubjectOnlyMail_IsParsedWithEmptyText()
    {
        var message = _parser.Parse(TestFiles.Ascii("From: kim@customer.example\nSubject: Call me back\n\n")).Message!;

        Assert.Equal("Call me back", message.Subject);
        Assert.Equal(string.Empty, message.Text);
    }
}
