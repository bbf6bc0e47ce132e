namespace BuyerMessaging.Internal;

/// <summary>Runs work in one store transaction: committed when the work returns, rolled back when it throws.</summary>
internal static class StoreTransactions
{
    public static async Task<T> InTransactionAsync<T>(this IConversationStore store, Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var transaction = await store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var result = await work(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }
}
