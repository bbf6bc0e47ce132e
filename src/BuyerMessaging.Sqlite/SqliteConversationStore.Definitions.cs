using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <content>Reads of rules, agents, templates and favourites.</content>
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc />
    public Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) =>
        Read(DefinitionSql.GetRules, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        Read(DefinitionSql.GetAgents, cancellationToken);

    /// <inheritdoc />
    public Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        Read(s => DefinitionSql.GetTemplate(s, id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) =>
        Read(s => DefinitionSql.GetTemplates(s, storeId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) =>
        Read(s => DefinitionSql.GetFavourites(s, storeId), cancellationToken);
}
