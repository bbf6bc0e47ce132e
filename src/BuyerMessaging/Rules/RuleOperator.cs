namespace BuyerMessaging;

/// <summary>
/// How a <see cref="RuleCondition"/> compares. Text operators compare after <see cref="TextFolding.Fold"/> (Unicode NFKC and
/// lower case), so case, full-width and half-width forms do not matter: 「ＡＢＣ」 matches "abc".
/// </summary>
public enum RuleOperator
{
    /// <summary>The text contains the value.</summary>
    Contains,

    /// <summary>The text does not contain the value.</summary>
    DoesNotContain,

    /// <summary>The text starts with the value.</summary>
    StartsWith,

    /// <summary>The text ends with the value.</summary>
    EndsWith,

    /// <summary>The text equals the value.</summary>
    EqualTo,

    /// <summary>
    /// The text matches the value as a .NET regular expression (case-insensitive, culture-invariant, run on the folded text
    /// with a time-out; a time-out counts as no match).
    /// </summary>
    Matches,

    /// <summary>The value of a list field is one of <see cref="RuleCondition.Values"/>.</summary>
    IsOneOf,

    /// <summary>A yes/no field equals <see cref="RuleCondition.Value"/> ("true" or "false").</summary>
    Is,
}
