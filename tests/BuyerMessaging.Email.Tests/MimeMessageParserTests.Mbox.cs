using System.Text;

namespace BuyerMessaging.Email.Tests;

/// <summary>mbox exports (Google Takeout, Thunderbird, Unix mail): one result per message, each with its own bytes.</summary>
public sealed partial class MimeMessageParserTests
{
    private static readonly string[] MboxMessages =
    [
        TestFiles.Crlf("""
            From: Jane Buyer <jane@example.com>
            To: support@shop.example
            Subject: Where is my parcel?
            Message-ID: <m1@example.com>
            Date: Mon, 23 Nov 2026 10:00:00 +0000

            Hello, my parcel has not arrived yet.

            """),
        TestFiles.Crlf("""
            From: Misaki - Amazon Marketplace <abc123+TOK@marketplace.amazon.co.jp>
            To: amazon-jp@shop.example
            Subject: =?UTF-8?B?5rOo5paH55Wq5Y+3IDI1MC0xMjM0NTY3LTc2NTQzMjEg44Gr44Gk44GE44Gm?=
            Message-ID: <m2@example.com>
            Date: Mon, 23 Nov 2026 11:00:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            ------------- メッセージはここから -------------

            商品がまだ届きません。

            ------------- メッセージはここまで -------------

            """),
        TestFiles.Crlf("""
            From: Pat <pat@example.org>
            To: support@shop.example
            Subject: Blender
            Message-ID: <m3@example.com>
            Date: Mon, 23 Nov 2026 12:00:00 +0000

            How do I clean the blade?
            >From the manual I could not tell.

            """),
    ];

    private static byte[] Mbox(params string[] messages) =>
        Encoding.UTF8.GetBytes(string.Concat(messages.Select((m, i) => $"From sender{i}@example.com Mon Nov 23 10:00:00 2026\r\n{m}")));

