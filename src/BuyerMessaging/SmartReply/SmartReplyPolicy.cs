using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Smart reply (スマートカスタマーサービス) of a channel: each buyer message is matched against up to
/// <see cref="MaxTemplates"/> templates by an <see cref="ITemplateMatcher"/>. A match is announced at once
/// (<see cref="InboxEventKind.TemplateMatched"/>) and the template is sent <see cref="ReplyAfter"/> after the first buyer
/// message left unanswered arrived (Amazon's 24 hours run from that one), unless a person replies or resolves first. A
/// buyer message that arrives while the reply to an earlier one is still to be matched or sent supersedes it (the newer
/// message is matched and answered) but not its time; a follow-up to a message whose match failed counts from that
/// message too; after a seller's reply or "no reply needed", from the first message after it. A reply that
/// falls due after its template was paused, deleted or taken out of the policy, the policy paused or the channel
/// disabled is skipped with the reason (see <see cref="WorkQueueWorker"/>). A failed match marks the conversation "no auto-reply", moves it
/// to the "match failed" folder and raises <see cref="InboxEventKind.MatchFailed"/>, so that a person answers within
/// Amazon's 24 hours.
/// </summary>
public sealed record SmartReplyPolicy
{
    /// <summary>The most templates a policy may match against.</summary>
    public const int MaxTemplates = 10;

    /// <summary>Gets the longest <see cref="ReplyAfter"/>: 7 days.</summary>
    public static Duration MaxReplyAfter { get; } = Duration.FromDays(7);

    /// <summary>Gets the name the seller gives this smart-reply setting, if any.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the language (BCP-47) of the setting: its templates and the channel it serves must be in it; <see langword="null"/> to take the templates' language.</summary>
    public string? Language { get; init; }

    /// <summary>Gets a value indicating whether smart reply is on (<see langword="false"/>: paused).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the templates to match against (1 to <see cref="MaxTemplates"/>).</summary>
    public IReadOnlyList<TemplateId> Templates { get; init; } = [];

    /// <summary>Gets how long after the first unanswered buyer message arrived the matched template is sent; a reply already scheduled keeps its time when this changes.</summary>
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

        if (ReplyAfter < Duration.Zero || ReplyAfter > MaxReplyAfter)
        {
            errors.Add(new($"{path}.{nameof(ReplyAfter)}", "The reply delay must be between 0 and 7 days."));
        }

        return errors;
    }

    /// <summary>
    /// Checks the policy against the templates it names and the channel it serves: everything the language-only overload
    /// checks, and every template must be usable on the channel: of the channel's store (or of no store), and listing
    /// the channel when it lists channels.
    /// </summary>
    /// <param name="templates">The templates found for <see cref="Templates"/>, by id.</param>
    /// <param name="channel">The channel the policy serves.</param>
    /// <param name="path">The path of the policy, for example "SmartReply".</param>
    /// <returns>The errors, each naming the failing member; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> or <paramref name="channel"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ValidationError> Validate(IReadOnlyDictionary<TemplateId, Template> templates, Channel channel, string path = nameof(SmartReplyPolicy))
    {
        ArgumentNullException.ThrowIfNull(channel);
        var errors = new List<ValidationError>(Validate(templates, channel.Language, path));
        for (var i = 0; i < (Templates?.Count ?? 0); i++)
        {
            if (templates.TryGetValue(Templates![i], out var template) && template.UnusableOn(channel) is { } reason)
            {
                errors.Add(new($"{path}.{nameof(Templates)}[{i}]", reason));
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks the policy against the templates it names and the channel it serves: every template must exist and be
    /// written in the policy's language (or, without one, all in one language), and so must the channel.
    /// </summary>
    /// <param name="templates">The templates found for <see cref="Templates"/>, by id.</param>
    /// <param name="channelLanguage">The language of the channel the policy serves, if known.</param>
    /// <param name="path">The path of the policy, for example "SmartReply".</param>
    /// <returns>The errors, each naming the failing member; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ValidationError> Validate(IReadOnlyDictionary<TemplateId, Template> templates, string? channelLanguage, string path = nameof(SmartReplyPolicy))
    {
        ArgumentNullException.ThrowIfNull(templates);
        var errors = new List<ValidationError>(Validate(path));
        var language = Language is { } own ? LanguageTags.Primary(own) : null;
        for (var i = 0; i < (Templates?.Count ?? 0); i++)
        {
            var id = Templates![i];
            if (!templates.TryGetValue(id, out var template))
            {
                errors.Add(new($"{path}.{nameof(Templates)}[{i}]", $"Template '{id}' does not exist."));
                continue;
            }

            var templateLanguage = LanguageTags.Primary(template.Language);
            language ??= templateLanguage;
            if (templateLanguage != language)
            {
                errors.Add(new($"{path}.{nameof(Templates)}[{i}]", $"Template '{id}' is in '{template.Language}', not in the smart reply's language '{language}'."));
            }
        }

        if (language is not null && channelLanguage is not null && LanguageTags.Primary(channelLanguage) != language)
        {
            errors.Add(new($"{path}.{nameof(Language)}", $"The channel's language '{channelLanguage}' is not the smart reply's language '{language}'."));
        }

        return errors;
    }
}
