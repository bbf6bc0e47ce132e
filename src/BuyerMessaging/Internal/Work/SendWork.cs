using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// Checks an outbox item against Amazon's messaging rules (a block fails it, nothing is sent), sends it through the
/// <see cref="IOutboundSender"/> with the item's idempotency key, then, in one
/// transaction, marks it sent with the channel's message id, records an automatic reply in its conversation and drops
/// its files' contents from the payload (the conversation keeps them with the reply).
/// </summary>
internal sealed class SendWork(WorkContext context) : IWorkHandler
{
    public IReadOnlyList<string> Kinds { get; } = [WorkKinds.Send];

    public async Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var outgoing = AutomationJson.DeserializeOutgoing(item.Payload);
        if (outgoing.Kind is OutgoingKind.AutoReply or OutgoingKind.SmartReply && await AutomaticSkipReasonAsync(outgoing, cancellationToken).ConfigureAwait(false) is { } skip)
        {
            // A person answered, resolved or marked "no reply needed" while the automatic reply waited in the outbox (a
            // retry's back-off): it is not sent after all. (Should the sender have taken it before a crash, it stays
            // unrecorded rather than going out twice.)
            return await context.CompleteAsync(item, "skipped: " + skip, null, cancellationToken).ConfigureAwait(false);
        }

        var channel = await context.GetChannelAsync(outgoing.ChannelId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Channel '{outgoing.ChannelId}' does not exist.");

        // Last gate before the channel: an auto-reply or smart reply rendered from a template, or a reply checked under
        // other options, must not leave when it breaks Amazon's rules. A block fails the item at once (see WorkQueueWorker).
        context.ContentChecker.CheckForChannel(channel, outgoing.Kind.ToTextKind(), outgoing.Text, outgoing.Subject, outgoing.Html, outgoing.Attachments).ThrowIfBlocked();
        var receipt = await context.Sender.SendAsync(channel, outgoing, item.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        ArgumentException.ThrowIfNullOrWhiteSpace(receipt?.ChannelMessageId, nameof(receipt));
        return await context.CompleteAsync(item, receipt.ChannelMessageId, async (tx, now) =>
        {
            if (outgoing.Kind is OutgoingKind.AutoReply or OutgoingKind.SmartReply)
            {
                await RecordAsync(tx, item, outgoing, channel, receipt.ChannelMessageId, now, cancellationToken).ConfigureAwait(false);
            }
        }, outgoing.Attachments.Count == 0 ? null : AutomationJson.WithoutAttachmentContent(item.Payload), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why an automatic reply in the outbox is no longer wanted (see <see cref="AutomaticReplyWork.SkipReason"/>), read when it is about to be sent.</summary>
    private async Task<string?> AutomaticSkipReasonAsync(OutgoingMessage outgoing, CancellationToken cancellationToken)
    {
        var conversation = await context.Store.GetConversationAsync(outgoing.ConversationId, cancellationToken).ConfigureAwait(false);
        var messages = conversation is null ? [] : await context.Store.GetMessagesAsync(conversation.Id, MessageReading.WithoutAttachments, cancellationToken).ConfigureAwait(false);
        return AutomaticReplyWork.SkipReason(conversation, messages.FirstOrDefault(m => m.Id == outgoing.AnswersMessageId));
    }

    private async ValueTask RecordAsync(IStoreTransaction tx, WorkItem item, OutgoingMessage outgoing, Channel channel, string channelMessageId, Instant now, CancellationToken cancellationToken)
    {
        var conversation = await tx.GetConversationAsync(outgoing.ConversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        var auto = outgoing.Kind == OutgoingKind.AutoReply;
        var actor = auto ? "auto-reply" : "smart-reply";
        var message = new Message
        {
            Id = await tx.NewMessageIdAsync(cancellationToken).ConfigureAwait(false),
            ConversationId = conversation.Id,
            ChannelId = channel.Id,
            Direction = auto ? MessageDirection.AutoReply : MessageDirection.OutboundReply,
            ExternalId = channelMessageId,
            InternetMessageId = outgoing.InternetMessageId,
            InReplyTo = outgoing.InReplyTo,
            References = outgoing.References,
            From = outgoing.From ?? new MailParticipant(channel.SenderDisplayName, channel.Address ?? actor),
            To = outgoing.To,
            Subject = outgoing.Subject,
            Text = outgoing.Text,
            Html = outgoing.Html,
            Attachments = outgoing.Attachments,
            At = now,
        };
        var changes = new List<ConversationChange> { new(conversation.Id, now, actor, auto ? ChangeKinds.AutoReply : ChangeKinds.Reply, null, message.Id.Value) };
        var updated = conversation with { MessageCount = conversation.MessageCount + 1, UpdatedAt = now, Version = conversation.Version + 1 };
        if (auto)
        {
            var policies = await tx.GetChannelPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false);
            if (context.Automation.GetSlaPolicy(channel, policies) is { AutoReplyStopsClock: true })
            {
                updated = updated with { SlaDueAt = null, SlaPausedRemaining = null };
            }
        }
        else
        {
            updated = updated with
            {
                SellerReplyCount = updated.SellerReplyCount + 1,
                FirstOutboundAt = updated.FirstOutboundAt ?? now,
                LastOutboundAt = now,
            };
            if (updated.Status != ConversationStatus.AwaitingBuyer)
            {
                changes.Add(new(conversation.Id, now, actor, ChangeKinds.Status, updated.Status.ToString(), nameof(ConversationStatus.AwaitingBuyer)));
                updated = updated with { Status = ConversationStatus.AwaitingBuyer };
            }
        }

        updated = await context.Automation.OnChangedAsync(tx, conversation, updated, now, cancellationToken).ConfigureAwait(false);
        await tx.UpdateConversationAsync(updated, cancellationToken).ConfigureAwait(false);
        await tx.InsertMessageAsync(message, cancellationToken).ConfigureAwait(false);
        await tx.AddParticipantsAsync(conversation.Id, message.To.Select(p => p.Address), cancellationToken).ConfigureAwait(false);
        await tx.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
        await InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
        {
            Id = $"{(auto ? "auto-reply-sent" : "smart-reply-sent")}:{item.IdempotencyKey}",
            Kind = auto ? InboxEventKind.AutoReplySent : InboxEventKind.SmartReplySent,
            At = now,
            ConversationId = conversation.Id,
            ChannelId = channel.Id,
            MessageId = message.Id,
            TemplateId = outgoing.TemplateId,
        }, now, cancellationToken).ConfigureAwait(false);
    }
}
