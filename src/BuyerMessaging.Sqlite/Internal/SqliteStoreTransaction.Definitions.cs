namespace BuyerMessaging.Internal;

/// <content>Rules (with their revision), agents, templates and favourites.</content>
internal sealed partial class SqliteStoreTransaction
{
    /// <summary>Whether this transaction saved or deleted a rule: its rules are then read past the store's cache.</summary>
    private bool _rulesChanged;

    /// <summary>
    /// The rules this transaction read while it had changed none. The transaction holds the file's write lock, so no
    /// one else can change them before it ends: a batch of ingests reads the revision once, not once per message.
    /// </summary>
    private RuleSet? _rules;

    public ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default)
    {
        Check(cancellationToken);
        if (_rulesChanged)
        {
            return ValueTask.FromResult(DefinitionSql.GetRules(_session, null));
        }

        return ValueTask.FromResult(_rules ??= DefinitionSql.GetRules(_session, _store.RulesCache));
    }

    public ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rulesChanged = true;
        return Run(s => DefinitionSql.SaveRule(s, rule), cancellationToken);
    }

    public ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default)
    {
        _rulesChanged = true;
        return Run(s => DefinitionSql.DeleteRule(s, id), cancellationToken);
    }

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
