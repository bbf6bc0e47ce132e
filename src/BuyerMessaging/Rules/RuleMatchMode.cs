namespace BuyerMessaging;

/// <summary>How the conditions of a <see cref="Rule"/> combine.</summary>
public enum RuleMatchMode
{
    /// <summary>Every condition must hold (以下のすべての条件を満たす).</summary>
    All,

    /// <summary>At least one condition must hold (以下のいずれかの条件を満たす).</summary>
    Any,
}
