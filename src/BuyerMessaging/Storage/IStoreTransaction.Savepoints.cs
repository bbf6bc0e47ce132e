namespace BuyerMessaging;

/// <summary>Savepoints: undo part of a transaction and keep the rest, as SQL's <c>SAVEPOINT</c>.</summary>
public partial interface IStoreTransaction
{
    /// <summary>
    /// Marks a savepoint: <see cref="RollbackToSavepointAsync"/> with its name later undoes every write made after it and
    /// keeps the ones before. Savepoints nest; a name may be reused, and then means the newest savepoint of that name.
    /// </summary>
    /// <param name="name">The name: an ASCII letter or underscore, then letters, digits or underscores.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when marked.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid savepoint name.</exception>
    ValueTask CreateSavepointAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes every write made since the newest savepoint named <paramref name="name"/>. That savepoint stays (it can be
    /// rolled back to again); the savepoints created after it are gone.
    /// </summary>
    /// <param name="name">The savepoint's name.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when undone.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid savepoint name.</exception>
    /// <exception cref="InvalidOperationException">No savepoint has that name.</exception>
    ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the newest savepoint named <paramref name="name"/> and every savepoint created after it. Their writes stay
    /// part of the transaction.
    /// </summary>
    /// <param name="name">The savepoint's name.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when released.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid savepoint name.</exception>
    /// <exception cref="InvalidOperationException">No savepoint has that name.</exception>
    ValueTask ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default);
}
