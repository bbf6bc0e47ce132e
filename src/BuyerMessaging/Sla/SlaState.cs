namespace BuyerMessaging;

/// <summary>The SLA state shown in the inbox's remaining-time column (残り時間).</summary>
public enum SlaState
{
    /// <summary>No answer is due (replied, resolved, "no reply needed", or the channel has no response-time rule): blank.</summary>
    None,

    /// <summary>Inside the window: the hours left are shown (残りXX時間, green).</summary>
    Remaining,

    /// <summary>Past the due instant: overdue by days and hours (期限切れ+X日, orange).</summary>
    Overdue,

    /// <summary>The conversation awaits the buyer (the clock is paused): blank.</summary>
    AwaitingBuyer,
}
