namespace BuyerMessaging;

/// <summary>What happened to one rule in a dry run.</summary>
public enum RuleTraceStatus
{
    /// <summary>The rule's scope and conditions held; its actions were applied.</summary>
    Matched,

    /// <summary>The rule's scope held but its conditions did not.</summary>
    NotMatched,

    /// <summary>The rule is disabled.</summary>
    Disabled,

    /// <summary>The message is outside the rule's scope (store, channel or marketplace).</summary>
    OutOfScope,

    /// <summary>An earlier rule stopped processing, so the rule did not run.</summary>
    NotReached,
}
