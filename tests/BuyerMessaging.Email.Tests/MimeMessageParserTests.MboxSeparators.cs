using System.Text;

namespace BuyerMessaging.Email.Tests;

/// <summary>
/// Where an mbox message ends: at a "From " line that looks like a real envelope line and is followed by a header,
/// never at a body line that merely starts with "From " (mboxo and mboxcl writers do not quote them), and, where a
/// Content-Length header tells the message's length and the file agrees with it, not before that length.
/// </summary>
public sealed partial class MimeMessageParserTests
{
    private static string MailWithBody(string id, string body) => TestFiles.Crlf($"""
        From: Jane Buyer <jane@example.com>
        To: support@shop.example
        Subject: Message {id}
        Message-ID: <{id}@example.com>

        {body}

        """);

    private static byte[] MboxOf(params (string Envelope, string Message)[] messages) =>
        Encoding.UTF8.GetBytes(string.Concat(messages.Select(m => m.Envelope + "\r\n" + m.Message)));

    [Fact]
    public void ParseMbox_UnquotedFromLineInTheBody_StaysInItsMessage()
    {
        var lamp = MailWithBody("lamp", "The lamp arrived broken.\n\nFrom now on I will buy elsewhere.\nRegards, Jane");
        using var stream = new MemoryStream(Mbox(MboxMessages[0], lamp, MboxMessages[2]));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["m1@example.com", "lamp@example.com", "m3@example.com"], results.Select(r => r.Message?.InternetMessageId));
        Assert.Equal(
            "The lamp arrived broken.\n\nFrom now on I will buy elsewhere.\nRegards, Jane",
            results[1].Message!.Text.ReplaceLineEndings("\n"));
        Assert.Equal(lamp[..^2], Encoding.UTF8.GetString(results[1].Raw.Span));
    }

    [Fact]
    public void ParseMbox_UnquotedFromLineInAMultipartTextPart_KeepsTheAttachmentAfterIt()
    {
        var photo = Convert.ToBase64String(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray());
        var multipart = TestFiles.Crlf($"""
            From: Jane Buyer <jane@example.com>
            To: support@shop.example
            Subject: Broken lamp
            Message-ID: <photo@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            The lamp arrived broken.

            From Tokyo to Osaka it took three weeks.
            Order: 503-1234567-1234567

            --b1
            Content-Type: image/jpeg; name="lamp.jpg"
            Content-Disposition: attachment; filename="lamp.jpg"
            Content-Transfer-Encoding: base64

            {photo}
            --b1--

            """);
        using var stream = new MemoryStream(Mbox(multipart, MboxMessages[0]));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(2, results.Count);
        var message = results[0].Message!;
        Assert.Contains("From Tokyo to Osaka it took three weeks.", message.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("lamp.jpg", attachment.FileName);
        Assert.Equal(200, attachment.Size);
        Assert.Empty(message.Warnings);
        Assert.Equal("m1@example.com", results[1].Message!.InternetMessageId);
    }

    [Theory]
    [InlineData("From jane@example.com Mon Nov 23 10:00:00 2026")]
    [InlineData("From jane@example.com Mon Nov  3 10:00:00 2026")]
    [InlineData("From 1789374623472384723@xxx Mon Nov 23 10:00:00 +0000 2026")]
    [InlineData("From MAILER-DAEMON Mon Nov 23 10:00 PST 2026")]
    [InlineData("From jane@example.com Mon, 23 Nov 2026 10:00:00 +0000")]
    [InlineData("From - Mon Nov 23 10:00:00 2026")]
    [InlineData("From -")]
    [InlineData("From 1844347792267117879@xxx")]
    public void ParseMbox_EnvelopeLineFollowedByAHeader_StartsAMessage(string envelope)
    {
        using var stream = new MemoryStream(MboxOf(
            ("From a@example.com Mon Nov 23 09:00:00 2026", MailWithBody("first", "Hello.")),
            (envelope, MailWithBody("second", "Hello again."))));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["first@example.com", "second@example.com"], results.Select(r => r.Message?.InternetMessageId));
    }

    [Theory]
    [InlineData("From now on I will buy elsewhere.", "Subject: a line that looks like a header")]
    [InlineData("From Russia with love", "Year: 1963")]
    [InlineData("From Tokyo", "Order: 503-1234567-1234567")]
    [InlineData("From jane@example.com Mon Nov 23 10:00:00 2026", "and a line that is no header")]
    [InlineData("From jane@example.com Mon Nov 23 10:00:00 2026", "")]
    [InlineData("From jane@example.com on Monday", "Subject: looks like a header")]
    [InlineData("From jane@example.com Mon Nov 32 10:00:00 2026", "Subject: a day that does not exist")]
    public void ParseMbox_BodyLineStartingWithFrom_IsNoSeparator(string line, string next)
    {
        var body = $"Hello.\n\n{line}\n{next}\nBye.";
        using var stream = new MemoryStream(MboxOf(
            ("From a@example.com Mon Nov 23 09:00:00 2026", MailWithBody("first", body)),
            ("From b@example.com Mon Nov 23 10:00:00 2026", MailWithBody("second", "Hello again."))));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["first@example.com", "second@example.com"], results.Select(r => r.Message?.InternetMessageId));
        Assert.Contains($"{line}\n{next}\nBye.", results[0].Message!.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMbox_ContentLength_KeepsAnEnvelopeLikeLineInsideTheMessage()
    {
        // A buyer pasted part of a mailbox export: an envelope line and a header, not quoted (mboxcl2 quotes nothing).
        const string Body = "Your mail came back like this:\r\n\r\nFrom jane@example.com Mon Nov 23 10:00:00 2026\r\nSubject: order 503-1234567-1234567\r\n\r\nPlease help.\r\n";
        var message = TestFiles.Crlf($"""
            From: Jane Buyer <jane@example.com>
            To: support@shop.example
            Subject: Bounced
            Message-ID: <pasted@example.com>
            Content-Length: {Encoding.UTF8.GetByteCount(Body)}


            """) + Body;
        using var stream = new MemoryStream(MboxOf(
            ("From jane@example.com Mon Nov 23 09:00:00 2026", message),
            ("From b@example.com Mon Nov 23 10:00:00 2026", MailWithBody("second", "Hello again."))));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["pasted@example.com", "second@example.com"], results.Select(r => r.Message?.InternetMessageId));
        Assert.EndsWith("Subject: order 503-1234567-1234567\n\nPlease help.", results[0].Message!.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    public void ParseMbox_ContentLengthTheFileDisagreesWith_IsIgnored(int length)
    {
        // A stale Content-Length (the message was edited after it was written) must not hide the next message.
        var message = TestFiles.Crlf($"""
            From: Jane Buyer <jane@example.com>
            To: support@shop.example
            Subject: Stale
            Message-ID: <stale@example.com>
            Content-Length: {length}

            Hello, where is my parcel?

            """);
        using var stream = new MemoryStream(MboxOf(
            ("From jane@example.com Mon Nov 23 09:00:00 2026", message),
            ("From b@example.com Mon Nov 23 10:00:00 2026", MailWithBody("second", "Hello again.")),
            ("From c@example.com Mon Nov 23 11:00:00 2026", MailWithBody("third", "And again."))));

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["stale@example.com", "second@example.com", "third@example.com"], results.Select(r => r.Message?.InternetMessageId));
    }

    [Fact]
    public void ParseMbox_MessagesWithoutABlankLineBetweenThem_AreStillSplit()
    {
        var bytes = Encoding.UTF8.GetBytes(
            "From a@example.com Mon Nov 23 09:00:00 2026\r\n" + MailWithBody("first", "Hello.").TrimEnd() + "\r\n"
            + "From b@example.com Mon Nov 23 10:00:00 2026\r\n" + MailWithBody("second", "Hello again."));
        using var stream = new MemoryStream(bytes);

        var results = _parser.ParseMbox(stream, "inbox.mbox").ToList();

        Assert.Equal(["first@example.com", "second@example.com"], results.Select(r => r.Message?.InternetMessageId));
        Assert.Equal("Hello.", results[0].Message!.Text);
    }

    [Fact]
    public void ParseMbox_LoneLineFeeds_AreReadLikeCrlf()
    {
        var bytes = Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Mbox(MboxMessages[0], MailWithBody("lamp", "Broken.\n\nFrom now on I buy elsewhere."), MboxMessages[2])).ReplaceLineEndings("\n"));
        using var stream = new MemoryStream(bytes);

        var results = _parser.ParseMbox(stream, "lf.mbox").ToList();

        Assert.Equal(["m1@example.com", "lamp@example.com", "m3@example.com"], results.Select(r => r.Message?.InternetMessageId));
        Assert.EndsWith("From now on I buy elsewhere.", results[1].Message!.Text, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void ParseMbox_MimeKitCorpus_GivesTheMessagesMimeKitExpects()
    {
        var folder = Path.Combine(TestFiles.MimeCorpus!, "mimekit", "mbox");
        foreach (var name in new[] { "content-length", "issue1189" })
        {
            var expected = File.ReadAllLines(Path.Combine(folder, name + "-summary.txt"))
                .Where(line => line.StartsWith("Subject: ", StringComparison.Ordinal))
                .Select(line => line["Subject: ".Length..])
                .ToList();
            using var stream = File.OpenRead(Path.Combine(folder, name + ".mbox.txt"));

            var results = _parser.ParseMbox(stream, name).ToList();

            Assert.Equal(expected.Count, results.Count);
            Assert.All(results, r => Assert.True(r.Succeeded, $"{r.Source}: {r.Error}"));
            Assert.Equal(expected, results.Select(r => r.Message!.Subject));
        }
    }

    [CorpusFact]
    public void ParseMbox_MimeKitUnmungedCorpus_KeepsFromRussiaWithLoveInItsMessage()
    {
        using var stream = File.OpenRead(Path.Combine(TestFiles.MimeCorpus!, "mimekit", "mbox", "unmunged.mbox.txt"));

        var results = _parser.ParseMbox(stream, "unmunged").ToList();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("From Russia with love", r.Message!.Text, StringComparison.Ordinal));
        Assert.Contains("What did Thunderbird do this time?", results[1].Message!.Text, StringComparison.Ordinal);
    }
}
