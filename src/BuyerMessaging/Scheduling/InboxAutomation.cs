using BuyerMessaging.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The time rules the <see cref="ConversationIngestor"/> and the <see cref="ConversationEditor"/> apply inside their
/// transactions: the SLA clock (start on a buyer message, stop on a reply or "no reply needed", pause while awaiting
/// the buyer or resolved, resume on reopening), the SLA warnings, auto-replies (window, loop protection, cool-downs,
/// random delay), smart-reply matching, the cancellation of automatic replies when a person answers, resolves or marks
/// "no reply needed", and the events. Everything it schedules is a <see cref="WorkItem"/> in the same transaction, so a
/// change and its consequences commit together; the <see cref="WorkQueueWorker"/> runs them.
/// </summary>
/// <remarks>Thread-safe; holds no state besides its configuration.</remarks>
public sealed class InboxAutomation
{
    /// <summary>The id of the folder smart reply moves unmatched conversations to.</summary>
    public static readonly FolderId MatchFailedFolderId = new("match-failed");

    internal const string SystemActor = "system";

    private readonly IDateTimeZoneProvider _zones;
    private readonly InboxAutomationOptions _options;
    private readonly WeeklySchedule _defaultHours;
    private readonly Func<double> _random;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="InboxAutomation"/> class.</summary>
    /// <param name="zones">Resolves the channels' zone ids; <see langword="null"/> for tzdb.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public InboxAutomation(IDateTimeZoneProvider? zones = null, IOptions<InboxAutomationOptions>? options = null, ILogger<InboxAutomation>? logger = null)
    {
        _zones = zones ?? DateTimeZoneProviders.Tzdb;
        _options = options?.Value ?? new InboxAutomationOptions();
        var validation = new InboxAutomationOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(string.Empty, typeof(InboxAutomationOptions), validation.Failures);
        }

        _defaultHours = WeeklySchedule.Parse(_options.DefaultBusinessHours);
        _random = _options.Randomizer ?? DefaultRandom.Next;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Gets the zone provider.</summary>
    internal IDateTimeZoneProvider Zones => _zones;

    internal InboxAutomationOptions Options => _options;

    /// <summary>Returns the SLA rule of a channel: its saved one, else the channel's default (see <see cref="ChannelPolicies"/>).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="policies">The channel's saved policies, if any.</param>
    /// <returns>The rule, or <see langword="null"/> when no answer is ever due on the channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    public SlaPolicy? GetSlaPolicy(Channel channel, ChannelPolicies? policies)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (policies?.Sla is { } saved)
        {
            return saved;
        }

        if (channel.Kind == ChannelKind.Amazon)
        {
            return SlaPolicy.Amazon;
        }

