namespace BuyerMessaging;

/// <summary>The result of applying rules to existing conversations.</summary>
/// <param name="Examined">How many conversations the query selected.</param>
/// <param name="Changed">How many conversations changed (or would change, in a dry run).</param>
/// <param name="Conversations">Every selected conversation that at least one rule matched.</param>
/// <param name="DryRun">Whether nothing was saved.</param>
public sealed record RuleApplyResult(int Examined, int Changed, IReadOnlyList<RuleApplication> Conversations, bool DryRun);
