namespace BuyerMessaging;

/// <summary>The result of a dry run: the outcome, and for every rule what happened and why.</summary>
/// <param name="Outcome">What the rules decide (the same as <see cref="CompiledRuleSet.Evaluate"/>).</param>
/// <param name="Rules">Every rule in running order.</param>
public sealed record RuleDryRun(RuleOutcome Outcome, IReadOnlyList<RuleTrace> Rules);
