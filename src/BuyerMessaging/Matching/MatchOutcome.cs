namespace BuyerMessaging;

/// <summary>What smart reply may do with a match.</summary>
public enum MatchOutcome
{
    /// <summary>No template is close enough (マッチング失敗): a person answers.</summary>
    Failed = 0,

    /// <summary>A template is likely but not sure enough to send: it is shown to a person, never sent automatically.</summary>
    Suggested,

    /// <summary>The confidence is at or above the auto-send threshold: the template may be sent automatically.</summary>
    Matched,
}
