namespace BuyerMessaging.Internal;

/// <summary>Runs the work items of some kinds. A handler ends the item itself (see <see cref="WorkContext.CompleteAsync(WorkItem, string, Func{IStoreTransaction, NodaTime.Instant, ValueTask}?, CancellationToken)"/>); a fault makes the worker retry it.</summary>
internal interface IWorkHandler
{
    IReadOnlyList<string> Kinds { get; }

    /// <returns><see langword="true"/> when the item ended; <see langword="false"/> when its lease was lost.</returns>
    Task<bool> RunAsync(WorkItem item, CancellationToken cancellationToken);
}
