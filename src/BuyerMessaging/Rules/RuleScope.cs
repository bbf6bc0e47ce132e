namespace BuyerMessaging;

/// <summary>
/// Where a <see cref="Rule"/> applies: messages of these stores, channels and marketplaces. An empty list does not
/// restrict; every non-empty list must hold.
/// </summary>
public sealed record RuleScope
{
    /// <summary>Gets a scope that applies everywhere.</summary>
    public static RuleScope Everywhere { get; } = new();

    /// <summary>Gets the stores; empty for all.</summary>
    public IReadOnlyList<StoreId> Stores { get; init; } = [];

    /// <summary>Gets the channels; empty for all.</summary>
    public IReadOnlyList<ChannelId> Channels { get; init; } = [];

    /// <summary>Gets the Amazon marketplaces (country codes such as "JP", or marketplace ids); empty for all channels, mailboxes included.</summary>
    public IReadOnlyList<string> Marketplaces { get; init; } = [];

    /// <summary>Gets a value indicating whether the scope restricts nothing.</summary>
    public bool IsEverywhere => Stores.Count == 0 && Channels.Count == 0 && Marketplaces.Count == 0;
}
