using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Email.Tests;

public sealed class FileSystemOutboundSenderTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 10, 0, 0);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bm-outbox-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Now);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Reply_WritesEmlWithThreadingHeaders()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:42", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal(FileSystemOutboundSender.FileNameFor("send:42"), receipt.ChannelMessageId);
        Assert.Equal("bm.0123@northwind.example", mime.MessageId);
        Assert.Equal("buyer-2@marketplace.amazon.com", mime.InReplyTo);
        Assert.Equal(["buyer-1@marketplace.amazon.com", "buyer-2@marketplace.amazon.com"], mime.References);
        Assert.Equal("Re: Where is my order?", mime.Subject);
        Assert.Equal(("Northwind Support", "support@northwind.example"), Single(mime.From));
        Assert.Equal(("Jane Doe", "jane@marketplace.amazon.com"), Single(mime.To));
        Assert.Equal(Now.ToDateTimeOffset(), mime.Date);
        Assert.Equal("It ships today.", mime.TextBody?.TrimEnd());
        Assert.Null(mime.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("northwind-support", mime.Headers[FileSystemOutboundSender.ChannelHeader]);
        Assert.Equal("7", mime.Headers[FileSystemOutboundSender.ConversationHeader]);
        Assert.Equal("Reply", mime.Headers[FileSystemOutboundSender.KindHeader]);
    }

    [Fact]
    public async Task SendAsync_AutoReply_IsMarkedAutoSubmittedEvenWithoutTheHeader()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.AutoReply), "auto:1", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal("auto-replied", mime.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task SendAsync_ExtraHeaders_AreWrittenButCannotReplaceStructuralOnes()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);
        var message = Message(OutgoingKind.AutoReply) with
        {
            Headers = new Dictionary<string, string> { ["X-Auto-Response-Suppress"] = "All", ["Message-ID"] = "<evil@example.com>" },
        };

        var receipt = await sender.SendAsync(Channel(), message, "auto:2", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal("All", mime.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal("bm.0123@northwind.example", mime.MessageId);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_WritesOneFileAndReturnsTheSameReceipt()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);
        var first = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:1", CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, first.ChannelMessageId));
        _clock.Advance(Duration.FromMinutes(5));

        var second = await new FileSystemOutboundSender(_folder, _clock).SendAsync(Channel(), Message(OutgoingKind.Reply) with { Text = "changed" }, "send:1", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_folder, second.ChannelMessageId)));
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_WriteDifferentFiles()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var a = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:1", CancellationToken.None);
        var b = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:2", CancellationToken.None);

        Assert.NotEqual(a, b);
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSendsOfOneKey_LeaveOneFileAndNoTemporaryFile()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:9", CancellationToken.None))));

        Assert.Single(receipts.Distinct());
        Assert.Equal([receipts[0].ChannelMessageId], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SendAsync_CreatesTheFolderAndWritesCrlf()
    {
        var nested = Path.Combine(_folder, "a", "b");
        var sender = new FileSystemOutboundSender(nested, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:1", CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(nested, receipt.ChannelMessageId));
        Assert.Contains("\r\nSubject: Re: Where is my order?\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Html_WritesMultipartAlternative()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.SmartReply) with { Html = "<p>It ships today.</p>" }, "smart:1", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal("<p>It ships today.</p>", mime.HtmlBody?.Trim());
        Assert.Equal("It ships today.", mime.TextBody?.Trim());
        Assert.Null(mime.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task SendAsync_Attachments_AreWrittenAndParseBackTheSame()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0x80, 0xff];
        var message = Message(OutgoingKind.Reply) with
        {
            Attachments =
            [
                new MessageAttachment { FileName = "取扱説明書.pdf", ContentType = "application/pdf", Content = pdf },
                new MessageAttachment { FileName = "label.png", ContentType = "image/png", Content = new byte[] { 0x89, 0x50, 0x4e, 0x47 } },
            ],
        };

        var receipt = await sender.SendAsync(Channel(), message, "send:files", CancellationToken.None);

        var parsed = new MimeMessageParser().Parse(await File.ReadAllBytesAsync(Path.Combine(_folder, receipt.ChannelMessageId)));
        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("It ships today.", parsed.Message!.Text.TrimEnd());
        Assert.Equal(
            [("取扱説明書.pdf", "application/pdf", 8L), ("label.png", "image/png", 4L)],
            parsed.Message.Attachments.Select(a => (a.FileName, a.ContentType, a.Size)));
        Assert.Equal(pdf, parsed.Message.Attachments[0].Content.ToArray());
    }

    [Fact]
    public async Task SendAsync_AttachmentWithAnUnparsableType_GoesAsBytes()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);
        var message = Message(OutgoingKind.Reply) with
        {
            Attachments = [new MessageAttachment { FileName = "notes.txt", ContentType = "text plain; ;", Content = new byte[] { 104, 105 } }],
        };

        var receipt = await sender.SendAsync(Channel(), message, "send:odd-type", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        var part = Assert.IsType<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal(("application/octet-stream", "notes.txt"), (part.ContentType.MimeType, part.FileName));
    }

    [Fact]
    public async Task SendAsync_FromOnTheMessage_WinsOverTheChannel()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.Reply) with { From = new MailParticipant("Alice", "alice@northwind.example") }, "send:1", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal(("Alice", "alice@northwind.example"), Single(mime.From));
    }

    [Fact]
    public async Task SendAsync_JapaneseText_RoundTrips()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        var receipt = await sender.SendAsync(Channel(), Message(OutgoingKind.AutoReply) with { Subject = "自動返信: お問い合わせありがとうございます", Text = "営業時間外のため、翌営業日にご返信いたします。" }, "auto:ja", CancellationToken.None);

        var mime = await MimeMessage.LoadAsync(Path.Combine(_folder, receipt.ChannelMessageId));
        Assert.Equal("自動返信: お問い合わせありがとうございます", mime.Subject);
        Assert.Equal("営業時間外のため、翌営業日にご返信いたします。", mime.TextBody?.Trim());
    }

    [Fact]
    public async Task SendAsync_Cancelled_WritesNothing()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(Channel(), Message(OutgoingKind.Reply), "send:1", new CancellationToken(canceled: true)));

        Assert.Empty(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []);
    }

    [Fact]
    public async Task SendAsync_InvalidArguments_ThrowWithParameterName()
    {
        var sender = new FileSystemOutboundSender(_folder, _clock);

        await Assert.ThrowsAsync<ArgumentNullException>("channel", () => sender.SendAsync(null!, Message(OutgoingKind.Reply), "k", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("message", () => sender.SendAsync(Channel(), null!, "k", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>("idempotencyKey", () => sender.SendAsync(Channel(), Message(OutgoingKind.Reply), " ", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>("message", () => sender.SendAsync(Channel(), Message(OutgoingKind.Reply) with { To = [] }, "k", CancellationToken.None));
        Assert.Throws<ArgumentException>("folder", () => new FileSystemOutboundSender(" ", _clock));
        Assert.Throws<ArgumentNullException>("clock", () => new FileSystemOutboundSender(_folder, null!));
    }

    [Fact]
    public void FileNameFor_IsStableHexAndHidesTheKey()
    {
        var name = FileSystemOutboundSender.FileNameFor("../../etc/passwd");

        Assert.Equal(name, FileSystemOutboundSender.FileNameFor("../../etc/passwd"));
        Assert.Matches("^[0-9a-f]{32}\\.eml$", name);
    }

    [Fact]
    public async Task AddFileSystemOutbox_ReplacesTheSenderAndUsesTheRegisteredClock()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddBuyerMessaging().AddFileSystemOutbox(o => o.Folder = _folder);
        await using var provider = services.BuildServiceProvider();

        var sender = Assert.IsType<FileSystemOutboundSender>(provider.GetRequiredService<IOutboundSender>());

        Assert.Equal(Path.GetFullPath(_folder), sender.Folder);
        Assert.Same(sender, provider.GetRequiredService<IOutboundSender>());
    }

    [Fact]
    public async Task AddFileSystemOutbox_NoFolder_FailsValidationNamingTheField()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddFileSystemOutbox(_ => { });
        await using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FileSystemOutboxOptions>>().Value);

        Assert.Contains("Folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFileSystemOutbox_NullArguments_ThrowWithParameterName()
    {
        Assert.Throws<ArgumentNullException>("services", () => EmailServiceCollectionExtensions.AddFileSystemOutbox((IServiceCollection)null!, _ => { }));
        Assert.Throws<ArgumentNullException>("builder", () => EmailServiceCollectionExtensions.AddFileSystemOutbox((BuyerMessagingBuilder)null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddFileSystemOutbox(null!));
    }

    private static (string? Name, string Address) Single(InternetAddressList list)
    {
        var mailbox = Assert.IsType<MailboxAddress>(Assert.Single(list));
        return (mailbox.Name, mailbox.Address);
    }

    private static Channel Channel() => new()
    {
        Id = new ChannelId("northwind-support"),
        StoreId = new StoreId("northwind"),
        Kind = ChannelKind.Mailbox,
        Name = "Support",
        Address = "support@northwind.example",
        SenderDisplayName = "Northwind Support",
    };

    private static OutgoingMessage Message(OutgoingKind kind) => new()
    {
        Kind = kind,
        ConversationId = new ConversationId("7"),
        ChannelId = new ChannelId("northwind-support"),
        To = [new MailParticipant("Jane Doe", "jane@marketplace.amazon.com")],
        Subject = "Re: Where is my order?",
        Text = "It ships today.",
        InternetMessageId = "bm.0123@northwind.example",
        InReplyTo = "buyer-2@marketplace.amazon.com",
        References = ["buyer-1@marketplace.amazon.com", "buyer-2@marketplace.amazon.com"],
    };
}
