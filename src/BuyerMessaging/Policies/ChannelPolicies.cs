using System.Globalization;

namespace BuyerMessaging;

/// <summary>
/// The time policies of one channel, kept in the store: the SLA rule, the auto-reply and smart reply. A missing policy
/// takes its default: Amazon channels <see cref="SlaPolicy.Amazon"/>; mailboxes with a
/// <see cref="Channel.PromisedResponseTime"/> that time in business time on the default business hours
/// (<see cref="InboxAutomationOptions.DefaultBusinessHours"/>) in the channel's zone; no auto-reply; no smart reply.
/// </summary>
public sealed record ChannelPolicies
{
    /// <summary>Gets the channel.</summary>
    public required ChannelId ChannelId { get; init; }

    /// <summary>Gets the SLA rule, or <see langword="null"/> for the channel's default.</summary>
    public SlaPolicy? Sla { get; init; }

    /// <summary>Gets the auto-reply, or <see langword="null"/> for none.</summary>
    public AutoReplyPolicy? AutoReply { get; init; }

    /// <summary>Gets smart reply, or <see langword="null"/> for none.</summary>
    public SmartReplyPolicy? SmartReply { get; init; }

    /// <summary>Throws when a policy is invalid, listing every failing member.</summary>
    /// <remarks>
    /// Checks each policy on its own; <see cref="PolicyDirectory.SaveAsync"/> also checks the automatic replies'
    /// templates against the channel.
    /// </remarks>
    /// <exception cref="DefinitionValidationException">A policy is invalid.</exception>
    public void Validate()
    {
        var errors = Errors(null, null, null);
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Policies of channel '{ChannelId}'", errors);
        }
    }

    /// <summary>The ids of the templates the automatic replies name.</summary>
    internal IEnumerable<TemplateId> TemplateIds() => References().Select(r => r.Id);

    /// <summary>
    /// The templates the automatic replies name, each with its member path (<c>AutoReply.FirstContact.Default</c>,
    /// <c>AutoReply.FollowUp.ByMessageType[ReturnRequest]</c>, <c>SmartReply.Templates[1]</c>), enabled or paused.
    /// </summary>
    internal IEnumerable<(string Member, TemplateId Id)> References() =>
        (AutoReply?.References() ?? []).Select(r => ($"{nameof(AutoReply)}.{r.Member}", r.Id))
        .Concat((SmartReply?.Templates ?? []).Select((id, i) => (string.Create(CultureInfo.InvariantCulture, $"{nameof(SmartReply)}.{nameof(SmartReplyPolicy.Templates)}[{i}]"), id)));

    /// <summary>
    /// The policies without a template (see <see cref="AutoReplyPolicy.Without"/>; a smart reply left with no template is
    /// paused too), and the policies that were paused for it (<c>AutoReply</c>, <c>SmartReply</c>).
    /// </summary>
    internal (ChannelPolicies Policies, List<string> Paused) Without(TemplateId id)
    {
        var paused = new List<string>();
        var autoReply = AutoReply?.Without(id);
        if (AutoReply is { Enabled: true } && autoReply is { Enabled: false })
        {
            paused.Add(nameof(AutoReply));
        }

        var smartReply = SmartReply is null ? null : SmartReply with { Templates = [.. (SmartReply.Templates ?? []).Where(t => t != id)] };
        if (smartReply is { Enabled: true, Templates.Count: 0 })
        {
            smartReply = smartReply with { Enabled = false };
            paused.Add(nameof(SmartReply));
        }

        return (this with { AutoReply = autoReply, SmartReply = smartReply }, paused);
    }

    /// <summary>
    /// Returns every failing member. With <paramref name="templates"/> and <paramref name="channel"/>, the templates of an
    /// automatic reply are checked too (<see cref="AutoReplyPolicy.Validate(IReadOnlyDictionary{TemplateId, Template}, Channel, string)"/>,
    /// <see cref="SmartReplyPolicy.Validate(IReadOnlyDictionary{TemplateId, Template}, Channel, string)"/>) when it is
    /// enabled or names other templates than in <paramref name="saved"/>: a paused policy whose template was deleted
    /// since can still be paused and edited, but not resumed or given templates that are not valid.
    /// </summary>
    internal List<ValidationError> Errors(IReadOnlyDictionary<TemplateId, Template>? templates, Channel? channel, ChannelPolicies? saved)
    {
        var errors = new List<ValidationError>();
        if (Sla is not null)
        {
            errors.AddRange(Sla.Validate(nameof(Sla)));
        }

        if (AutoReply is not null)
        {
            errors.AddRange(templates is not null && channel is not null && (AutoReply.Enabled || !AutoReply.SameTemplatesAs(saved?.AutoReply))
                ? AutoReply.Validate(templates, channel, nameof(AutoReply))
                : AutoReply.Validate(nameof(AutoReply)));
        }

        if (SmartReply is not null)
        {
            var before = saved?.SmartReply;
            var changed = before is null || before.Language != SmartReply.Language || !(before.Templates ?? []).SequenceEqual(SmartReply.Templates ?? []);
            errors.AddRange(templates is not null && channel is not null && (SmartReply.Enabled || changed)
                ? SmartReply.Validate(templates, channel, nameof(SmartReply))
                : SmartReply.Validate(nameof(SmartReply)));
        }

        return errors;
    }
}
