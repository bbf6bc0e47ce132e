using BuyerMessaging.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BuyerMessaging;

/// <summary>
/// The default <see cref="IIngestionRules"/>: the rules stored in the store, compiled once per revision. Stored rules that
/// no longer compile are skipped with an error in the log, so that ingestion never fails or loses a message because of a
/// rule.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class StoredIngestionRules : IIngestionRules
{
    private readonly RuleEngine _engine;
    private readonly ILogger _logger;
    private CompiledRuleSet? _cache;

    /// <summary>Initializes a new instance of the <see cref="StoredIngestionRules"/> class.</summary>
    /// <param name="engine">The engine; <see cref="RuleEngine.Default"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    public StoredIngestionRules(RuleEngine? engine = null, ILogger<StoredIngestionRules>? logger = null)
    {
        _engine = engine ?? RuleEngine.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<RuleOutcome> EvaluateAsync(IStoreTransaction transaction, RuleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(input);
        var set = await transaction.GetRulesAsync(cancellationToken).ConfigureAwait(false);
        if (set.Rules.Count == 0)
        {
            return RuleOutcome.None;
        }

        var compiled = _cache;
        if (compiled is null || compiled.Revision != set.Revision)
        {
            compiled = Compile(set);
            _cache = compiled;
        }

        return compiled.Evaluate(input);
    }

    private CompiledRuleSet Compile(RuleSet set)
    {
        try
        {
            return _engine.Compile(set.Rules, set.Revision);
        }
        catch (DefinitionValidationException ex)
        {
            // Keep the valid rules: drop each rule that fails on its own.
            Log.StoredRulesInvalid(_logger, set.Revision, ex);
            var valid = set.Rules.Where(r => RuleValidator.Validate(r, null, _engine.Options).Count == 0).DistinctBy(r => r.Id);
            return _engine.Compile(valid, set.Revision);
        }
    }
}
