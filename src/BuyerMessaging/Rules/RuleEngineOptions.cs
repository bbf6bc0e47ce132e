namespace BuyerMessaging;

/// <summary>Options of the <see cref="RuleEngine"/>.</summary>
public sealed class RuleEngineOptions
{
    /// <summary>Gets or sets how long one regular-expression condition may run on one message; a time-out counts as no match. Must be
    /// more than zero and at most 10 seconds.</summary>
    /// <value>The default value is 50 milliseconds.</value>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(50);
}
