using System.Globalization;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// What the inbox's remaining-time column shows for a conversation at an instant, the way BigCentral shows it:
/// the whole hours left while inside the window (残りXX時間), overdue by days and hours once past it
/// (期限切れ+X日(Y時間)), blank while awaiting the buyer or when no answer is due.
/// </summary>
/// <param name="State">The state.</param>
/// <param name="DueAt">The due instant, if the clock runs.</param>
/// <param name="Left">The time left (positive) or overdue (negative); zero when the clock does not run.</param>
public readonly record struct SlaIndicator(SlaState State, Instant? DueAt, Duration Left)
{
    /// <summary>Gets the whole hours left (rounded down) while <see cref="SlaState.Remaining"/>; otherwise 0.</summary>
    public int HoursLeft => State == SlaState.Remaining ? (int)Math.Floor(Left.TotalHours) : 0;

    /// <summary>Gets the whole days overdue while <see cref="SlaState.Overdue"/>; otherwise 0.</summary>
    public int DaysOverdue => State == SlaState.Overdue ? (int)Math.Floor((-Left).TotalDays) : 0;

    /// <summary>Gets the whole hours overdue beyond <see cref="DaysOverdue"/> while <see cref="SlaState.Overdue"/>; otherwise 0.</summary>
    public int HoursOverdue => State == SlaState.Overdue ? (int)Math.Floor((-Left - Duration.FromDays(DaysOverdue)).TotalHours) : 0;

    /// <summary>Returns the indicator of a conversation at an instant.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="now">The current instant, from the injected clock.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is <see langword="null"/>.</exception>
    public static SlaIndicator Of(Conversation conversation, Instant now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.SlaDueAt is { } due)
        {
            return new(due > now ? SlaState.Remaining : SlaState.Overdue, due, due - now);
        }

        // A resolved conversation keeps what was left of its clock (it resumes if the buyer writes again), but it awaits nobody.
        return conversation.Status != ConversationStatus.Resolved
            && (conversation.SlaPausedRemaining is not null || conversation.Status == ConversationStatus.AwaitingBuyer)
            ? new(SlaState.AwaitingBuyer, null, Duration.Zero)
            : new(SlaState.None, null, Duration.Zero);
    }

    /// <summary>Returns the column's text in English: "5h left", "+1d 2h overdue", or empty.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format("en");

    /// <summary>Returns the column's text in a language: "ja" gives BigCentral's 残り5時間 / 期限切れ+1日(2時間); anything else English.</summary>
    /// <param name="language">The BCP-47 language.</param>
    /// <returns>The text; empty when blank.</returns>
    public string Format(string? language)
    {
        var japanese = language is not null && language.StartsWith("ja", StringComparison.OrdinalIgnoreCase);
        return State switch
        {
            SlaState.Remaining => japanese
                ? string.Create(CultureInfo.InvariantCulture, $"残り{HoursLeft}時間")
                : string.Create(CultureInfo.InvariantCulture, $"{HoursLeft}h left"),
            SlaState.Overdue => japanese
                ? string.Create(CultureInfo.InvariantCulture, $"期限切れ+{DaysOverdue}日({HoursOverdue}時間)")
                : string.Create(CultureInfo.InvariantCulture, $"+{DaysOverdue}d {HoursOverdue}h overdue"),
            _ => string.Empty,
        };
    }
}
