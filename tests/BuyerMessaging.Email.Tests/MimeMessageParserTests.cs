using MimeKit;
using NodaTime;

namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    private readonly MimeMessageParser _parser = new();

    private InboundMessage ParseFile(string name)
    {
        var result = _parser.Parse(TestFiles.Read(name), name);
        Assert.True(result.Succeeded, $"{name} failed: {result.Error}");
        return result.Message!;
    }

    [Fact]
    public void Parse_NullStream_ThrowsWithParameterName() =>
        Assert.Throws<ArgumentNullException>("stream", () => _parser.Parse((Stream)null!));

    [Fact]
    public async Task ParseAsync_NullStream_ThrowsWithParameterName() =>
        await Assert.ThrowsAsync<ArgumentNullException>("stream", () => _parser.ParseAsync(null!));

    [Fact]
    public void Parse_NullMimeMessage_ThrowsWithParameterName() =>
        Assert.Throws<ArgumentNullException>("message", () => _parser.Parse((MimeMessage)null!));

    [Fact]
    public void Parse_RelayMail_ReadsHeaders()
    {
        var message = ParseFile("relay-us.eml");

        Assert.Equal("0100019000000001-us-example@email.amazon.com", message.InternetMessageId);
        Assert.Equal(new MailParticipant("Jane Example - Amazon Marketplace", "abcd1234efgh567@marketplace.amazon.com"), message.From);
        Assert.Equal([new MailParticipant("Example Store", "amazon-us@seller.example.com")], message.To);
        Assert.Equal([new MailParticipant(null, "team@seller.example.com")], message.Cc);
        Assert.Equal(["amazon-us@seller.example.com", "orders@seller.example.com"], message.DeliveredTo);
        Assert.Equal(Instant.FromUtc(2026, 11, 3, 17, 15), message.SentAt);
        Assert.Equal("Inquiry from Amazon customer Jane Example (Order: 111-1111111-1111111)", message.Subject);
        Assert.Equal("BBC_MESSAGE_SENT_TO_MERCHANT", message.AmazonNotificationType);
        Assert.Equal("relay-us.eml", message.Source);
        Assert.Null(message.AutoSubmitted);
        Assert.Null(message.InReplyTo);
        Assert.Empty(message.References);
    }

    [Fact]
    public void Parse_Reply_ReadsInReplyToAndReferencesWithoutBrackets()
    {
        var message = ParseFile("relay-followup-nested.eml");

        Assert.Equal("reply-0001@seller.example.com", message.InReplyTo);
        Assert.Equal(["0100019000000001-us-example@email.amazon.com", "reply-0001@seller.example.com"], message.References);
    }

    [Fact]
    public void Parse_EmptyLists_ShareOneEmptyCollection()
    {
        // A parsed message lives until its batch is stored (for good in the in-memory store): an empty list each would
        // cost the garbage collector an object per list per message.
        var first = ParseFile("relay-us.eml");
        var second = ParseFile("relay-followup-nested.eml");

        Assert.Empty(first.References);
        Assert.Empty(first.Warnings);
        Assert.Same(first.References, first.Warnings);
        Assert.Same(first.Warnings, second.Warnings);
        Assert.Empty(first.Attachments);
        Assert.Same(first.Attachments, second.Attachments);
    }

    [Fact]
    public void Parse_SameRecipientAgain_SharesItsRecord()
    {
        var first = ParseFile("relay-us.eml");
        var second = ParseFile("relay-us.eml");
        var other = ParseFile("relay-de.eml");

        Assert.Same(first.To[0], second.To[0]);
        Assert.Same(first.Cc[0], second.Cc[0]);
        Assert.NotSame(first.From, second.From);
        Assert.Equal([new MailParticipant("Example Store", "amazon-us@seller.example.com")], second.To);
        Assert.DoesNotContain(first.To[0], other.To);
    }

    [Fact]
    public void Parse_Bytes_KeepsRawBytesAndSource()
    {
        var raw = TestFiles.Read("relay-us.eml");

        var result = _parser.Parse(raw, "imap://INBOX/1");

        Assert.True(result.Succeeded);
        Assert.Equal(raw, result.Raw.ToArray());
        Assert.Equal(raw, result.Message!.Raw.ToArray());
        Assert.Equal("imap://INBOX/1", result.Source);
    }

    [Fact]
    public void Parse_Stream_GivesTheSameMessageAsBytes()
    {
        var raw = TestFiles.Read("relay-de.eml");
        using var stream = new MemoryStream(raw);

        var fromStream = _parser.Parse(stream, "file.eml").Message!;
        var fromBytes = _parser.Parse(raw, "file.eml").Message!;

        Assert.Equal(fromBytes.Text, fromStream.Text);
        Assert.Equal(raw, fromStream.Raw.ToArray());
    }

    [Fact]
    public async Task ParseAsync_Stream_ParsesAndKeepsRaw()
    {
        var raw = TestFiles.Read("relay-uk.eml");
        using var stream = new MemoryStream(raw);

        var result = await _parser.ParseAsync(stream, "upload");

        Assert.True(result.Succeeded);
        Assert.Equal(raw, result.Raw.ToArray());
        Assert.Equal("UK", result.Message!.Marketplace);
    }

    [Fact]
    public async Task ParseAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(TestFiles.Read("relay-uk.eml"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _parser.ParseAsync(stream, null, new CancellationToken(true)));
    }

    [Fact]
    public void Parse_MimeMessage_SerializesItAsRaw()
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Kim Example", "kim@customer.example"));
        mime.To.Add(new MailboxAddress(null, "support@seller.example.com"));
        mime.Subject = "Hello";
        mime.Body = new TextPart("plain") { Text = "Do you ship to Canada?" };

        var result = _parser.Parse(mime, "mailkit");

        Assert.True(result.Succeeded);
        Assert.Equal("Do you ship to Canada?", result.Message!.Text);
        Assert.Contains("Subject: Hello", System.Text.Encoding.ASCII.GetString(result.Raw.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDate_SentAtIsNull()
    {
        var result = _parser.Parse(TestFiles.Ascii("From: a@customer.example\nSubject: hi\n\nhello\n"));

        Assert.True(result.Succeeded);
        Assert.Null(result.Message!.SentAt);
    }

    [Fact]
    public void Parse_UnreadableDate_SentAtIsNull()
    {
        var result = _parser.Parse(TestFiles.Ascii("From: a@customer.example\nDate: sometime last week\nSubject: hi\n\nhello\n"));

        Assert.True(result.Succeeded);
        Assert.Null(result.Message!.SentAt);
    }

    [Fact]
    public void Parse_ReceivedHeaders_ReceivedAtIsTheNewestHop()
    {
        var result = _parser.Parse(TestFiles.Ascii(
            "Received: from relay.example by mx.seller.example with ESMTPS id abc;\n"
            + "\tTue, 3 Nov 2026 17:20:05 +0000\n"
            + "Received: from outbound.example by relay.example; Tue, 3 Nov 2026 18:16:00 +0100\n"
            + "From: a@customer.example\nDate: Tue, 3 Nov 2026 17:15:00 +0000\nSubject: hi\n\nhello\n"));

        Assert.True(result.Succeeded);
        Assert.Equal(Instant.FromUtc(2026, 11, 3, 17, 20, 5), result.Message!.ReceivedAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 3, 17, 15), result.Message.SentAt);
    }

    [Theory]
    [InlineData("From: a@customer.example\nSubject: hi\n\nhello\n")]
    [InlineData("Received: from relay.example by mx.seller.example; not a date\nFrom: a@customer.example\nSubject: hi\n\nhello\n")]
    [InlineData("Received: from relay.example by mx.seller.example\nFrom: a@customer.example\nSubject: hi\n\nhello\n")]
    public void Parse_NoReadableReceivedDate_ReceivedAtIsNull(string mail)
    {
        var result = _parser.Parse(TestFiles.Ascii(mail));

        Assert.True(result.Succeeded);
        Assert.Null(result.Message!.ReceivedAt);
    }

    [Fact]
    public void Parse_FoldedEncodedSubject_IsDecodedOnOneLine()
    {
        var raw = TestFiles.Ascii(
            "From: a@customer.example\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\n =?utf-8?Q?_aus_K=C3=B6ln?=\n\tund mehr\n\nhello\n");

        var message = _parser.Parse(raw).Message!;

        Assert.Equal("Grüße aus Köln und mehr", message.Subject);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain('\r', message.Subject);
    }

    [Fact]
    public void Parse_AutoSubmittedHeader_IsKept()
    {
        var message = ParseFile("notification-atoz.eml");

        Assert.Equal("auto-generated", message.AutoSubmitted);
    }
}
