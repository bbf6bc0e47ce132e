using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>Builders of stores, channels and inbound messages shared by the core tests and the store contract suites.</summary>
public static class TestMail
{
    public static readonly StoreId Northwind = new("northwind");
    public static readonly StoreId Sakura = new("sakura");
    public static readonly ChannelId AmazonUs = new("northwind-amazon-us");
    public static readonly ChannelId AmazonDe = new("northwind-amazon-de");
    public static readonly ChannelId Support = new("northwind-support");
    public static readonly ChannelId AmazonJp = new("sakura-amazon-jp");
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 9, 0);

    public static readonly Channel AmazonUsChannel = new()
    {
        Id = AmazonUs, StoreId = Northwind, Kind = ChannelKind.Amazon, Name = "Amazon.com", CountryCode = "US",
        MarketplaceId = "ATVPDKIKX0DER", Language = "en", Address = "amazon-us@northwind.example", TimeZoneId = "America/Los_Angeles",
    };

    public static readonly Channel AmazonDeChannel = new()
    {
        Id = AmazonDe, StoreId = Northwind, Kind = ChannelKind.Amazon, Name = "Amazon.de", CountryCode = "DE",
        Language = "de", Address = "amazon-eu@northwind.example",
    };

    public static readonly Channel SupportChannel = new()
    {
        Id = Support, StoreId = Northwind, Kind = ChannelKind.Mailbox, Name = "Support", Address = "support@northwind.example",
        StoreName = "Northwind Goods", SenderDisplayName = "Northwind Support", CountryCode = "US",
        PromisedResponseTime = Duration.FromHours(24), TimeZoneId = "America/New_York",
    };

    public static readonly Channel AmazonJpChannel = new()
    {
        Id = AmazonJp, StoreId = Sakura, Kind = ChannelKind.Amazon, Name = "Amazon.co.jp", CountryCode = "JP",
        Language = "ja", Address = "amazon-jp@sakura-home.example", TimeZoneId = "Asia/Tokyo",
    };

    /// <summary>Saves the two sample stores with their four channels.</summary>
    public static async Task ConfigureAsync(IConversationStore store)
    {
        var directory = new StoreDirectory(store);
        await directory.SaveAsync(new Store { Id = Northwind, Name = "Northwind Goods" }, [AmazonUsChannel, AmazonDeChannel, SupportChannel]);
        await directory.SaveAsync(new Store { Id = Sakura, Name = "Sakura Home" }, [AmazonJpChannel]);
    }

    public static InboundMessage Relay(
        string alias = "abcdefgh1234567@marketplace.amazon.com",
        string? orderId = "111-2345678-1234567",
        string subject = "Inquiry from Amazon customer Jane Doe (Order: 111-2345678-1234567)",
        string text = "Where is my parcel? It has not arrived yet.",
        string to = "amazon-us@northwind.example",
        string marketplace = "US",
        string? messageId = null,
        BuyerMessageType type = BuyerMessageType.ShippingInquiry) => new()
    {
        ChannelKind = ChannelKind.Amazon,
        Marketplace = marketplace,
        From = new MailParticipant("Jane Doe - Amazon Marketplace", alias),
        To = [new MailParticipant(null, to)],
        Subject = subject,
        Text = text,
        OrderId = orderId,
        BuyerName = "Jane Doe",
        MessageType = type,
        Language = "en",
        InternetMessageId = messageId ?? $"{Guid.NewGuid():N}@marketplace.amazon.com",
    };

    public static InboundMessage Mail(
        string from = "pat@mail.example",
        string subject = "Question about my blender",
        string text = "How do I clean the blade?",
        string to = "support@northwind.example",
        string? messageId = null,
        string? inReplyTo = null,
        IReadOnlyList<string>? references = null) => new()
    {
        ChannelKind = ChannelKind.Mailbox,
        From = new MailParticipant("Pat Example", from),
        To = [new MailParticipant("Northwind Support", to)],
        Subject = subject,
        Text = text,
        Language = "en",
        InternetMessageId = messageId ?? $"{Guid.NewGuid():N}@mail.example",
        InReplyTo = inReplyTo,
        References = references ?? (inReplyTo is null ? [] : [inReplyTo]),
    };
}
