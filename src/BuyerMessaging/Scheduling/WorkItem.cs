using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A row of durable scheduled work or of the outbox: what to do (<see cref="Kind"/> and <see cref="Payload"/>), when
/// (<see cref="DueAt"/>), and how it went (attempts, lease, state, last error). Stores keep them with the
/// conversations, so that scheduling work and the change that causes it commit together.
/// </summary>
public sealed record WorkItem
{
    /// <summary>Gets the store-assigned id.</summary>
    public required long Id { get; init; }

    /// <summary>Gets the kind (see <see cref="WorkKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the key that makes scheduling idempotent: a store holds at most one item per key. Outgoing messages pass it to the sender.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the payload (JSON).</summary>
    public required string Payload { get; init; }

    /// <summary>Gets when the work is due (for a retry, when the next attempt is due).</summary>
    public required Instant DueAt { get; init; }

    /// <summary>Gets the conversation the work is about, if any (cancellation finds work by it).</summary>
    public ConversationId? ConversationId { get; init; }

    /// <summary>Gets a free key that groups work across conversations (for example the buyer of an auto-reply, for the cool-down).</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Gets the state.</summary>
    public WorkItemState State { get; init; }

    /// <summary>Gets how many times a worker leased the item.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the worker that holds or last held the lease.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>Gets when the current lease expires.</summary>
    public Instant? LeaseExpiresAt { get; init; }

    /// <summary>Gets the last error, or why the item was cancelled.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets the result of a succeeded item (for a send, the channel's message id).</summary>
    public string? Result { get; init; }

    /// <summary>Gets when the item was scheduled.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets when the item succeeded, failed or was cancelled.</summary>
    public Instant? CompletedAt { get; init; }
}
