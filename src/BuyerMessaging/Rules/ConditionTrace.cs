namespace BuyerMessaging;

/// <summary>One condition of a rule in a dry run: whether it held, and why, in words.</summary>
/// <param name="Index">The condition's index in <see cref="Rule.Conditions"/>.</param>
/// <param name="Condition">The condition.</param>
/// <param name="Held">Whether it held.</param>
/// <param name="Reason">Why, for example <c>subject "Where is my order?" does not contain "配達"</c>.</param>
public sealed record ConditionTrace(int Index, RuleCondition Condition, bool Held, string Reason);
