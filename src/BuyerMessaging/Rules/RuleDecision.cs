namespace BuyerMessaging;

/// <summary>An action that won for its field in a rule run, and the rule it came from.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleName">The rule's name (history entries name the actor "rule:NAME").</param>
/// <param name="Action">The action.</param>
public sealed record RuleDecision(RuleId RuleId, string RuleName, RuleAction Action)
{
    /// <summary>Gets the history actor of the decision: "rule:" and the rule's name.</summary>
    public string Actor => RuleEngine.ActorPrefix + RuleName;
}
