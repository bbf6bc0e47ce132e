namespace BuyerMessaging.Internal;

// TEMPORARY (integration branch only): the rule, agent and template tables are not in the SQLite
// schema yet. Reads answer "none"; writes refuse. Replaced by the real implementation before this reaches main.
internal sealed partial class SqliteStoreTransaction
{
    private static NotSupportedException Pending() => new("Not yet supported by the SQLite store.");

    public ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(RuleSet.Empty);

    public ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<Agent>>([]);

    public ValueTask SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) => ValueTask.FromResult<Template?>(null);

    public ValueTask<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<Template>>([]);

    public ValueTask SaveTemplateAsync(Template template, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<bool> DeleteTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<TemplateId>>([]);

    public ValueTask SetFavouritesAsync(StoreId storeId, IReadOnlyList<TemplateId> templateIds, CancellationToken cancellationToken = default) => throw Pending();
}
