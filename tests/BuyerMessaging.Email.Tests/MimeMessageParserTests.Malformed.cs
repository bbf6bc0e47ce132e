using System.Text;

namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    [Fact]
    public void Parse_NoFrom_FailsWithReasonAndKeepsRaw()
    {
        var raw = TestFiles.Read("malformed-no-from.eml");

        var result = _parser.Parse(raw, "malformed-no-from.eml");

        Assert.False(result.Succeeded);
        Assert.Null(result.Message);
        Assert.Equal("no From address", result.Error);
        Assert.Equal(raw, result.Raw.ToArray());
        Assert.Equal("malformed-no-from.eml", result.Source);
    }

    [Fact]
    public void Parse_FromWithoutAddress_Fails()
    {
        var result = _parser.Parse(TestFiles.Ascii("From: Just A Name\nSubject: hi\n\nbody\n"));

        Assert.False(result.Succeeded);
        Assert.Equal("no From address", result.Error);
    }

    [Fact]
    public void Parse_GarbageBytes_FailsWithReason()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        var result = _parser.Parse(garbage, "garbage.bin");

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(garbage, result.Raw.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void Parse_EmptyInput_FailsWithReason(string input)
    {
        var result = _parser.Parse(Encoding.ASCII.GetBytes(input));

        Assert.False(result.Succeeded);
        Assert.Equal("empty input: no message", result.Error);
    }

    [Fact]
    public void Parse_PlainTextWithoutHeaders_Fails()
    {
        var result = _parser.Parse(TestFiles.Ascii("Hello, this is not a mail.\nJust text.\n"));

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Parse_DeeplyNestedMultiparts_FailsWithDepthReason()
    {
        var result = _parser.Parse(Nested(100));

        Assert.False(result.Succeeded);
        Assert.Equal("MIME nesting deeper than 32 levels", result.Error);
    }

    [Fact]
    public void Parse_NestingWithinTheLimit_Parses()
    {
        var result = _parser.Parse(Nested(20));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("deep text", result.Message!.Text);
    }

    [Fact]
    public void Parse_NestingBeyondAConfiguredLimit_FailsWithThatLimit()
    {
        var parser = new MimeMessageParser(new MimeParsingOptions { MaxMimeDepth = 5 });

        var result = parser.Parse(Nested(10));

        Assert.Equal("MIME nesting deeper than 5 levels", result.Error);
    }

    [Fact]
    public void Parse_ParsersWithOtherLimitsTakingTurnsOnOneThread_EachKeepsItsOwn()
    {
        // Each thread reuses a MimeKit parser between messages; one made with another parser's limits must not be.
        var strict = new MimeMessageParser(new MimeParsingOptions { MaxMimeDepth = 5 });
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("MIME nesting deeper than 5 levels", strict.Parse(Nested(10)).Error);
            var lenient = _parser.Parse(Nested(10));
            Assert.True(lenient.Succeeded, lenient.Error);
            Assert.Equal("deep text", lenient.Message!.Text);
        }
    }

    [Fact]
    public void Parse_AfterATruncatedMultipart_TheNextMessageOnTheThreadParses()
    {
        // The thread's MimeKit parser stopped in the middle of a part: it must start clean on the next message.
        var truncated = _parser.Parse(Encoding.ASCII.GetBytes("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhalf"));
        Assert.Equal("half", truncated.Message?.Text);
        var next = _parser.Parse(TestFiles.Read("relay-us.eml"));

        Assert.True(next.Succeeded, next.Error);
        Assert.Equal("US", next.Message!.Marketplace);
    }

    [Fact]
    public void Parse_BytesOverTheSizeLimit_FailWithReasonAndKeepRaw()
    {
        var parser = new MimeMessageParser(new MimeParsingOptions { MaxMessageBytes = 100 });
        var raw = TestFiles.Read("relay-us.eml");

        var result = parser.Parse(raw);

        Assert.False(result.Succeeded);
        Assert.Contains("larger than the limit of 100 bytes", result.Error, StringComparison.Ordinal);
        Assert.Equal(raw, result.Raw.ToArray());
    }

    [Fact]
    public void Parse_StreamOverTheSizeLimit_FailsAndKeepsTheFirstBytes()
    {
        var parser = new MimeMessageParser(new MimeParsingOptions { MaxMessageBytes = 100 });
        var raw = TestFiles.Read("relay-us.eml");
        using var stream = new MemoryStream(raw);

        var result = parser.Parse(stream);

        Assert.False(result.Succeeded);
        Assert.Contains("larger than the limit of 100 bytes", result.Error, StringComparison.Ordinal);
        Assert.Equal(raw[..100], result.Raw.ToArray());
    }

    [Fact]
    public void Parse_TextOverTheLengthLimit_IsCut()
    {
        var parser = new MimeMessageParser(new MimeParsingOptions { MaxTextLength = 10 });

        var message = parser.Parse(TestFiles.Ascii("From: a@customer.example\nSubject: long\n\n" + new string('x', 50) + "\n")).Message!;

        Assert.Equal(new string('x', 10), message.Text);
    }

    [Fact]
    public void Parse_NoSubjectNoBody_FailsAsUnusable()
    {
        var result = _parser.Parse(TestFiles.Ascii("From: a@customer.example\nTo: b@seller.example.com\n\n\n"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("no usable body", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCharset_DoesNotFail()
    {
        var raw = TestFiles.WithBody(
            "From: a@customer.example\nSubject: =?x-unknown?B?SGVsbG8=?=\nContent-Type: text/plain; charset=x-unknown-charset",
            "Hello there",
            "us-ascii");

        var result = _parser.Parse(raw);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Hello there", result.Message!.Text);
    }

    [Fact]
    public void Parse_BrokenBase64Attachment_DoesNotFail()
    {
        const string Mail = """
            From: a@customer.example
            Subject: broken
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            See attachment.
            --b
            Content-Type: application/pdf; name="x.pdf"
            Content-Transfer-Encoding: base64

            !!!not base64 at all ###
            --b
            """;

        var message = _parser.Parse(TestFiles.Ascii(Mail)).Message!;

        Assert.Equal("See attachment.", message.Text);
        Assert.Equal("x.pdf", Assert.Single(message.Attachments).FileName);
    }

    [Fact]
    public void Parse_MultipartWithMismatchedBoundary_KeepsThePreambleAsText()
    {
        const string Mail = """
            From: a@customer.example
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=BOUNDARY_

            --BOUNDARY
            Content-Type: text/plain

            message 1
            """;

        var result = _parser.Parse(TestFiles.Ascii(Mail));

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("message 1", result.Message!.Text, StringComparison.Ordinal);
    }

    private static byte[] Nested(int depth)
    {
        var builder = new StringBuilder("From: a@customer.example\nSubject: deep\nMIME-Version: 1.0\n");
        builder.Append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (var i = 1; i < depth; i++)
        {
            builder.Append($"--b{i - 1}\nContent-Type: multipart/mixed; boundary=\"b{i}\"\n\n");
        }

        builder.Append($"--b{depth - 1}\nContent-Type: text/plain\n\ndeep text\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            builder.Append($"--b{i}--\n");
        }

        return TestFiles.Ascii(builder.ToString());
    }
}
