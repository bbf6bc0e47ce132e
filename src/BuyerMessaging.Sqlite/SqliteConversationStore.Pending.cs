namespace BuyerMessaging;

// TEMPORARY (integration branch only): see Internal/SqliteStoreTransaction.Pending.cs.
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc/>
    public Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) => Task.FromResult(RuleSet.Empty);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Agent>>([]);

    /// <inheritdoc/>
    public Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) => Task.FromResult<Template?>(null);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Template>>([]);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<TemplateId>>([]);
}
