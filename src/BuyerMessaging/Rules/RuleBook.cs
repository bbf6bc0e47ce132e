using BuyerMessaging.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Keeps the inbox rules: saves them after validation (every failing member listed at once, unknown folders, agents,
/// stores and channels named), deletes, imports and exports them as JSON (<see cref="RuleJson"/>), and applies them to
/// existing conversations selected by an inbox query.
/// </summary>
/// <remarks>Thread-safe. Rules saved here run at ingestion through <see cref="StoredIngestionRules"/>.</remarks>
public sealed class RuleBook
{
    private readonly IConversationStore _store;
    private readonly IClock _clock;
    private readonly RuleEngine _engine;
    private readonly ILogger _logger;
    private readonly InboxAutomation _automation;

    /// <summary>Initializes a new instance of the <see cref="RuleBook"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="engine">The engine; <see cref="RuleEngine.Default"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="automation">
    /// The SLA clock and automatic-reply rules applied to each change <see cref="ApplyAsync"/> makes, as the
    /// <see cref="ConversationEditor"/> applies them; the defaults when <see langword="null"/>. Give the one the editor uses (DI does).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public RuleBook(IConversationStore store, IClock clock, RuleEngine? engine = null, ILogger<RuleBook>? logger = null, InboxAutomation? automation = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _engine = engine ?? RuleEngine.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _automation = automation ?? new InboxAutomation();
    }

    /// <summary>Gets the rules in running order.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The rules.</returns>
    public async Task<IReadOnlyList<Rule>> GetAllAsync(CancellationToken cancellationToken = default) =>
        (await _store.GetRulesAsync(cancellationToken).ConfigureAwait(false)).Rules;

    /// <summary>Gets a rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public async Task<Rule?> GetAsync(RuleId id, CancellationToken cancellationToken = default) =>
        (await GetAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Id == id);

    /// <summary>Validates and saves (inserts or replaces) a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The rule is invalid; every failing member is listed with its path.</exception>
    public Task SaveAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return SaveAllAsync([rule], replaceAll: false, $"Rule '{rule.Id}'", single: true, cancellationToken);
    }

    /// <summary>Deletes a rule.</summary>
    /// <param name="id">The rule.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public async Task<bool> DeleteAsync(RuleId id, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var deleted = await transaction.DeleteRuleAsync(id, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }

    /// <summary>Writes every rule in the export format (<see cref="RuleJson"/>).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The JSON text.</returns>
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default) =>
        RuleJson.Export(await GetAllAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Imports rules from JSON, all or none: each rule is validated (structure and references) and saved, replacing a rule
    /// with the same id.
    /// </summary>
    /// <param name="json">The JSON text (<see cref="RuleJson"/>).</param>
    /// <param name="replaceAll">Whether to delete the stored rules that the file does not contain.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The imported rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The file or a rule is invalid; every failing member is listed ("rules[1].Actions[0].Folder: folder 'x' does not exist"). Nothing was saved.</exception>
    public async Task<IReadOnlyList<Rule>> ImportAsync(string json, bool replaceAll = false, CancellationToken cancellationToken = default)
    {
        var rules = RuleJson.Import(json);
        await SaveAllAsync(rules, replaceAll, "Rule file", single: false, cancellationToken).ConfigureAwait(false);
        return rules;
    }

    /// <summary>
    /// Applies rules to existing conversations selected by an inbox query. Each conversation is judged by its latest buyer
    /// message (first contact when it is the only one); the semantics are those of ingestion (see <see cref="RuleEngine"/>),
    /// and each change is recorded with actor "rule:NAME". A change has the consequences of the same change made with the
    /// <see cref="ConversationEditor"/> (<see cref="InboxAutomation"/>, in the same transaction): a status of awaiting the
    /// buyer or resolved pauses the SLA clock and reopening (open or pending) resumes it, with its due and breach checks
    /// rescheduled; resolving and "no reply needed" cancel scheduled automatic replies. Applying the same rules twice
    /// changes nothing the second time.
    /// </summary>
    /// <param name="query">Selects the conversations; its page size is the batch size, its cursor is ignored.</param>
    /// <param name="rules">The rules to apply; <see langword="null"/> for the stored rules.</param>
    /// <param name="dryRun">Whether to only report what would change.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A rule given in <paramref name="rules"/> is invalid.</exception>
    public async Task<RuleApplyResult> ApplyAsync(InboxQuery query, IEnumerable<Rule>? rules = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CompiledRuleSet compiled;
        if (rules is null)
        {
            var stored = await _store.GetRulesAsync(cancellationToken).ConfigureAwait(false);
            compiled = _engine.Compile(stored.Rules, stored.Revision);
        }
        else
        {
            compiled = _engine.Compile(rules);
        }

        var ids = new List<ConversationId>();
        var page = query with { After = null };
        while (true)
        {
            var result = await _store.QueryAsync(page, cancellationToken).ConfigureAwait(false);
            ids.AddRange(result.Items.Select(c => c.Id));
            if (result.NextCursor is null)
            {
                break;
            }

            page = page with { After = result.NextCursor };
        }

        var channels = (await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
        var applications = new List<RuleApplication>();
        var changed = 0;
        foreach (var id in ids)
        {
            var application = await ApplyOneAsync(id, compiled, channels, dryRun, cancellationToken).ConfigureAwait(false);
            if (application is null)
            {
                continue;
            }

            applications.Add(application);
            changed += application.Changes.Count > 0 ? 1 : 0;
        }

        return new RuleApplyResult(ids.Count, changed, applications, dryRun);
    }

    private async Task<RuleApplication?> ApplyOneAsync(
        ConversationId id, CompiledRuleSet compiled, Dictionary<ChannelId, Channel> channels, bool dryRun, CancellationToken cancellationToken)
    {
        var messages = await _store.GetMessagesAsync(id, MessageReading.WithoutAttachments, cancellationToken).ConfigureAwait(false);
        var inbound = messages.Where(m => m.Direction == MessageDirection.Inbound).ToList();
        if (inbound.Count == 0)
        {
            return null;
        }

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var conversation = await transaction.GetConversationAsync(id, cancellationToken).ConfigureAwait(false);
            if (conversation is null || !channels.TryGetValue(conversation.ChannelId, out var channel))
            {
                return null;
            }

            var outcome = compiled.Evaluate(RuleInput.For(channel, conversation, inbound[^1], inbound.Count == 1));
            if (outcome.MatchedRules.Count == 0)
            {
                return null;
            }

            var now = _clock.GetCurrentInstant();
            var changes = new List<ConversationChange>();
            var folders = outcome.Folder is null ? null : await transaction.GetFoldersAsync(cancellationToken).ConfigureAwait(false);
            var updated = RuleApplier.Apply(conversation, outcome, now, folders, changes, _logger);
            if (changes.Count > 0 && !dryRun)
            {
                await _automation.UpdateAsync(transaction, conversation, updated, now, touch: true, cancellationToken).ConfigureAwait(false);
                await transaction.AppendHistoryAsync(changes, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new RuleApplication(id, outcome.MatchedRules, changes);
        }
    }

    private async Task SaveAllAsync(IReadOnlyList<Rule> rules, bool replaceAll, string definition, bool single, CancellationToken cancellationToken)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var context = RuleValidationContext.From(
                await transaction.GetFoldersAsync(cancellationToken).ConfigureAwait(false),
                await transaction.GetAgentsAsync(cancellationToken).ConfigureAwait(false),
                await transaction.GetStoresAsync(cancellationToken).ConfigureAwait(false),
                await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false));
            var errors = new List<ValidationError>();
            for (var i = 0; i < rules.Count; i++)
            {
                var prefix = single ? string.Empty : $"rules[{i}].";
                errors.AddRange(RuleValidator.Validate(rules[i], context, _engine.Options).Select(e => e with { Path = prefix + e.Path }));
            }

            if (errors.Count > 0)
            {
                throw new DefinitionValidationException(definition, errors);
            }

            if (replaceAll)
            {
                var keep = rules.Select(r => r.Id).ToHashSet();
                foreach (var old in (await transaction.GetRulesAsync(cancellationToken).ConfigureAwait(false)).Rules)
                {
                    if (!keep.Contains(old.Id))
                    {
                        await transaction.DeleteRuleAsync(old.Id, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            foreach (var rule in rules)
            {
                await transaction.SaveRuleAsync(rule with { Name = rule.Name.Trim() }, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
