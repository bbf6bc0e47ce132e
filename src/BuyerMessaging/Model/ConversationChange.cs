using NodaTime;

namespace BuyerMessaging;

/// <summary>One entry of a conversation's append-only history: what changed, from what, to what, by whom, when.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="At">When the change happened.</param>
/// <param name="Actor">Who made it: an agent id, "system", or "rule:NAME".</param>
/// <param name="What">What changed (see <see cref="ChangeKinds"/>).</param>
/// <param name="From">The value before, or <see langword="null"/>.</param>
/// <param name="To">The value after, or <see langword="null"/>.</param>
public sealed record ConversationChange(ConversationId ConversationId, Instant At, string Actor, string What, string? From, string? To);
