using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Where buyer messages of a <see cref="Store"/> arrive: an Amazon marketplace (relay mail to the seller's address)
/// or a support mailbox.
/// </summary>
public sealed record Channel
{
    /// <summary>Gets the channel's identifier.</summary>
    public required ChannelId Id { get; init; }

    /// <summary>Gets the store the channel belongs to.</summary>
    public required StoreId StoreId { get; init; }

    /// <summary>Gets the kind of channel.</summary>
    public required ChannelKind Kind { get; init; }

    /// <summary>Gets the name shown in the inbox's channel column (for example "Amazon.co.jp" or "support@shop.example").</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether the channel is enabled. Mail for a disabled channel is quarantined, never dropped.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the ISO 3166 country code of the marketplace or of the mailbox's country (for example "US", "JP", "DE").</summary>
    public string? CountryCode { get; init; }

    /// <summary>Gets the Amazon marketplace id (for example "ATVPDKIKX0DER"); <see langword="null"/> for a mailbox.</summary>
    public string? MarketplaceId { get; init; }

    /// <summary>Gets the channel's language as a BCP-47 tag (for example "ja").</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Gets the address that receives the channel's mail: the seller address registered in Seller Central that receives
    /// relay mail, or the support mailbox's address. <see langword="null"/> when an Amazon channel accepts relay mail
    /// for its marketplace to any of the store's addresses.
    /// </summary>
    public string? Address { get; init; }

    /// <summary>Gets the store name shown to buyers (support mailboxes).</summary>
    public string? StoreName { get; init; }

    /// <summary>Gets the display name used when sending from the channel (support mailboxes).</summary>
    public string? SenderDisplayName { get; init; }

    /// <summary>Gets the longest promised response time a channel may have: 8,760 hours (365 days) of business time.</summary>
    public static Duration MaxPromisedResponseTime { get; } = Duration.FromHours(8760);

    /// <summary>
    /// Gets the promised response time (support mailboxes), more than zero and at most
    /// <see cref="MaxPromisedResponseTime"/>; Amazon channels use Amazon's 24 hours.
    /// </summary>
    public Duration? PromisedResponseTime { get; init; }

    /// <summary>Gets the IANA time zone id the channel's schedules are computed in (for example "Asia/Tokyo").</summary>
    public string? TimeZoneId { get; init; }
}
