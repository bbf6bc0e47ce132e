namespace BuyerMessaging;

/// <summary>What one pass of the <see cref="WorkQueueWorker"/> did.</summary>
/// <param name="Leased">Items leased.</param>
/// <param name="Succeeded">Items done (including those that had nothing left to do).</param>
/// <param name="Retried">Items that failed and were rescheduled.</param>
/// <param name="Failed">Items that failed on their last attempt.</param>
/// <param name="LeaseLost">Items whose lease was taken over or that were cancelled while they ran; their results were discarded.</param>
public sealed record WorkPassResult(int Leased, int Succeeded, int Retried, int Failed, int LeaseLost);
