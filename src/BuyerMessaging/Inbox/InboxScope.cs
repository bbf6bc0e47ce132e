namespace BuyerMessaging;

/// <summary>Restricts counts to some stores and channels.</summary>
public sealed record InboxScope
{
    /// <summary>Gets the stores to count; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<StoreId>? Stores { get; init; }

    /// <summary>Gets the channels to count; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<ChannelId>? Channels { get; init; }
}
