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
    /// <exception cref="DefinitionValidationException">A policy is invalid.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        if (Sla is not null)
        {
            errors.AddRange(Sla.Validate(nameof(Sla)));
        }

        if (AutoReply is not null)
        {
            errors.AddRange(AutoReply.Validate(nameof(AutoReply)));
        }

        if (SmartReply is not null)
        {
            errors.AddRange(SmartReply.Validate(nameof(SmartReply)));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Policies of channel '{ChannelId}'", errors);
        }
    }
}
