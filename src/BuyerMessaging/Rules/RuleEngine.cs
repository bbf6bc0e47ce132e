using BuyerMessaging.Internal;
using Microsoft.Extensions.Options;

namespace BuyerMessaging;

/// <summary>
/// Validates and compiles rules into a <see cref="CompiledRuleSet"/> that evaluates messages quickly: text values are
/// folded once, regular expressions compiled once, message types kept as a bit set.
/// </summary>
/// <remarks>
/// <para>Semantics, the same for ingestion, for rules applied to existing conversations and for dry runs:</para>
/// <list type="number">
/// <item>Rules run once per incoming message, in ascending <see cref="Rule.Order"/>, then by <see cref="Rule.Id"/> (ordinal).</item>
/// <item>A rule runs when it is enabled and the message is in its <see cref="Rule.Scope"/>; it matches when all (or any,
/// see <see cref="RuleMatchMode"/>) of its conditions hold; a rule without conditions matches.</item>
/// <item>Each matching rule contributes its actions. For the folder, the status, the assignee and "no reply needed", the
/// last matching rule wins; moving to a system folder also sets that folder's status. Tags add up.</item>
/// <item>A matching rule with <see cref="Rule.StopProcessing"/> ends the run: later rules are not evaluated, so they
/// cannot override it.</item>
/// <item>Conditions read the message as it arrived, never the effects of rules, and applying actions never runs rules
/// again: rules cannot trigger each other or loop.</item>
/// </list>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class RuleEngine
{
    /// <summary>The prefix of the history actor of rule actions: "rule:" followed by the rule's name.</summary>
    public const string ActorPrefix = "rule:";

    private readonly RuleEngineOptions _options;

    /// <summary>Initializes a new instance of the <see cref="RuleEngine"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RuleEngineOptions.RegexTimeout"/> is not positive or exceeds 10 seconds.</exception>
    public RuleEngine(IOptions<RuleEngineOptions>? options = null)
    {
        _options = options?.Value ?? new RuleEngineOptions();
        if (_options.RegexTimeout <= TimeSpan.Zero || _options.RegexTimeout > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.RegexTimeout, "RuleEngineOptions.RegexTimeout must be more than zero and at most 10 seconds.");
        }
    }

    /// <summary>Gets an engine with the default options.</summary>
    public static RuleEngine Default { get; } = new();

    /// <summary>Gets the options.</summary>
    public RuleEngineOptions Options => _options;

    /// <summary>Validates (structure only, see <see cref="RuleValidator"/>) and compiles rules.</summary>
    /// <param name="rules">The rules, in any order.</param>
    /// <param name="revision">The store revision the rules were read at, if any.</param>
    /// <returns>The compiled rules in running order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A rule is invalid or two rules share an id; every failing member is listed with its path ("rules[2].Conditions[0].Value").</exception>
    public CompiledRuleSet Compile(IEnumerable<Rule> rules, long revision = 0)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var errors = new List<ValidationError>();
        var seen = new Dictionary<RuleId, int>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add(new($"rules[{i}]", "must not be null"));
                continue;
            }

            foreach (var error in RuleValidator.Validate(list[i], null, _options))
            {
                errors.Add(error with { Path = $"rules[{i}].{error.Path}" });
            }

            if (!seen.TryAdd(list[i].Id, i))
            {
                errors.Add(new($"rules[{i}].Id", $"'{list[i].Id}' is already used by rules[{seen[list[i].Id]}]"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException("Rule set", errors);
        }

        var compiled = list
            .OrderBy(r => r.Order)
            .ThenBy(r => r.Id.Value, StringComparer.Ordinal)
            .Select(r => new CompiledRule(r, _options.RegexTimeout))
            .ToArray();
        return new CompiledRuleSet(compiled, revision);
    }

    /// <summary>Compiles rules and runs them on one message with explanations; see <see cref="CompiledRuleSet.DryRun"/>.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="input">The facts of the message.</param>
    /// <returns>The dry run.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A rule is invalid.</exception>
    public RuleDryRun DryRun(IEnumerable<Rule> rules, RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Compile(rules).DryRun(input);
    }
}
