namespace BuyerMessaging;

/// <summary>What applying rules did (or, in a dry run, would do) to one existing conversation.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="MatchedRules">The rules that matched its latest buyer message.</param>
/// <param name="Changes">The changes, with actor "rule:NAME"; empty when nothing changed.</param>
public sealed record RuleApplication(ConversationId ConversationId, IReadOnlyList<RuleId> MatchedRules, IReadOnlyList<ConversationChange> Changes);
