using NodaTime;

namespace BuyerMessaging;

/// <summary>A query of work items; every filter that is set must hold. Results are ordered by id.</summary>
public sealed record WorkItemQuery
{
    /// <summary>Gets the kinds; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Gets the states; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<WorkItemState>? States { get; init; }

    /// <summary>Gets the conversation, or <see langword="null"/> for any.</summary>
    public ConversationId? ConversationId { get; init; }

    /// <summary>Gets the correlation key, or <see langword="null"/> for any.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Gets the earliest <see cref="WorkItem.CreatedAt"/>, or <see langword="null"/> for any.</summary>
    public Instant? CreatedAtOrAfter { get; init; }

    /// <summary>Gets a value that, when <see langword="true"/>, returns the newest items first.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Gets the most items to return.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; init; } = 100;
}
