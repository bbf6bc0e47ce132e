using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The response-time rule of a channel. Amazon channels use <see cref="Amazon"/>: 24 hours of elapsed time, counting
/// nights, weekends and holidays. Support mailboxes use their promised response time in business time on a
/// <see cref="BusinessCalendar"/>.
/// </summary>
/// <remarks>
/// The clock starts when a buyer message arrives, stops when the seller replies or a person marks "no reply needed",
/// pauses while the conversation awaits the buyer (or is resolved) and resumes with the time that was left; a new
/// buyer message starts it again. Validated when saved (see <see cref="ChannelPolicies"/>).
/// </remarks>
public sealed record SlaPolicy
{
    /// <summary>Gets Amazon's rule: 24 hours of elapsed time; an auto-reply does not stop the clock.</summary>
    public static SlaPolicy Amazon { get; } = new();

    /// <summary>Gets how the response time is measured.</summary>
    /// <value>The default value is <see cref="SlaClockKind.WallClock"/>.</value>
    public SlaClockKind Clock { get; init; } = SlaClockKind.WallClock;

    /// <summary>Gets the response time.</summary>
    /// <value>The default value is 24 hours.</value>
    public Duration ResponseTime { get; init; } = Duration.FromHours(24);

    /// <summary>Gets the calendar business time is measured on; required with <see cref="SlaClockKind.BusinessTime"/>.</summary>
    public BusinessCalendar? Calendar { get; init; }

    /// <summary>Gets a value indicating whether an auto-reply the SDK sends stops the clock.</summary>
    /// <value>The default value is <see langword="false"/>: Amazon does not count an automated answer as a response.</value>
    public bool AutoReplyStopsClock { get; init; }

    /// <summary>Gets how long before the due instant the "breach soon" event is raised; zero for none.</summary>
    /// <value>The default value is 4 hours.</value>
    public Duration DueSoonThreshold { get; init; } = Duration.FromHours(4);

    /// <summary>Creates a business-time policy.</summary>
    /// <param name="calendar">The business calendar.</param>
    /// <param name="responseTime">The promised response time, in business time.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static SlaPolicy BusinessHours(BusinessCalendar calendar, Duration responseTime)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new() { Clock = SlaClockKind.BusinessTime, Calendar = calendar, ResponseTime = responseTime };
    }

    /// <summary>Returns the instant an answer is due when the clock starts at <paramref name="start"/>.</summary>
    /// <param name="start">When the buyer message arrived.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="InvalidOperationException">The policy is not valid.</exception>
    public Instant ComputeDueAt(Instant start) => Add(start, ResponseTime);

    /// <summary>
    /// Returns the time left at <paramref name="now"/> before <paramref name="dueAt"/>, measured as the policy measures
    /// (business time on a calendar); negative (elapsed overdue time) once past it. This is what a pause keeps.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="dueAt">The due instant.</param>
    /// <returns>The time left.</returns>
    public Duration RemainingAt(Instant now, Instant dueAt)
    {
        if (now >= dueAt)
        {
            return dueAt - now;
        }

        return Clock == SlaClockKind.BusinessTime && Calendar is { } calendar ? calendar.GetBusinessTime(now, dueAt) : dueAt - now;
    }

    /// <summary>Returns the due instant of a clock that resumes at <paramref name="now"/> with <paramref name="remaining"/> left.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="remaining">What <see cref="RemainingAt"/> returned when the clock paused.</param>
    /// <returns>The due instant; in the past when the clock was overdue.</returns>
    public Instant ResumeAt(Instant now, Duration remaining) => remaining <= Duration.Zero ? now + remaining : Add(now, remaining);

    /// <summary>Returns the policy's failing members, each path starting with <paramref name="path"/>.</summary>
    /// <param name="path">The path of the policy, for example "Sla".</param>
    /// <returns>The errors; empty when valid.</returns>
    public IReadOnlyList<ValidationError> Validate(string path = nameof(SlaPolicy))
    {
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(Clock))
        {
            errors.Add(new($"{path}.{nameof(Clock)}", $"'{Clock}' is not a clock kind."));
        }

        if (ResponseTime <= Duration.Zero)
        {
            errors.Add(new($"{path}.{nameof(ResponseTime)}", "The response time must be positive."));
        }

        if (Clock == SlaClockKind.BusinessTime && Calendar is null)
        {
            errors.Add(new($"{path}.{nameof(Calendar)}", "A business-time policy needs a calendar."));
        }

        if (DueSoonThreshold < Duration.Zero)
        {
            errors.Add(new($"{path}.{nameof(DueSoonThreshold)}", "The threshold must not be negative."));
        }

        return errors;
    }

    private Instant Add(Instant start, Duration amount)
    {
        if (Clock == SlaClockKind.WallClock)
        {
            return start + amount;
        }

        var calendar = Calendar ?? throw new InvalidOperationException("A business-time SLA policy needs a calendar.");
        return calendar.AddBusinessTime(start, amount);
    }
}
