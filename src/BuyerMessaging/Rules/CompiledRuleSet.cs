using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// Rules validated and compiled by <see cref="RuleEngine.Compile"/>, in running order, ready to evaluate messages.
/// Immutable and thread-safe.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly CompiledRule[] _rules;

    internal CompiledRuleSet(CompiledRule[] rules, long revision)
    {
        _rules = rules;
        Revision = revision;
    }

    /// <summary>Gets the rules in running order.</summary>
    public IReadOnlyList<Rule> Rules => [.. _rules.Select(r => r.Rule)];

    /// <summary>Gets the number of rules.</summary>
    public int Count => _rules.Length;

    /// <summary>Gets the store revision the rules were read at (0 when they did not come from a store).</summary>
    public long Revision { get; }

    /// <summary>Runs the rules on one message (see <see cref="Rule"/> for the semantics).</summary>
    /// <param name="input">The facts of the message.</param>
    /// <returns>What the rules decide.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public RuleOutcome Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = new RuleFacts(input);
        var accumulator = default(Accumulator);
        foreach (var rule in _rules)
        {
            if (!rule.Rule.Enabled || !rule.InScope(input) || !rule.Matches(facts))
            {
                continue;
            }

            accumulator.Add(rule);
            if (rule.Rule.StopProcessing)
            {
                return accumulator.ToOutcome(rule.Rule.Id);
            }
        }

        return accumulator.ToOutcome(null);
    }

    /// <summary>
    /// Runs the rules on one message and explains every rule: whether it ran, and for each condition whether it held
    /// and why. Nothing is changed.
    /// </summary>
    /// <param name="input">The facts of the message.</param>
    /// <returns>The outcome and one trace per rule, in running order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public RuleDryRun DryRun(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = new RuleFacts(input);
        var accumulator = default(Accumulator);
        var traces = new List<RuleTrace>(_rules.Length);
        Rule? stoppedBy = null;
        foreach (var rule in _rules)
        {
            var r = rule.Rule;
            if (stoppedBy is not null)
            {
                traces.Add(new(r.Id, r.Name, RuleTraceStatus.NotReached, $"rule '{stoppedBy.Name}' matched and stopped processing", []));
                continue;
            }

            if (!r.Enabled)
            {
                traces.Add(new(r.Id, r.Name, RuleTraceStatus.Disabled, "the rule is disabled", []));
                continue;
            }

            if (!rule.InScope(input))
            {
                traces.Add(new(r.Id, r.Name, RuleTraceStatus.OutOfScope, rule.ScopeReason(input), []));
                continue;
            }

            var conditions = new ConditionTrace[rule.Conditions.Length];
            var held = 0;
            for (var i = 0; i < conditions.Length; i++)
            {
                var c = rule.Conditions[i];
                var ok = c.Evaluate(facts);
                held += ok ? 1 : 0;
                conditions[i] = new(i, c.Source, ok, c.Explain(facts, ok));
            }

            var matched = rule.Matches(facts);
            string reason;
            if (conditions.Length == 0)
            {
                reason = "the rule has no conditions, so it matches every message in its scope";
            }
            else if (r.MatchMode == RuleMatchMode.All)
            {
                reason = matched
                    ? $"all {conditions.Length} conditions held"
                    : $"{conditions.Length - held} of {conditions.Length} conditions did not hold and the rule needs all of them";
            }
            else
            {
                reason = matched
                    ? $"{held} of {conditions.Length} conditions held and the rule needs any of them"
                    : $"none of the {conditions.Length} conditions held";
            }

            if (matched)
            {
                accumulator.Add(rule);
                if (r.StopProcessing)
                {
                    stoppedBy = r;
                    reason += "; it stops processing later rules";
                }
            }

            traces.Add(new(r.Id, r.Name, matched ? RuleTraceStatus.Matched : RuleTraceStatus.NotMatched, reason, conditions));
        }

        return new RuleDryRun(accumulator.ToOutcome(stoppedBy?.Id), traces);
    }

    /// <summary>Collects the decisions of matching rules: later rules win per field, tags add up.</summary>
    private struct Accumulator
    {
        private RuleDecision? _folder;
        private RuleDecision? _status;
        private RuleDecision? _assignee;
        private RuleDecision? _noReply;
        private List<RuleDecision>? _tags;
        private List<RuleId>? _matched;

        public void Add(CompiledRule rule)
        {
            (_matched ??= []).Add(rule.Rule.Id);
            _folder = rule.Folder ?? _folder;
            _status = rule.Status ?? _status;
            _assignee = rule.Assignee ?? _assignee;
            _noReply = rule.NoReplyNeeded ?? _noReply;
            foreach (var tag in rule.Tags)
            {
                _tags ??= [];
                if (!_tags.Exists(t => string.Equals(t.Action.Tag, tag.Action.Tag, StringComparison.OrdinalIgnoreCase)))
                {
                    _tags.Add(tag);
                }
            }
        }

        public readonly RuleOutcome ToOutcome(RuleId? stoppedBy) => _matched is null
            ? RuleOutcome.None
            : new RuleOutcome
            {
                MatchedRules = _matched,
                StoppedBy = stoppedBy,
                Folder = _folder,
                Status = _status,
                Assignee = _assignee,
                NoReplyNeeded = _noReply,
                Tags = (IReadOnlyList<RuleDecision>?)_tags ?? [],
            };
    }
}
