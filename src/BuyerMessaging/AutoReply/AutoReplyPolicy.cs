using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The auto-reply (自動返信) of a channel: while a buyer message arrives inside <see cref="Schedule"/>, a template reply
/// goes out after a random delay between <see cref="MinDelayMinutes"/> and <see cref="MaxDelayMinutes"/> (so that
/// Amazon does not take it for a robot), unless a person answers, resolves or marks "no reply needed" first.
/// </summary>
/// <remarks>
/// <para>Never answers mail marked Auto-Submitted (other than "no"), no-reply, mailer-daemon and postmaster senders,
/// mailing-list or bulk mail, or the seller's own addresses; at most one auto-reply per conversation per
/// <see cref="ConversationCooldown"/> and per buyer per <see cref="BuyerCooldown"/>. Auto-replies are sent with
/// <c>Auto-Submitted: auto-replied</c>.</para>
/// <para><see cref="FirstContact"/> answers a buyer the seller has not replied to yet in the conversation (初回);
/// <see cref="FollowUp"/> answers a buyer who writes again after a reply (2回目以降). Validated when saved (see
/// <see cref="ChannelPolicies"/>).</para>
/// <para>A scheduled auto-reply is checked again when it falls due: it is skipped, with the reason kept, when the policy
/// was paused or no longer names its template, the template was paused, deleted or made unusable on the channel, or
/// the channel was disabled (see <see cref="WorkQueueWorker"/>).</para>
/// </remarks>
public sealed record AutoReplyPolicy
{
    /// <summary>The largest delay, in minutes.</summary>
    public const int MaxDelayLimit = 60;

    /// <summary>Gets a value indicating whether the policy is enabled (有効) or paused (停止中).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets when auto-replies apply (zone, weekly windows, fixed date ranges).</summary>
    public required AutoReplySchedule Schedule { get; init; }

    /// <summary>Gets the smallest delay after the buyer message arrived, in minutes (0 to 60).</summary>
    /// <value>The default value is 5.</value>
    public int MinDelayMinutes { get; init; } = 5;

    /// <summary>Gets the largest delay after the buyer message arrived, in minutes (0 to 60, at least <see cref="MinDelayMinutes"/>).</summary>
    /// <value>The default value is 30.</value>
    public int MaxDelayMinutes { get; init; } = 30;

    /// <summary>Gets the templates for a buyer's first contact.</summary>
    public TemplateSelection FirstContact { get; init; } = new();

    /// <summary>Gets the templates for a buyer who writes again after the seller replied.</summary>
    public TemplateSelection FollowUp { get; init; } = new();

    /// <summary>
    /// Gets the shortest time between two auto-replies in one conversation, counted from when the earlier one was
    /// scheduled; auto-replies that were cancelled or failed do not count.
    /// </summary>
    /// <value>The default value is 24 hours.</value>
    public Duration ConversationCooldown { get; init; } = Duration.FromHours(24);

    /// <summary>Gets the shortest time between two auto-replies to one buyer (across conversations of a store).</summary>
    /// <value>The default value is 24 hours.</value>
    public Duration BuyerCooldown { get; init; } = Duration.FromHours(24);

    /// <summary>Returns the reply delay for a random draw.</summary>
    /// <param name="random">A number in [0, 1) from the injected randomizer.</param>
    /// <returns>The delay, in whole seconds, between the minimum (inclusive) and the maximum.</returns>
    public Duration DelayFor(double random)
    {
        var clamped = double.IsNaN(random) ? 0 : Math.Clamp(random, 0, 1);
        var seconds = (MinDelayMinutes * 60) + (long)Math.Floor((MaxDelayMinutes - MinDelayMinutes) * 60 * clamped);
        return Duration.FromSeconds(Math.Min(seconds, MaxDelayMinutes * 60L));
    }

