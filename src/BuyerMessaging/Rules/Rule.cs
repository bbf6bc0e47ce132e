namespace BuyerMessaging;

/// <summary>
/// An inbox rule (ルール): when a buyer message in the rule's <see cref="Scope"/> meets its <see cref="Conditions"/>
/// (all of them or any, see <see cref="MatchMode"/>), the <see cref="Actions"/> are applied to its conversation.
/// </summary>
/// <remarks>
/// <para>Semantics (see <see cref="RuleEngine"/>): rules run once per incoming message, in ascending
/// <see cref="Order"/> (then by id); every enabled rule whose scope and conditions hold contributes its actions; when
/// two rules act on the same field (folder, status, assignee, "no reply needed") the later rule wins, unless an earlier
/// matching rule has <see cref="StopProcessing"/>, which ends the run; tags add up. Conditions are evaluated on the message
/// as it arrived, never on the effects of other rules, and actions never trigger rules, so rules cannot loop.</para>
/// <para>A rule without conditions matches every message in its scope.</para>
/// </remarks>
public sealed record Rule
{
    /// <summary>The longest rule name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Gets the rule's identifier.</summary>
    public required RuleId Id { get; init; }

    /// <summary>Gets the rule's name; history entries name it as "rule:NAME".</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether the rule is enabled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the position of the rule: rules run in ascending order, then by id.</summary>
    public int Order { get; init; }

    /// <summary>Gets the stores, channels and marketplaces the rule applies to.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Everywhere;

    /// <summary>Gets how the conditions combine.</summary>
    public RuleMatchMode MatchMode { get; init; } = RuleMatchMode.All;

    /// <summary>Gets the conditions.</summary>
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];

    /// <summary>Gets the actions, applied in order.</summary>
    public IReadOnlyList<RuleAction> Actions { get; init; } = [];

    /// <summary>Gets a value indicating whether later rules are skipped when this rule matches ("stop processing later rules").</summary>
    public bool StopProcessing { get; init; }
}
