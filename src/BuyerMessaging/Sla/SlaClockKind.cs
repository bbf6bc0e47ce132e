namespace BuyerMessaging;

/// <summary>How an <see cref="SlaPolicy"/> measures the response time.</summary>
public enum SlaClockKind
{
    /// <summary>Elapsed time that counts nights, weekends and holidays (Amazon's 24-hour rule).</summary>
    WallClock,

    /// <summary>Business time on a <see cref="BusinessCalendar"/> (support mailboxes' promised response time).</summary>
    BusinessTime,
}