    [Fact]
    public void ParseAgain_AQuarantinedMboxMessage_ReadsItAsTheMboxDid()
    {
        using var stream = new MemoryStream(Mbox(MboxMessages));
        var first = _parser.ParseMbox(stream, "Inbox").ToList()[2];
        var item = new QuarantinedItem { At = NodaTime.Instant.FromUtc(2026, 11, 23, 12, 0), Source = first.Source, Reason = "unknown channel", Raw = first.Raw };

        var again = _parser.ParseAgain(item);
        var asEml = _parser.Parse(item.Raw, item.Source);

        Assert.Equal("Inbox#3", item.Source);
        Assert.Equal(first.Message!.Text, again.Message!.Text);
        Assert.Contains("\nFrom the manual", again.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("From the manual", asEml.Message!.Text, StringComparison.Ordinal); // a plain re-parse takes the line for a quote and drops it
    }

    [Theory]
    [InlineData("mail/0042.eml")]
    [InlineData("notes#")]
    [InlineData("issue#0")]
    [InlineData(null)]
    public void ParseAgain_AnythingElse_ReadsItAsAnEml(string? source)
    {
        var raw = Encoding.UTF8.GetBytes(MboxMessages[2]);
        var item = new QuarantinedItem { At = NodaTime.Instant.FromUtc(2026, 11, 23, 12, 0), Source = source, Reason = "unknown channel", Raw = raw };

        Assert.Equal(_parser.Parse(raw, source).Message!.Text, _parser.ParseAgain(item).Message!.Text);
        Assert.DoesNotContain("From the manual", _parser.ParseAgain(item).Message!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From someone@example.com Mon Nov 23 10:00:00 2026\r\n", true)]
    [InlineData("\uFEFFFrom - \r\n", true)]
    [InlineData("From: someone@example.com\r\n", false)]
    [InlineData("Received: from mx\r\n", false)]
    [InlineData("", false)]
    public void IsMbox_FromSeparatorLine(string start, bool expected) =>
        Assert.Equal(expected, MimeMessageParser.IsMbox(Encoding.UTF8.GetBytes(start)));

    [Fact]
    public void ParseMbox_GivesEachMessage_WithItsOwnBytesAndNumberedSource()
    {
        using var stream = new MemoryStream(Mbox(MboxMessages));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["inbox.mbox#1", "inbox.mbox#2", "inbox.mbox#3"], results.Select(r => r.Source));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["m1@example.com", "m2@example.com", "m3@example.com"], results.Select(r => r.Message!.InternetMessageId));
        for (var i = 0; i < MboxMessages.Length; i++)
        {
            // The message's own bytes, without the "From " line and the line break before the next one (it belongs to
            // the separator), so a quarantined one can be read again as an .eml.
            var expected = i < MboxMessages.Length - 1 ? MboxMessages[i][..^2] : MboxMessages[i];
            Assert.Equal(expected, Encoding.UTF8.GetString(results[i].Raw.Span));
        }

        var relay = results[1].Message!;
        Assert.Equal(ChannelKind.Amazon, relay.ChannelKind);
        Assert.Equal("JP", relay.Marketplace);
        Assert.Equal("250-1234567-7654321", relay.OrderId);
        Assert.Equal("商品がまだ届きません。", relay.Text);
        Assert.Contains("How do I clean the blade?", results[2].Message!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Where is my parcel", results[2].Message!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMbox_StreamThatCannotSeek_StillGivesEachMessage()
    {
        using var stream = new ForwardOnlyStream(Mbox(MboxMessages));

        var results = _parser.ParseMbox(stream, "pipe").ToList();

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal("商品がまだ届きません。", results[1].Message!.Text);
        Assert.False(results[1].Raw.IsEmpty);
    }

    [Fact]
    public void ParseMbox_ByteOrderMarkAndOneMessage_ReadsLikeTheMessageAlone()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Mbox(MboxMessages[0])];
        using var stream = new MemoryStream(bytes);

        var result = Assert.Single(_parser.ParseMbox(stream, "one.mbox"));

        var alone = _parser.Parse(Encoding.UTF8.GetBytes(MboxMessages[0]));
        Assert.Equal(alone.Message!.Text, result.Message!.Text);
        Assert.Equal(alone.Message.Subject, result.Message.Subject);
        Assert.Equal(MboxMessages[0], Encoding.UTF8.GetString(result.Raw.Span));
    }

    [Fact]
    public void ParseMbox_QuotedFromLines_GetTheirTextBack()
    {
        var message = TestFiles.Crlf("""
            From: Jane Buyer <jane@example.com>
            To: support@shop.example
            Subject: Lamp
            Message-ID: <lamp@example.com>

            The lamp arrived broken.
            >From now on I will buy elsewhere.

            """);
        using var stream = new MemoryStream(Mbox(message));

        var text = Assert.Single(_parser.ParseMbox(stream, "one.mbox")).Message!.Text;

        Assert.Equal("The lamp arrived broken.\nFrom now on I will buy elsewhere.", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ParseMbox_MessageOverTheSizeLimit_FailsAloneWithItsFirstBytes()
    {
        var big = TestFiles.Crlf($"""
            From: big@example.com
            To: support@shop.example
            Subject: big

            {new string('x', 3000)}

            """);
        var parser = new MimeMessageParser(new MimeParsingOptions { MaxMessageBytes = 1000 });
        using var stream = new MemoryStream(Mbox(MboxMessages[0], big, MboxMessages[2]));

        var results = parser.ParseMbox(stream, "big.mbox").ToList();

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("MaxMessageBytes", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(1000, results[1].Raw.Length);
        Assert.True(results[2].Succeeded, results[2].Error);
    }

    [Fact]
    public void ParseMbox_InputThatIsNoMbox_IsOneFailedResultHoldingAllOfIt()
    {
        var bytes = Encoding.UTF8.GetBytes(MboxMessages[0]);
        using var stream = new MemoryStream(bytes);

        var result = Assert.Single(_parser.ParseMbox(stream, "not.mbox"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("mbox message 1 cannot be read", result.Error, StringComparison.Ordinal);
        Assert.Equal("not.mbox#1", result.Source);
        Assert.Equal(bytes, result.Raw.ToArray());
    }

    [Fact]
    public void ParseMbox_Null_ThrowsWithParameterName() =>
        Assert.Throws<ArgumentNullException>("stream", () => _parser.ParseMbox(null!));

    /// <summary>A stream read once from start to end, as from a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
