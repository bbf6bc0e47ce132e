namespace BuyerMessaging;

/// <summary>
/// The rules <see cref="ConversationIngestor"/> runs on every new buyer message, inside the ingest transaction. The
/// default reads the rules stored in the transaction's store (<see cref="IStoreTransaction.GetRulesAsync"/>) and caches
/// their compiled form by revision.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IIngestionRules
{
    /// <summary>Runs the rules on one message.</summary>
    /// <param name="transaction">The ingest transaction (reads see its writes).</param>
    /// <param name="input">The facts of the message.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What the rules decide; <see cref="RuleOutcome.None"/> when nothing matched.</returns>
    ValueTask<RuleOutcome> EvaluateAsync(IStoreTransaction transaction, RuleInput input, CancellationToken cancellationToken = default);
}
