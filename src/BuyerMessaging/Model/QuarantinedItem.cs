using NodaTime;

namespace BuyerMessaging;

/// <summary>Input that was kept but not ingested: unparseable mail, or mail for a disabled or unknown channel.</summary>
public sealed record QuarantinedItem
{
    /// <summary>Gets the store-assigned id (0 before it is stored).</summary>
    public long Id { get; init; }

    /// <summary>Gets when it was quarantined.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets where the input came from (a file name, a mailbox and UID), if known.</summary>
    public string? Source { get; init; }

    /// <summary>Gets why it was quarantined, in words a person can act on.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the channel it was meant for, if one was identified.</summary>
    public ChannelId? ChannelId { get; init; }

    /// <summary>Gets the raw input (the MIME bytes), kept so nothing is lost.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Gets the item without its raw content, as <see cref="IConversationStore.GetQuarantineEntriesAsync"/> lists it.</summary>
    /// <returns>The entry.</returns>
    internal QuarantineEntry ToEntry() => new() { Id = Id, At = At, Source = Source, Reason = Reason, ChannelId = ChannelId, Size = Raw.Length };
}
