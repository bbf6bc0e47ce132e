using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Smart reply (スマートカスタマーサービス) of a channel: each buyer message is matched against up to
/// <see cref="MaxTemplates"/> templates by an <see cref="ITemplateMatcher"/>. A match is announced at once
/// (<see cref="InboxEventKind.TemplateMatched"/>) and the template is sent <see cref="ReplyAfter"/> after the message
/// arrived, unless a person replies or resolves first. A failed match marks the conversation "no auto-reply", moves it
/// to the "match failed" folder and raises <see cref="InboxEventKind.MatchFailed"/>, so that a person answers within
/// Amazon's 24 hours.
/// </summary>
public sealed record SmartReplyPolicy
{
    /// <summary>The most templates a policy may match against.</summary>
    public const int MaxTemplates = 10;

    /// <summary>Gets a value indicating whether smart reply is on.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the templates to match against (1 to <see cref="MaxTemplates"/>).</summary>
    public IReadOnlyList<TemplateId> Templates { get; init; } = [];

    /// <summary>Gets how long after the buyer message arrived the matched template is sent.</summary>
    /// <value>The default value is 18 hours.</value>
    public Duration ReplyAfter { get; init; } = Duration.FromHours(18);

    /// <summary>Returns the policy's failing members, each path starting with <paramref name="path"/>.</summary>
    /// <param name="path">The path of the policy, for example "SmartReply".</param>
    /// <returns>The errors; empty when valid.</returns>
    public IReadOnlyList<ValidationError> Validate(string path = nameof(SmartReplyPolicy))
    {
        var errors = new List<ValidationError>();
        if (Templates is null || (Enabled && Templates.Count == 0))
        {
            errors.Add(new($"{path}.{nameof(Templates)}", "Smart reply needs at least one template."));
        }
        else if (Templates.Count > MaxTemplates)
        {
            errors.Add(new($"{path}.{nameof(Templates)}", $"Smart reply matches against at most {MaxTemplates} templates; {Templates.Count} were given."));
        }
        else if (Templates.Distinct().Count() != Templates.Count)
        {
            errors.Add(new($"{path}.{nameof(Templates)}", "A template is listed twice."));
        }

        if (ReplyAfter < Duration.Zero || ReplyAfter > Duration.FromDays(7))
        {
            errors.Add(new($"{path}.{nameof(ReplyAfter)}", "The reply delay must be between 0 and 7 days."));
        }

        return errors;
    }
}