    /// <summary>Returns the policy's failing members, each path starting with <paramref name="path"/>.</summary>
    /// <param name="path">The path of the policy, for example "AutoReply".</param>
    /// <returns>The errors; empty when valid.</returns>
    public IReadOnlyList<ValidationError> Validate(string path = nameof(AutoReplyPolicy))
    {
        var errors = new List<ValidationError>();
        if (Schedule is null)
        {
            errors.Add(new($"{path}.{nameof(Schedule)}", "The schedule is required."));
        }
        else if (Enabled && Schedule.IsEmpty)
        {
            errors.Add(new($"{path}.{nameof(Schedule)}", "An enabled auto-reply needs at least one window or date range."));
        }

        if (MinDelayMinutes is < 0 or > MaxDelayLimit)
        {
            errors.Add(new($"{path}.{nameof(MinDelayMinutes)}", $"The delay must be between 0 and {MaxDelayLimit} minutes."));
        }

        if (MaxDelayMinutes is < 0 or > MaxDelayLimit)
        {
            errors.Add(new($"{path}.{nameof(MaxDelayMinutes)}", $"The delay must be between 0 and {MaxDelayLimit} minutes."));
        }
        else if (MaxDelayMinutes < MinDelayMinutes)
        {
            errors.Add(new($"{path}.{nameof(MaxDelayMinutes)}", $"The largest delay must not be smaller than the smallest ({MinDelayMinutes})."));
        }

        if (FirstContact is null || FollowUp is null)
        {
            errors.Add(new($"{path}.{(FirstContact is null ? nameof(FirstContact) : nameof(FollowUp))}", "The template selection is required."));
        }
        else if (Enabled && FirstContact.IsEmpty && FollowUp.IsEmpty)
        {
            errors.Add(new($"{path}.{nameof(FirstContact)}", "An enabled auto-reply needs a first-contact or a follow-up template."));
        }

        if (ConversationCooldown < Duration.Zero)
        {
            errors.Add(new($"{path}.{nameof(ConversationCooldown)}", "The cool-down must not be negative."));
        }

        if (BuyerCooldown < Duration.Zero)
        {
            errors.Add(new($"{path}.{nameof(BuyerCooldown)}", "The cool-down must not be negative."));
        }

        return errors;
    }

    /// <summary>
    /// Checks the policy against the templates it names and the channel it serves: everything the other overload checks,
    /// and every template of <see cref="FirstContact"/> and <see cref="FollowUp"/> must exist and be usable on the channel:
    /// of the channel's store (or of no store), and listing the channel when it lists channels. The template's language
    /// and paused state are not checked: an auto-reply goes to every buyer of the channel whatever their language, and a
    /// template can be paused at any time after the policy is saved.
    /// </summary>
    /// <param name="templates">The templates found for the ids the policy names, by id.</param>
    /// <param name="channel">The channel the policy serves.</param>
    /// <param name="path">The path of the policy, for example "AutoReply".</param>
    /// <returns>The errors, each naming the failing member ("AutoReply.FirstContact.ByMessageType[ReturnRequest]"); empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> or <paramref name="channel"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ValidationError> Validate(IReadOnlyDictionary<TemplateId, Template> templates, Channel channel, string path = nameof(AutoReplyPolicy))
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(channel);
        var errors = new List<ValidationError>(Validate(path));
        Check(nameof(FirstContact), FirstContact);
        Check(nameof(FollowUp), FollowUp);
        return errors;

        void Check(string member, TemplateSelection? selection)
        {
            foreach (var (reference, id) in selection?.References() ?? [])
            {
                var reason = templates.TryGetValue(id, out var template) ? template.UnusableOn(channel) : $"Template '{id}' does not exist.";
                if (reason is not null)
                {
                    errors.Add(new($"{path}.{member}.{reference}", reason));
                }
            }
        }
    }

    /// <summary>The templates the policy names, each with its member path: <c>FirstContact.Default</c>, <c>FollowUp.ByMessageType[Type]</c>….</summary>
    internal IEnumerable<(string Member, TemplateId Id)> References() =>
        (FirstContact?.References() ?? []).Select(r => ($"{nameof(FirstContact)}.{r.Member}", r.Id))
        .Concat((FollowUp?.References() ?? []).Select(r => ($"{nameof(FollowUp)}.{r.Member}", r.Id)));

    /// <summary>
    /// The policy without a template: it is taken out of every selection (a message type that had it falls back to the
    /// default); an enabled policy left with no template at all is paused, since it would have nothing to send.
    /// </summary>
    internal AutoReplyPolicy Without(TemplateId id)
    {
        var policy = this with { FirstContact = FirstContact?.Without(id)!, FollowUp = FollowUp?.Without(id)! };
        return policy.Enabled && (policy.FirstContact?.IsEmpty ?? true) && (policy.FollowUp?.IsEmpty ?? true) ? policy with { Enabled = false } : policy;
    }

    /// <summary>Whether another policy names the same templates for the same cases.</summary>
    internal bool SameTemplatesAs(AutoReplyPolicy? other) =>
        other is not null && (FirstContact?.SameAs(other.FirstContact) ?? other.FirstContact is null) && (FollowUp?.SameAs(other.FollowUp) ?? other.FollowUp is null);
}
