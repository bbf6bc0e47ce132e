using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// Runs a due auto-reply or smart reply: checks that it is still wanted, renders its template and puts the message in
/// the outbox, all or nothing.
/// </summary>
internal sealed class AutomaticReplyWork(WorkContext context) : IWorkHandler
{
    public IReadOnlyList<string> Kinds { get; } = [WorkKinds.AutoReply, WorkKinds.SmartReply];

    public async Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var payload = AutomationJson.DeserializePayload(item.Payload);
        var kind = item.Kind == WorkKinds.AutoReply ? OutgoingKind.AutoReply : OutgoingKind.SmartReply;
        var conversationId = new ConversationId(payload.ConversationId);
        var conversation = await context.Store.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var messages = conversation is null ? [] : await context.Store.GetMessagesAsync(conversationId, MessageReading.WithoutAttachments, cancellationToken).ConfigureAwait(false);
        var answering = messages.FirstOrDefault(m => m.Id.Value == payload.MessageId);
        if (SkipReason(conversation, answering) is { } skip)
        {
            return await context.CompleteAsync(item, "skipped: " + skip, null, cancellationToken).ConfigureAwait(false);
        }

        var channel = await context.GetChannelAsync(conversation!.ChannelId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Channel '{conversation.ChannelId}' does not exist.");
        var policies = await context.GetPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var templateId = TemplateId.Parse(payload.TemplateId ?? throw new InvalidOperationException("The work item names no template."));
        var template = await context.Templates.GetTemplateAsync(templateId, cancellationToken).ConfigureAwait(false);
        if (NotWantedReason(kind, channel, policies, templateId, template) is { } notWanted)
        {
            // What changed since the reply was scheduled is the seller's say: nothing is sent, the reason is kept as the
            // item's result, and the conversation keeps its SLA clock (and its warnings) for a person to answer, whom the
            // event tells that no automatic answer is coming.
            return await context.CompleteAsync(item, "skipped: " + notWanted, (tx, now) => InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
            {
                Id = $"reply-skipped:{item.IdempotencyKey}",
                Kind = InboxEventKind.AutomaticReplySkipped,
                At = now,
                ConversationId = conversationId,
                ChannelId = channel.Id,
                MessageId = answering!.Id,
                TemplateId = templateId,
                DueAt = conversation.SlaDueAt,
                Detail = notWanted,
            }, now, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var rendered = await context.Renderer.RenderAsync(template!, conversation, channel, cancellationToken).ConfigureAwait(false);
        var sendKey = $"{WorkKinds.Send}:{item.IdempotencyKey}";
        var outgoing = ReplyComposer.Compose(kind, conversation, channel, answering, rendered, sendKey, templateId);
        return await context.CompleteAsync(item, "queued " + sendKey, async (tx, now) =>
        {
            // Re-check inside the transaction: a person may have answered since the reads above.
            var current = await tx.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (SkipReason(current, answering) is null)
            {
                await tx.EnqueueWorkAsync(
                    new NewWorkItem(WorkKinds.Send, sendKey, AutomationJson.Serialize(outgoing), now) { ConversationId = conversationId },
                    now,
                    cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Why a due reply is no longer wanted by the seller's settings, which may have changed since it was scheduled: the
    /// channel disabled, the policy paused or no longer naming the template, the template deleted, paused, or no longer
    /// usable on the channel; <see langword="null"/> when it is still wanted.
    /// </summary>
    private static string? NotWantedReason(OutgoingKind kind, Channel channel, ChannelPolicies? policies, TemplateId templateId, Template? template)
    {
        if (!channel.Enabled)
        {
            return $"channel '{channel.Id}' is disabled";
        }

        var (policy, enabled, names) = kind == OutgoingKind.AutoReply
            ? ("auto-reply", policies?.AutoReply?.Enabled == true, policies?.AutoReply?.References().Any(r => r.Id == templateId) == true)
            : ("smart reply", policies?.SmartReply?.Enabled == true, policies?.SmartReply?.Templates?.Contains(templateId) == true);
        // A deleted template first: deleting a policy's last template also pauses the policy (TemplateBook.ForceDeleteAsync).
        return template is null ? $"template '{templateId}' does not exist"
            : !enabled ? "the policy is off"
            : !template.Enabled ? $"template '{templateId}' is paused"
            : !names ? $"the {policy} no longer names template '{templateId}'"
            : template.UnusableOn(channel);
    }

    /// <summary>Why a person's or a rule's action since it was scheduled leaves an automatic reply to <paramref name="answering"/> unwanted; <see langword="null"/> when it is still wanted.</summary>
    internal static string? SkipReason(Conversation? conversation, Message? answering) => conversation switch
    {
        null => "the conversation is gone",
        _ when answering is null => "the buyer message is gone",
        { Status: ConversationStatus.Resolved } => "the conversation is resolved",
        { NoReplyNeeded: true } => "no reply is needed",
        { NoAutoReply: true } => "automatic replies are off for the conversation",
        { LastOutboundAt: { } replied } when replied >= answering.At => "a person replied",
        _ => null,
    };
}
