namespace BuyerMessaging.Internal;

/// <content>Rules (with their revision), agents, templates and favourites.</content>
internal sealed partial class SqliteStoreTransaction
{
    public ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) =>
        Run(DefinitionSql.GetRules, cancellationToken);

    public ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Run(s => DefinitionSql.SaveRule(s, rule), cancellationToken);
    }

    public ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default) =>
        Run(s => DefinitionSql.DeleteRule(s, id), cancellationToken);

    public ValueTask<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        Run(DefinitionSql.GetAgents, cancellationToken);

    public ValueTask SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Run(s => DefinitionSql.SaveAgent(s, agent), cancellationToken);
    }

    public ValueTask<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        Run(s => DefinitionSql.GetTemplate(s, id), cancellationToken);

    public ValueTask<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) =>
        Run(s => DefinitionSql.GetTemplates(s, storeId), cancellationToken);

    public ValueTask SaveTemplateAsync(Template template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Run(s => DefinitionSql.SaveTemplate(s, template), cancellationToken);
    }

    public ValueTask<bool> DeleteTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        Run(s => DefinitionSql.DeleteTemplate(s, id), cancellationToken);

    public ValueTask<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) =>
        Run(s => DefinitionSql.GetFavourites(s, storeId), cancellationToken);

    public ValueTask SetFavouritesAsync(StoreId storeId, IReadOnlyList<TemplateId> templateIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(templateIds);
        return Run(s => DefinitionSql.SetFavourites(s, storeId, templateIds), cancellationToken);
    }
}
