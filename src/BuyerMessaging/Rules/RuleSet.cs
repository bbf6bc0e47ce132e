namespace BuyerMessaging;

/// <summary>The stored rules with the store's revision of them, which changes whenever a rule is saved or deleted.</summary>
/// <param name="Rules">The rules in running order (ascending <see cref="Rule.Order"/>, then id).</param>
/// <param name="Revision">The revision; engines cache compiled rules by it.</param>
public sealed record RuleSet(IReadOnlyList<Rule> Rules, long Revision)
{
    /// <summary>Gets an empty rule set at revision 0.</summary>
    public static RuleSet Empty { get; } = new([], 0);
}
