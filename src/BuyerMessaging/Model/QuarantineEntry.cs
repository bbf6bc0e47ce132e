using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A quarantined item without its raw content, as <see cref="IConversationStore.GetQuarantineEntriesAsync"/> lists it:
/// enough to show the quarantine or to page through it (for example to try every item again) without holding every
/// item's bytes in memory at once. <see cref="IConversationStore.GetQuarantinedItemAsync"/> reads one item whole.
/// </summary>
public sealed record QuarantineEntry
{
    /// <summary>Gets the store-assigned id.</summary>
    public required long Id { get; init; }

    /// <summary>Gets when it was quarantined.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets where the input came from (a file name, a mailbox and UID), if known.</summary>
    public string? Source { get; init; }

    /// <summary>Gets why it was quarantined, in words a person can act on.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the channel it was meant for, if one was identified.</summary>
    public ChannelId? ChannelId { get; init; }

    /// <summary>Gets the size of the raw input in bytes.</summary>
    public required long Size { get; init; }
}