        return channel.PromisedResponseTime is { } promised && promised > Duration.Zero
            ? SlaPolicy.BusinessHours(new BusinessCalendar(ZoneOf(channel), _defaultHours), promised)
            : null;
    }

    /// <summary>Returns the zone of a channel (UTC when it names none or an unknown one).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    public DateTimeZone ZoneOf(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.TimeZoneId is { } id && _zones.GetZoneOrNull(id) is { } zone ? zone : DateTimeZone.Utc;
    }

    /// <summary>Applies a buyer message: SLA, auto-reply, smart-reply matching and the new-message event.</summary>
    internal async ValueTask<Conversation> OnInboundAsync(
        IStoreTransaction tx, Channel channel, Conversation? before, Conversation after, Message message, InboundMessage inbound, Instant now, CancellationToken cancellationToken)
    {
        var policies = await tx.GetChannelPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var sla = GetSlaPolicy(channel, policies);
        if (after.NoAutoReply)
        {
            after = after with { NoAutoReply = false };
        }

        var active = IsActive(after.Status);
        if (sla is not null && after.SlaDueAt is null && !after.NoReplyNeeded && !inbound.IsAmazonNotice)
        {
            // A paused clock (the buyer writes while the conversation awaited them) resumes with what was left, which
            // is never later than a fresh start; otherwise the clock starts at the message's arrival. When a rule put
            // the conversation aside (awaiting the buyer, resolved), the clock waits, as after the same edit by hand.
            after = active
                ? after with { SlaDueAt = after.SlaPausedRemaining is { } remaining ? sla.ResumeAt(now, remaining) : sla.ComputeDueAt(message.At), SlaPausedRemaining = null }
                : after with { SlaPausedRemaining = after.SlaPausedRemaining ?? sla.ResponseTime };
        }
        else if (!active && after.SlaDueAt is { } running)
        {
            after = after with { SlaDueAt = null, SlaPausedRemaining = sla?.RemainingAt(now, running) ?? running - now };
        }

        // A rule that resolved the conversation or marked it "no reply needed" leaves it to no automatic reply either.
        var setAside = after.Status == ConversationStatus.Resolved ? "resolved" : after.NoReplyNeeded && !inbound.IsAmazonNotice ? "marked no reply needed" : null;
        if (setAside is not null)
        {
            await tx.CancelWorkAsync(after.Id, WorkKinds.AutomaticReplies, now, setAside, cancellationToken).ConfigureAwait(false);
        }

        await RescheduleSlaAsync(tx, before, after, sla, now, cancellationToken).ConfigureAwait(false);
        await EnqueueEventAsync(tx, new InboxEvent
        {
            Id = $"new-message:{message.Id}",
            Kind = InboxEventKind.NewMessage,
            At = now,
            ConversationId = after.Id,
            ChannelId = channel.Id,
            MessageId = message.Id,
            DueAt = after.SlaDueAt,
        }, now, cancellationToken).ConfigureAwait(false);

        string? loopReason = null;
        if (setAside is null && policies?.AutoReply is { Enabled: true } autoReply && autoReply.Schedule.Contains(message.At)
            && !ArrivedTooLongAgo(after.Id, autoReply, message.At, now))
        {
            loopReason = await LoopReasonAsync(tx, inbound, cancellationToken).ConfigureAwait(false);
            await ScheduleAutoReplyAsync(tx, channel, after, message, autoReply, loopReason, now, cancellationToken).ConfigureAwait(false);
        }

        if (setAside is null && policies?.SmartReply is { Enabled: true } smart)
        {
            loopReason ??= await LoopReasonAsync(tx, inbound, cancellationToken).ConfigureAwait(false);
            if (loopReason is null)
            {
                // A newer buyer message supersedes the match and reply of an earlier one, but not its time: Amazon's
                // 24 hours run from the first unanswered message, so the reply to the newer one leaves no later than the
                // superseded one would have, and a buyer who keeps writing does not keep pushing it back.
                var replyBy = await SmartReplyDueAtAsync(tx, before, message, smart.ReplyAfter, cancellationToken).ConfigureAwait(false);
                await tx.CancelWorkAsync(after.Id, [WorkKinds.SmartMatch, WorkKinds.SmartReply], now, "superseded by a newer buyer message", cancellationToken).ConfigureAwait(false);
                await tx.EnqueueWorkAsync(
                    new NewWorkItem(WorkKinds.SmartMatch, $"{WorkKinds.SmartMatch}:{message.Id}", Payload(after.Id, message.Id, dueAt: replyBy), now) { ConversationId = after.Id },
                    now,
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return after;
    }

    /// <summary>
    /// Applies an edit: a reply stops the clock and cancels automatic replies; resolving and "no reply needed" cancel
    /// them too; awaiting the buyer or resolving pauses the clock, reopening resumes it.
    /// </summary>
    internal async ValueTask<Conversation> OnChangedAsync(IStoreTransaction tx, Conversation before, Conversation after, Instant now, CancellationToken cancellationToken)
    {
        SlaPolicy? sla = null;
        var slaLoaded = false;
        async ValueTask<SlaPolicy?> Sla()
        {
            if (!slaLoaded)
            {
                slaLoaded = true;
                var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
                if (channels.FirstOrDefault(c => c.Id == after.ChannelId) is { } channel)
                {
                    sla = GetSlaPolicy(channel, await tx.GetChannelPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false));
                }
            }

            return sla;
        }

        string? cancelReason = null;
        if (after.SellerReplyCount > before.SellerReplyCount)
        {
            after = after with { SlaDueAt = null, SlaPausedRemaining = null };
            cancelReason = "a person replied";
        }

        if (after.NoReplyNeeded && !before.NoReplyNeeded)
        {
            after = after with { SlaDueAt = null, SlaPausedRemaining = null };
            cancelReason ??= "marked no reply needed";
        }
        else if (!after.NoReplyNeeded && before.NoReplyNeeded && IsUnanswered(after) && after.SlaDueAt is null && await Sla().ConfigureAwait(false) is { } restart)
        {
            after = IsActive(after.Status)
                ? after with { SlaDueAt = restart.ComputeDueAt(now), SlaPausedRemaining = null }
                : after with { SlaPausedRemaining = restart.ResponseTime };
        }

        if (after.Status == ConversationStatus.Resolved && before.Status != ConversationStatus.Resolved)
        {
            cancelReason ??= "resolved";
        }

        if (!IsActive(after.Status) && after.SlaDueAt is { } due)
        {
            var policy = await Sla().ConfigureAwait(false);
            after = after with { SlaDueAt = null, SlaPausedRemaining = policy?.RemainingAt(now, due) ?? due - now };
        }
        else if (IsActive(after.Status) && after.SlaDueAt is null && after.SlaPausedRemaining is { } remaining && await Sla().ConfigureAwait(false) is { } resume)
        {
            after = after with { SlaDueAt = resume.ResumeAt(now, remaining), SlaPausedRemaining = null };
        }

        if (cancelReason is not null)
        {
            var cancelled = await tx.CancelWorkAsync(after.Id, WorkKinds.AutomaticReplies, now, cancelReason, cancellationToken).ConfigureAwait(false);
            if (cancelled > 0)
            {
                Log.AutomaticRepliesCancelled(_logger, after.Id, cancelled, cancelReason);
            }
        }

        if (after.SlaDueAt != before.SlaDueAt)
        {
            await RescheduleSlaAsync(tx, before, after, await Sla().ConfigureAwait(false), now, cancellationToken).ConfigureAwait(false);
        }

        return after;
    }

    /// <summary>
    /// Writes an edit of a stored conversation, as every path that edits one does (<see cref="ConversationEditor"/>,
    /// <see cref="RuleBook.ApplyAsync"/>): the next version, <paramref name="now"/> as its update time when
    /// <paramref name="touch"/> is set, the time rules of <see cref="OnChangedAsync"/>, then the row.
    /// </summary>
    /// <returns>The conversation as written.</returns>
    internal async ValueTask<Conversation> UpdateAsync(IStoreTransaction tx, Conversation before, Conversation after, Instant now, bool touch, CancellationToken cancellationToken)
    {
        after = after with { Version = before.Version + 1, UpdatedAt = touch ? now : before.UpdatedAt };
        after = await OnChangedAsync(tx, before, after, now, cancellationToken).ConfigureAwait(false);
        await tx.UpdateConversationAsync(after, cancellationToken).ConfigureAwait(false);
        return after;
    }

    internal static async ValueTask EnqueueEventAsync(IStoreTransaction tx, InboxEvent inboxEvent, Instant now, CancellationToken cancellationToken) =>
        await tx.EnqueueWorkAsync(
            new NewWorkItem(WorkKinds.Event, $"{WorkKinds.Event}:{inboxEvent.Id}", AutomationJson.Serialize(inboxEvent), now) { ConversationId = inboxEvent.ConversationId },
            now,
            cancellationToken).ConfigureAwait(false);

    internal static string Payload(ConversationId conversation, MessageId? message = null, TemplateId? template = null, Instant? dueAt = null, bool followUp = false) =>
        AutomationJson.Serialize(new AutomationPayload
        {
            ConversationId = conversation.Value,
            MessageId = message?.Value,
            TemplateId = template?.Value,
            DueAt = dueAt is { } due ? AutomationJson.Format(due) : null,
            FollowUp = followUp,
        });

    internal static bool IsActive(ConversationStatus status) => status is ConversationStatus.Open or ConversationStatus.Pending;

    internal static bool IsUnanswered(Conversation c) => c.LastOutboundAt is not { } replied || c.LastInboundAt > replied;

    internal static string BuyerCorrelationKey(Conversation c) => $"buyer:{c.StoreId}|{ThreadingKeys.BuyerKey(c.Buyer.Address)}";

    /// <summary>
    /// When the smart reply to <paramref name="message"/> is due: <paramref name="replyAfter"/> after the first buyer
    /// message left unanswered, since Amazon's 24 hours run from that one. That is <paramref name="message"/> when the
    /// conversation is new, was answered or was marked "no reply needed"; otherwise the reply time of the conversation's
    /// newest smart match since the seller's last reply, if earlier, in whatever state that match is: a pending or
    /// superseded one, and a failed one too, was counted from the first unanswered message in its turn.
    /// </summary>
    private static async ValueTask<Instant> SmartReplyDueAtAsync(IStoreTransaction tx, Conversation? before, Message message, Duration replyAfter, CancellationToken cancellationToken)
    {
        var replyBy = message.At + replyAfter;
        if (before is null || before.NoReplyNeeded || !IsUnanswered(before))
        {
            return replyBy;
        }

        var newest = await tx.QueryWorkAsync(
            new WorkItemQuery { Kinds = [WorkKinds.SmartMatch], ConversationId = before.Id, CreatedAtOrAfter = before.LastOutboundAt + Duration.Epsilon, NewestFirst = true, Limit = 1 },
            cancellationToken).ConfigureAwait(false);
        return newest is [var earlier] && AutomationJson.DeserializePayload(earlier.Payload).DueAt is { } by && AutomationJson.ParseInstant(by) is var earlierBy && earlierBy < replyBy
            ? earlierBy
            : replyBy;
    }

    private static async ValueTask RescheduleSlaAsync(IStoreTransaction tx, Conversation? before, Conversation after, SlaPolicy? sla, Instant now, CancellationToken cancellationToken)
    {
        if (before?.SlaDueAt == after.SlaDueAt)
        {
            return;
        }

        if (before?.SlaDueAt is not null)
        {
            await tx.CancelWorkAsync(after.Id, WorkKinds.SlaChecks, now, "the due instant changed", cancellationToken).ConfigureAwait(false);
        }

        if (after.SlaDueAt is not { } due)
        {
            return;
        }

        // The version makes the keys unique even if a conversation returns to an earlier due instant.
        var suffix = $"{after.Id}:{due.ToUnixTimeTicks()}:{after.Version}";
        var threshold = sla?.DueSoonThreshold ?? Duration.Zero;
        if (threshold > Duration.Zero && due > now)
        {
            var warnAt = due - threshold;
            await tx.EnqueueWorkAsync(
                new NewWorkItem(WorkKinds.SlaDueSoon, $"{WorkKinds.SlaDueSoon}:{suffix}", Payload(after.Id, dueAt: due), warnAt > now ? warnAt : now) { ConversationId = after.Id },
                now,
                cancellationToken).ConfigureAwait(false);
        }

        await tx.EnqueueWorkAsync(
            new NewWorkItem(WorkKinds.SlaBreach, $"{WorkKinds.SlaBreach}:{suffix}", Payload(after.Id, dueAt: due), due) { ConversationId = after.Id },
            now,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<string?> LoopReasonAsync(IStoreTransaction tx, InboundMessage inbound, CancellationToken cancellationToken)
    {
        var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
        var own = channels.Select(c => c.Address).OfType<string>().Concat(_options.SellerAddresses);
        return LoopProtection.Reason(inbound, own);
    }

    private bool ArrivedTooLongAgo(ConversationId conversationId, AutoReplyPolicy policy, Instant arrivedAt, Instant now)
    {
        var latest = arrivedAt + Duration.FromMinutes(policy.MaxDelayMinutes) + Duration.FromTimeSpan(_options.AutoReplyMaxLateness);
        if (now <= latest)
        {
            return false;
        }

        Log.AutoReplySkipped(_logger, conversationId, "the message arrived too long ago (a backlog)");
        return true;
    }

    private async ValueTask ScheduleAutoReplyAsync(
        IStoreTransaction tx, Channel channel, Conversation conversation, Message message, AutoReplyPolicy policy, string? loopReason, Instant now, CancellationToken cancellationToken)
    {
        if (loopReason is not null)
        {
            Log.AutoReplySkipped(_logger, conversation.Id, loopReason);
            return;
        }

        var followUp = conversation.SellerReplyCount > 0;
        if ((followUp ? policy.FollowUp : policy.FirstContact).Select(conversation.MessageType) is not { } template)
        {
            Log.AutoReplySkipped(_logger, conversation.Id, followUp ? "no follow-up template for the message type" : "no first-contact template for the message type");
            return;
        }

        WorkItemState[] live = [WorkItemState.Pending, WorkItemState.Leased, WorkItemState.Succeeded];
        if (policy.ConversationCooldown > Duration.Zero)
        {
            var recent = await tx.QueryWorkAsync(
                new WorkItemQuery { Kinds = [WorkKinds.AutoReply], ConversationId = conversation.Id, States = live, CreatedAtOrAfter = now - policy.ConversationCooldown + Duration.Epsilon, Limit = 1 },
                cancellationToken).ConfigureAwait(false);
            if (recent.Count > 0)
            {
                Log.AutoReplySkipped(_logger, conversation.Id, "the conversation's cool-down");
                return;
            }
        }

        var buyerKey = BuyerCorrelationKey(conversation);
        if (policy.BuyerCooldown > Duration.Zero)
        {
            var recent = await tx.QueryWorkAsync(
                new WorkItemQuery { Kinds = [WorkKinds.AutoReply], CorrelationKey = buyerKey, States = live, CreatedAtOrAfter = now - policy.BuyerCooldown + Duration.Epsilon, Limit = 1 },
                cancellationToken).ConfigureAwait(false);
            if (recent.Count > 0)
            {
                Log.AutoReplySkipped(_logger, conversation.Id, "the buyer's cool-down");
                return;
            }
        }

        var dueAt = message.At + policy.DelayFor(_random());
        await tx.EnqueueWorkAsync(
            new NewWorkItem(WorkKinds.AutoReply, $"{WorkKinds.AutoReply}:{message.Id}", Payload(conversation.Id, message.Id, template, followUp: followUp), dueAt)
            {
                ConversationId = conversation.Id,
                CorrelationKey = buyerKey,
            },
            now,
            cancellationToken).ConfigureAwait(false);
        Log.AutoReplyScheduled(_logger, conversation.Id, channel.Id, dueAt);
    }
}
