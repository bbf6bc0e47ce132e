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
        var enabled = kind == OutgoingKind.AutoReply ? policies?.AutoReply?.Enabled == true : policies?.SmartReply?.Enabled == true;
        if (!enabled)
        {
            return await context.CompleteAsync(item, "skipped: the policy is off", null, cancellationToken).ConfigureAwait(false);
        }

        var templateId = TemplateId.Parse(payload.TemplateId ?? throw new InvalidOperationException("The work item names no template."));
        var template = await context.Templates.GetTemplateAsync(templateId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Template '{templateId}' does not exist.");
        if (!template.Enabled)
        {
            // The seller paused the template after the reply was scheduled: it is not sent.
            return await context.CompleteAsync(item, $"skipped: template '{templateId}' is paused", null, cancellationToken).ConfigureAwait(false);
        }

        var rendered = await context.Renderer.RenderAsync(template, conversation, channel, cancellationToken).ConfigureAwait(false);
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

    private static string? SkipReason(Conversation? conversation, Message? answering) => conversation switch
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
