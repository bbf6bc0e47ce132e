using System.Text;

namespace BuyerMessaging.Email.Tests;

/// <summary>
/// Mail damaged in transit or storage (cut short, invalid base64): the buyer's text is kept whenever it can be read, the
/// damage is told in <see cref="InboundMessage.Warnings"/> and on the attachment it hurts, and mail whose text cannot be
/// read at all is failed with the reason (to be quarantined), never ingested as an empty message.
/// </summary>
public sealed partial class MimeMessageParserTests
{
    private static readonly string Photo = Convert.ToBase64String(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray(), Base64FormattingOptions.InsertLineBreaks);

    private static string Base64Text(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static byte[] MixedWithPhoto(string photoContent, bool closed = true) => TestFiles.Ascii($"""
        From: Jane Buyer <jane@example.com>
        To: support@shop.example
        Subject: Broken lamp
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        The lamp arrived broken, see the photo.
        --b1
        Content-Type: image/jpeg; name="lamp.jpg"
        Content-Disposition: attachment; filename="lamp.jpg"
        Content-Transfer-Encoding: base64

        {photoContent}
        {(closed ? "--b1--\n" : string.Empty)}
        """);

    private static byte[] Base64Body(string content) => TestFiles.Ascii($"""
        From: Jane Buyer <jane@example.com>
        To: support@shop.example
        Subject: Where is my parcel?
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        {content}

        """);

    /// <summary>A multipart/alternative message with the given body (its parts, boundary "b1").</summary>
    private static byte[] Alternative(string parts) => TestFiles.Ascii($"""
        From: Jane Buyer <jane@example.com>
        To: support@shop.example
        Subject: Parcel
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        {parts}
        """);

    [Fact]
    public void Parse_CleanMultipart_HasNoWarningsAndNoDefect()
    {
        var message = _parser.Parse(MixedWithPhoto(Photo)).Message!;

        Assert.Empty(message.Warnings);
        var attachment = Assert.Single(message.Attachments);
        Assert.Null(attachment.Defect);
        Assert.Equal(300, attachment.Size);
    }

    [Fact]
    public void Parse_MultipartCutInsideItsAttachment_KeepsTheTextAndMarksTheAttachment()
    {
        // The file ends in the middle of the photo's base64: no closing boundary, and the last quantum is incomplete.
        var raw = MixedWithPhoto(Photo[..101], closed: false);

        var result = _parser.Parse(raw, "cut.eml");

        Assert.True(result.Succeeded, result.Error);
        var message = result.Message!;
        Assert.Equal("The lamp arrived broken, see the photo.", message.Text);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("lamp.jpg", attachment.FileName);
        var sent = Photo[..101].Replace("\r\n", string.Empty, StringComparison.Ordinal);
        var decodable = Convert.FromBase64String(sent[..(sent.Length / 4 * 4)]);
        Assert.Equal(decodable, attachment.Content.ToArray());
        Assert.Contains("cut short", attachment.Defect, StringComparison.Ordinal);
        Assert.Equal(
            [
                "the multipart/mixed body ends without its closing boundary: the message may have been cut short",
                $"attachment 1 (image/jpeg): its base64 content is cut short: the {decodable.Length} bytes that could be decoded are kept, and the file may be incomplete or damaged",
            ],
            message.Warnings);
        Assert.Equal(raw, result.Raw.ToArray());
    }

    [Fact]
    public void Parse_MultipartCutAtALineEndOfItsAttachment_MarksTheAttachmentAsPossiblyIncomplete()
    {
        // Cut after a whole base64 line: the base64 is valid, only the missing boundary tells that the file may go on.
        var firstLine = Photo[..Photo.IndexOf('\r', StringComparison.Ordinal)];

        var message = _parser.Parse(MixedWithPhoto(firstLine, closed: false)).Message!;

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(57, attachment.Size);
        Assert.Equal("the message ends inside this file, without the closing boundary: the file may be incomplete", attachment.Defect);
        Assert.Equal(2, message.Warnings.Count);
    }

    [Fact]
    public void Parse_MultipartCutInsideItsText_KeepsTheTextAndWarnsItMayBeCutShort()
    {
        var raw = Alternative("""
            --b1
            Content-Type: text/plain; charset=utf-8

            Where is my parcel?

            """);

        var message = _parser.Parse(raw).Message!;

        Assert.Equal("Where is my parcel?", message.Text);
        Assert.Empty(message.Attachments);
        Assert.Equal(
            [
                "the multipart/alternative body ends without its closing boundary: the message may have been cut short",
                "the message ends inside a text part, without the closing boundary: the text may be cut short",
            ],
            message.Warnings);
    }

    [Fact]
    public void Parse_AttachmentWithCharactersOutsideBase64_IsKeptAndMarked()
    {
        var damaged = Photo[..40] + "!*%" + Photo[40..];

        var message = _parser.Parse(MixedWithPhoto(damaged)).Message!;

        Assert.Equal("The lamp arrived broken, see the photo.", message.Text);
        var attachment = Assert.Single(message.Attachments);
        Assert.False(attachment.Content.IsEmpty);
        Assert.StartsWith("its base64 content holds characters outside base64, which were skipped", attachment.Defect, StringComparison.Ordinal);
        Assert.Equal($"attachment 1 (image/jpeg): {attachment.Defect}", Assert.Single(message.Warnings));
    }

    [Fact]
    public void Parse_TextWhoseBase64IsCutShort_KeepsWhatCanBeReadAndWarns()
    {
        var text = Base64Text("Hello, my parcel has not arrived. Order 503-1234567-1234567.");

        var result = _parser.Parse(Base64Body(text[..30]));

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("Hello, my parcel", result.Message!.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["the text part's base64 content is cut short: the text may be incomplete or garbled where it is damaged"],
            result.Message.Warnings);
    }

    [Theory]
    [InlineData("%%%%####!!!!")]
    [InlineData("==")]
    public void Parse_TextWhoseBase64DecodesToNothingReadable_FailsWithTheReason(string content)
    {
        var raw = Base64Body(content);

        var result = _parser.Parse(raw, "unreadable.eml");

        Assert.False(result.Succeeded);
        Assert.StartsWith("the text cannot be read: the text part's base64 content", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("and what could be decoded is no readable text", result.Error, StringComparison.Ordinal);
        Assert.Equal(raw, result.Raw.ToArray());
    }

    [Fact]
    public void Parse_TextWhoseBase64DecodesToGarbage_FailsWithTheReason()
    {
        // Characters outside base64 in the middle put the decoder out of step: what follows is no UTF-8.
        var text = Base64Text("The lamp arrived broken and I would like a new one, please.");

        var result = _parser.Parse(Base64Body("Vw" + "!" + text[4..]));

        Assert.False(result.Succeeded);
        Assert.StartsWith("the text cannot be read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreadableTextButReadableHtml_TakesTheHtmlAndWarns()
    {
        var raw = Alternative("""
            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            ====
            --b1
            Content-Type: text/html; charset=utf-8

            <p>Where is my parcel?</p>
            --b1--

            """);

        var message = _parser.Parse(raw).Message!;

        Assert.Equal("Where is my parcel?", message.Text);
        var warning = Assert.Single(message.Warnings);
        Assert.EndsWith("no readable text; the text is taken from another part", warning, StringComparison.Ordinal);
    }
}
