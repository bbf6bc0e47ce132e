namespace BuyerMessaging;

/// <summary>One page of an inbox query.</summary>
/// <param name="Items">The conversations.</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record InboxPage(IReadOnlyList<Conversation> Items, string? NextCursor);
