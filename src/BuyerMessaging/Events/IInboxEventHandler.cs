namespace BuyerMessaging;

/// <summary>
/// Receives <see cref="InboxEvent"/>s, for example to push a notification. Register any number in DI; the worker
/// delivers each event to each handler at least once, and retries the event with back-off while a handler throws.
/// </summary>
public interface IInboxEventHandler
{
    /// <summary>Handles an event.</summary>
    /// <param name="inboxEvent">The event.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when handled; a fault makes the worker deliver the event again later.</returns>
    Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);
}
