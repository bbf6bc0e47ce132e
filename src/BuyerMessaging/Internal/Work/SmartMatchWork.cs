using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>
/// Matches a buyer message against the channel's smart-reply templates: on a match, schedules the reply and announces
/// it; otherwise marks the conversation "no auto-reply", moves it to the "match failed" folder and says so.
/// </summary>
internal sealed class SmartMatchWork(WorkContext context) : IWorkHandler
{
    public IReadOnlyList<string> Kinds { get; } = [WorkKinds.SmartMatch];

    public async Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var payload = AutomationJson.DeserializePayload(item.Payload);
        var conversationId = new ConversationId(payload.ConversationId);
        var conversation = await context.Store.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var messages = conversation is null ? [] : await context.Store.GetMessagesAsync(conversationId, MessageReading.WithoutAttachments, cancellationToken).ConfigureAwait(false);
        var message = messages.FirstOrDefault(m => m.Id.Value == payload.MessageId);
        if (conversation is null || message is null || !StillWanted(conversation, message))
        {
            return await context.CompleteAsync(item, "skipped: nothing to match", null, cancellationToken).ConfigureAwait(false);
        }

        var policies = await context.GetPoliciesAsync(conversation.ChannelId, cancellationToken).ConfigureAwait(false);
        if (policies?.SmartReply is not { Enabled: true } policy)
        {
            return await context.CompleteAsync(item, "skipped: smart reply is off", null, cancellationToken).ConfigureAwait(false);
        }

        var candidates = await SmartReplyTemplates.LoadAsync(context.Templates, policy, cancellationToken).ConfigureAwait(false);

        var result = candidates.Count == 0 || message.Text.Trim().Length == 0
            ? null
            : (await SmartReplyTemplates.MatchAsync(context.Matcher, context.Store, conversation.StoreId, candidates, message.Text, conversation.Language, cancellationToken).ConfigureAwait(false)).Match;

        // Only a match sure enough to send is scheduled; a suggestion is left to a person, like a failed match.
        var match = result is { Outcome: MatchOutcome.Matched, TemplateId: { } matchedId } ? matchedId : (TemplateId?)null;
        var suggested = result is { Outcome: MatchOutcome.Suggested } ? result.TemplateId : null;

        var channelId = conversation.ChannelId;
        return await context.CompleteAsync(item, match is null ? "match failed" : "matched " + match, async (tx, now) =>
        {
            var current = await tx.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (current is null || !StillWanted(current, message))
            {
                return;
            }

            if (match is not null)
            {
                // The ingest may have set an earlier time: that of a reply to an earlier message this one superseded.
                var replyAt = payload.DueAt is { } by ? AutomationJson.ParseInstant(by) : message.At + policy.ReplyAfter;
                await tx.EnqueueWorkAsync(
                    new NewWorkItem(WorkKinds.SmartReply, $"{WorkKinds.SmartReply}:{message.Id}", InboxAutomation.Payload(conversationId, message.Id, match.Value), replyAt)
                    {
                        ConversationId = conversationId,
                    },
                    now,
                    cancellationToken).ConfigureAwait(false);
                await InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
                {
                    Id = $"matched:{message.Id}",
                    Kind = InboxEventKind.TemplateMatched,
                    At = now,
                    ConversationId = conversationId,
                    ChannelId = channelId,
                    MessageId = message.Id,
                    TemplateId = match,
                    DueAt = replyAt,
                }, now, cancellationToken).ConfigureAwait(false);
                return;
            }

            await MarkMatchFailedAsync(tx, current, now, cancellationToken).ConfigureAwait(false);
            await InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
            {
                Id = $"match-failed:{message.Id}",
                Kind = InboxEventKind.MatchFailed,
                At = now,
                ConversationId = conversationId,
                ChannelId = channelId,
                MessageId = message.Id,
                TemplateId = suggested,
                DueAt = current.SlaDueAt,
            }, now, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask MarkMatchFailedAsync(IStoreTransaction tx, Conversation current, Instant now, CancellationToken cancellationToken)
    {
        var folderId = InboxAutomation.MatchFailedFolderId;
        var folders = await tx.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
        if (!folders.Any(f => f.Id == folderId))
        {
            var order = folders.Where(f => f.Kind == FolderKind.Custom).Select(f => f.Order + 1).DefaultIfEmpty(0).Max();
            await tx.SaveFolderAsync(new Folder { Id = folderId, Name = context.Automation.Options.MatchFailedFolderName, Kind = FolderKind.Custom, Order = order }, cancellationToken).ConfigureAwait(false);
        }

        var changes = new List<ConversationChange>(2);
        if (!current.NoAutoReply)
        {
            changes.Add(new(current.Id, now, InboxAutomation.SystemActor, ChangeKinds.NoAutoReply, "false", "true"));
        }

        if (current.FolderId != folderId)
        {
            changes.Add(new(current.Id, now, InboxAutomation.SystemActor, ChangeKinds.Folder, current.FolderId?.Value, folderId.Value));
        }

        if (changes.Count == 0)
        {
            return;
        }

        var updated = current with { NoAutoReply = true, FolderId = folderId, UpdatedAt = now, Version = current.Version + 1 };
        await tx.UpdateConversationAsync(updated, cancellationToken).ConfigureAwait(false);
        await tx.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    private static bool StillWanted(Conversation conversation, Message message) =>
        conversation.Status != ConversationStatus.Resolved && !conversation.NoReplyNeeded
        && !(conversation.LastOutboundAt is { } replied && replied >= message.At);
}
