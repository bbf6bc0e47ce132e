namespace BuyerMessaging.Internal;

/// <summary>A validated rule ready to run: scope as arrays, conditions compiled, actions sorted by field.</summary>
internal sealed class CompiledRule
{
    private readonly string[] _stores;
    private readonly string[] _channels;
    private readonly string[] _marketplaces;
    private readonly bool _any;

    public CompiledRule(Rule rule, TimeSpan regexTimeout)
    {
        Rule = rule;
        _stores = [.. rule.Scope.Stores.Select(s => s.Value)];
        _channels = [.. rule.Scope.Channels.Select(c => c.Value)];
        _marketplaces = [.. rule.Scope.Marketplaces.Select(NormalizeMarketplace)];
        _any = rule.MatchMode == RuleMatchMode.Any;
        Conditions = [.. rule.Conditions.Select(c => CompiledCondition.Create(c, regexTimeout))];
        foreach (var action in rule.Actions)
        {
            var decision = new RuleDecision(rule.Id, rule.Name, action);
            switch (action.Kind)
            {
                case RuleActionKind.MoveToFolder:
                    Folder = decision;
                    if (SystemFolders.StatusOf(action.Folder!.Value) is not null)
                    {
                        Status = decision;
                    }

                    break;
                case RuleActionKind.SetStatus:
                    Status = decision;
                    break;
                case RuleActionKind.AssignAgent:
                    Assignee = decision;
                    break;
                case RuleActionKind.MarkNoReplyNeeded:
                    NoReplyNeeded = decision;
                    break;
                default:
                    Tags.Add(decision);
                    break;
            }
        }
    }

    public Rule Rule { get; }

    public CompiledCondition[] Conditions { get; }

    public RuleDecision? Folder { get; }

    public RuleDecision? Status { get; }

    public RuleDecision? Assignee { get; }

    public RuleDecision? NoReplyNeeded { get; }

    public List<RuleDecision> Tags { get; } = [];

    public bool InScope(RuleInput input) =>
        (_stores.Length == 0 || Array.IndexOf(_stores, input.Store.Value) >= 0)
        && (_channels.Length == 0 || Array.IndexOf(_channels, input.Channel.Value) >= 0)
        && (_marketplaces.Length == 0 || (input.MarketplaceCountry is { } country && Array.IndexOf(_marketplaces, country) >= 0));

    public string ScopeReason(RuleInput input)
    {
        if (_stores.Length > 0 && Array.IndexOf(_stores, input.Store.Value) < 0)
        {
            return $"store '{input.Store}' is not in the rule's scope [{string.Join(", ", _stores)}]";
        }

        if (_channels.Length > 0 && Array.IndexOf(_channels, input.Channel.Value) < 0)
        {
            return $"channel '{input.Channel}' is not in the rule's scope [{string.Join(", ", _channels)}]";
        }

        return input.MarketplaceCountry is null
            ? $"channel '{input.Channel}' is not an Amazon marketplace and the rule's scope names marketplaces [{string.Join(", ", _marketplaces)}]"
            : $"marketplace {input.MarketplaceCountry} is not in the rule's scope [{string.Join(", ", _marketplaces)}]";
    }

    public bool Matches(RuleFacts facts)
    {
        var conditions = Conditions;
        if (conditions.Length == 0)
        {
            return true;
        }

        if (_any)
        {
            foreach (var c in conditions)
            {
                if (c.Evaluate(facts))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var c in conditions)
        {
            if (!c.Evaluate(facts))
            {
                return false;
            }
        }

        return true;
    }

    private static string NormalizeMarketplace(string value)
    {
        var trimmed = value.Trim();
        return AmazonMarketplaces.TryGetByCountry(trimmed, out var m) || AmazonMarketplaces.TryGetById(trimmed, out m)
            ? m.CountryCode
            : trimmed.ToUpperInvariant();
    }
}
