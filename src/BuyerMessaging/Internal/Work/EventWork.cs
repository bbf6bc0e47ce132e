namespace BuyerMessaging.Internal;

/// <summary>Delivers an event to every registered handler; a fault of any makes the worker deliver it again later.</summary>
internal sealed class EventWork(WorkContext context) : IWorkHandler
{
    public IReadOnlyList<string> Kinds { get; } = [WorkKinds.Event];

    public async Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var inboxEvent = AutomationJson.DeserializeEvent(item.Payload);
        foreach (var handler in context.EventHandlers)
        {
            await handler.HandleAsync(inboxEvent, cancellationToken).ConfigureAwait(false);
        }

        return await context.CompleteAsync(item, $"delivered to {context.EventHandlers.Count}", null, cancellationToken).ConfigureAwait(false);
    }
}
