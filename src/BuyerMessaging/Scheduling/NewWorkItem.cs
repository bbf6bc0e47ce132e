using NodaTime;

namespace BuyerMessaging;

/// <summary>Work to schedule with <see cref="IStoreTransaction.EnqueueWorkAsync"/>.</summary>
/// <param name="Kind">The kind (see <see cref="WorkKinds"/>).</param>
/// <param name="IdempotencyKey">The key; scheduling the same key twice keeps the first item.</param>
/// <param name="Payload">The payload (JSON).</param>
/// <param name="DueAt">When the work is due.</param>
public sealed record NewWorkItem(string Kind, string IdempotencyKey, string Payload, Instant DueAt)
{
    /// <summary>Gets the conversation the work is about, if any.</summary>
    public ConversationId? ConversationId { get; init; }

    /// <summary>Gets a key that groups work across conversations, if any.</summary>
    public string? CorrelationKey { get; init; }
}
