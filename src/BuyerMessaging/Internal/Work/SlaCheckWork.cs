using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>Raises "SLA breach soon" or "SLA breached" when the conversation is still due at the instant the check was scheduled for.</summary>
internal sealed class SlaCheckWork(WorkContext context) : IWorkHandler
{
    private static readonly Duration OneTick = Duration.FromTicks(1);

    public IReadOnlyList<string> Kinds { get; } = [WorkKinds.SlaDueSoon, WorkKinds.SlaBreach];

    public async Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var payload = AutomationJson.DeserializePayload(item.Payload);
        var conversationId = new ConversationId(payload.ConversationId);
        var due = AutomationJson.ParseInstant(payload.DueAt ?? throw new InvalidOperationException("The work item names no due instant."));
        var kind = item.Kind == WorkKinds.SlaBreach ? InboxEventKind.SlaBreached : InboxEventKind.SlaDueSoon;
        return await context.CompleteAsync(item, "checked", async (tx, now) =>
        {
            var conversation = await tx.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            // A store may keep instants to the 100 ns tick (SQLite rounds a due instant up to one): a due instant that
            // differs from the scheduled one by less than a tick is the same one, not a changed one.
            if (conversation?.SlaDueAt is not { } current || Duration.Max(current - due, due - current) >= OneTick)
            {
                return;
            }

            await InboxAutomation.EnqueueEventAsync(tx, new InboxEvent
            {
                Id = item.IdempotencyKey,
                Kind = kind,
                At = now,
                ConversationId = conversationId,
                ChannelId = conversation.ChannelId,
                DueAt = due,
            }, now, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
