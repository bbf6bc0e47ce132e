namespace BuyerMessaging;

/// <summary>One rule in a dry run.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleName">Its name.</param>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Conditions">Every condition with whether it held and why; empty when the rule did not run (disabled, out of scope, not reached).</param>
public sealed record RuleTrace(RuleId RuleId, string RuleName, RuleTraceStatus Status, string Reason, IReadOnlyList<ConditionTrace> Conditions);
