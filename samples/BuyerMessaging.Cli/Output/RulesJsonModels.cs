namespace BuyerMessaging.Cli;

// The JSON contracts of "lint" and "rules". Same conventions as JsonModels.cs.

/// <summary>The result of <c>lint --json</c>: <c>{"findings":[{"rule":"...","severity":"block|warn","start":N,"length":N,"message":"..."}]}</c>.</summary>
internal sealed record LintJson(IReadOnlyList<LintFindingJson> Findings);

/// <summary>One finding of the content check; the span is in UTF-16 code units of the text as given.</summary>
internal sealed record LintFindingJson(string Rule, string Severity, int Start, int Length, string Message);

/// <summary>The result of <c>rules test --json</c>: the outcome and, for every rule, what happened and why.</summary>
internal sealed record RulesTestJson(RulesOutcomeJson Outcome, IReadOnlyList<RuleTraceJson> Rules);

/// <summary>The outcome of a rule run: the matched rules, the rule that stopped processing, and the winning action per field.</summary>
internal sealed record RulesOutcomeJson(IReadOnlyList<string> MatchedRules, string? StoppedBy, IReadOnlyList<DecisionJson> Decisions);

/// <summary>An action that won for its field, and the rule it came from.</summary>
internal sealed record DecisionJson(string Field, string Action, string Rule);

/// <summary>What happened to one rule: matched, notMatched, disabled, outOfScope or notReached, with the reason.</summary>
internal sealed record RuleTraceJson(string Id, string Name, string Status, string Reason, IReadOnlyList<ConditionTraceJson> Conditions);

/// <summary>One condition: whether it held and why.</summary>
internal sealed record ConditionTraceJson(int Index, string Field, string Operator, string? Value, IReadOnlyList<string> Values, bool Held, string Reason);

/// <summary>The result of <c>rules apply --json</c>.</summary>
internal sealed record RulesApplyJson(int Examined, int Changed, bool DryRun, IReadOnlyList<RuleApplicationJson> Conversations);

/// <summary>What the rules did (or would do) to one conversation.</summary>
internal sealed record RuleApplicationJson(string Id, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> Changes);

/// <summary>The result of <c>rules list --json</c> and <c>rules import --json</c>.</summary>
internal sealed record RuleListJson(IReadOnlyList<RuleSummaryJson> Rules);

/// <summary>A rule in a listing.</summary>
internal sealed record RuleSummaryJson(string Id, string Name, int Order, bool Enabled, string MatchMode, int Conditions, IReadOnlyList<string> Actions, bool StopProcessing);
