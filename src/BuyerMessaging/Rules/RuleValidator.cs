using System.Text.RegularExpressions;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// Validates a <see cref="Rule"/> and reports every failing member at once, with its path, for example
/// <c>Conditions[2].Value: regular expression does not compile: …</c> or <c>Actions[0].Folder: folder 'returns' does not exist</c>.
/// </summary>
public static class RuleValidator
{
    /// <summary>The longest value of a text condition, and the longest regular expression.</summary>
    public const int MaxValueLength = 1000;

    /// <summary>The longest tag.</summary>
    public const int MaxTagLength = 100;

    /// <summary>Validates a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="context">What exists, for the reference checks; <see langword="null"/> checks the structure only.</param>
    /// <returns>Every failing member; empty when the rule is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(Rule rule, RuleValidationContext? context = null) =>
        Validate(rule, context, RuleEngine.Default.Options);

    /// <summary>Validates a rule and throws when it is invalid.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="context">What exists, for the reference checks.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The rule is invalid; every failing member is listed.</exception>
    public static void ThrowIfInvalid(Rule rule, RuleValidationContext? context = null)
    {
        var errors = Validate(rule, context);
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Rule '{rule.Id}'", errors);
        }
    }

    internal static IReadOnlyList<ValidationError> Validate(Rule rule, RuleValidationContext? context, RuleEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = new List<ValidationError>();
        if (rule.Id.Value.Length == 0)
        {
            errors.Add(new("Id", "is required"));
        }

        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add(new("Name", "must not be empty"));
        }
        else if (rule.Name.Length > Rule.MaxNameLength)
        {
            errors.Add(new("Name", $"is longer than {Rule.MaxNameLength} characters"));
        }
        else if (rule.Name.Any(char.IsControl))
        {
            errors.Add(new("Name", "must not contain line breaks or control characters"));
        }

        if (!Enum.IsDefined(rule.MatchMode))
        {
            errors.Add(new("MatchMode", $"'{rule.MatchMode}' is not a match mode (all or any)"));
        }

        ValidateScope(rule.Scope, context, errors);
        if (rule.Conditions is null)
        {
            errors.Add(new("Conditions", "must not be null"));
        }
        else
        {
            for (var i = 0; i < rule.Conditions.Count; i++)
            {
                ValidateCondition(rule.Conditions[i], $"Conditions[{i}]", context, options, errors);
            }
        }

        ValidateActions(rule.Actions, context, errors);
        return errors;
    }

    private static void ValidateScope(RuleScope? scope, RuleValidationContext? context, List<ValidationError> errors)
    {
        if (scope is null)
        {
            errors.Add(new("Scope", "must not be null"));
            return;
        }

        for (var i = 0; i < (scope.Stores?.Count ?? 0); i++)
        {
            CheckStore(scope.Stores![i].Value, $"Scope.Stores[{i}]", context, errors);
        }

        for (var i = 0; i < (scope.Channels?.Count ?? 0); i++)
        {
            CheckChannel(scope.Channels![i].Value, $"Scope.Channels[{i}]", context, errors);
        }

        for (var i = 0; i < (scope.Marketplaces?.Count ?? 0); i++)
        {
            CheckMarketplace(scope.Marketplaces![i], $"Scope.Marketplaces[{i}]", errors);
        }
    }

    private static void ValidateCondition(RuleCondition? c, string path, RuleValidationContext? context, RuleEngineOptions options, List<ValidationError> errors)
    {
        if (c is null)
        {
            errors.Add(new(path, "must not be null"));
            return;
        }

        if (!Enum.IsDefined(c.Field))
        {
            errors.Add(new($"{path}.Field", $"'{c.Field}' is not a condition field"));
            return;
        }

        if (!Enum.IsDefined(c.Operator))
        {
            errors.Add(new($"{path}.Operator", $"'{c.Operator}' is not an operator"));
            return;
        }

        var values = c.Values ?? [];
        switch (c.Field)
        {
            case RuleField.Subject or RuleField.Sender or RuleField.Body:
                if (c.Operator is RuleOperator.IsOneOf or RuleOperator.Is)
                {
                    errors.Add(new($"{path}.Operator", $"'{RuleJson.Name(c.Operator)}' cannot be used with the text field '{RuleJson.Name(c.Field)}'; use contains, doesNotContain, startsWith, endsWith, equalTo or matches"));
                    return;
                }

                if (string.IsNullOrEmpty(c.Value) || TextFolding.Fold(c.Value).Trim().Length == 0)
                {
                    errors.Add(new($"{path}.Value", "must not be empty"));
                }
                else if (c.Value.Length > MaxValueLength)
                {
                    errors.Add(new($"{path}.Value", $"is longer than {MaxValueLength} characters"));
                }
                else if (c.Operator == RuleOperator.Matches)
                {
                    try
                    {
                        _ = new Regex(TextFolding.Fold(c.Value), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, options.RegexTimeout);
                    }
                    catch (ArgumentException ex)
                    {
                        errors.Add(new($"{path}.Value", $"regular expression does not compile: {ex.Message}"));
                    }
                }

                if (values.Count > 0)
                {
                    errors.Add(new($"{path}.Values", $"is not used with '{RuleJson.Name(c.Operator)}'; put the text in Value"));
                }

                break;

            case RuleField.HasOrder or RuleField.FirstContact:
                if (c.Operator != RuleOperator.Is)
                {
                    errors.Add(new($"{path}.Operator", $"'{RuleJson.Name(c.Operator)}' cannot be used with '{RuleJson.Name(c.Field)}'; use 'is'"));
                }
                else if (!bool.TryParse(c.Value?.Trim(), out _))
                {
                    errors.Add(new($"{path}.Value", $"must be \"true\" or \"false\", not {(c.Value is null ? "empty" : $"'{c.Value}'")}"));
                }

                break;

            default:
                if (c.Operator != RuleOperator.IsOneOf)
                {
                    errors.Add(new($"{path}.Operator", $"'{RuleJson.Name(c.Operator)}' cannot be used with '{RuleJson.Name(c.Field)}'; use 'isOneOf'"));
                    return;
                }

                if (values.Count == 0)
                {
                    errors.Add(new($"{path}.Values", "needs at least one value"));
                }

                for (var i = 0; i < values.Count; i++)
                {
                    CheckListValue(c.Field, values[i], $"{path}.Values[{i}]", context, errors);
                }

                break;
        }
    }

    private static void CheckListValue(RuleField field, string? value, string path, RuleValidationContext? context, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, "must not be empty"));
            return;
        }

        switch (field)
        {
            case RuleField.MessageType:
                if (!TemplateJson.TryParseMessageType(value, out _))
                {
                    errors.Add(new(path, $"'{value}' is not a buyer message type ({string.Join(", ", Enum.GetValues<BuyerMessageType>().Select(TemplateJson.ToJsonName))})"));
                }

                break;
            case RuleField.Language:
                if (!LanguageTags.IsWellFormed(value.Trim()))
                {
                    errors.Add(new(path, $"'{value}' is not a BCP-47 language tag such as \"ja\" or \"en-US\""));
                }

                break;
            case RuleField.Channel:
                CheckChannel(value, path, context, errors);
                break;
            case RuleField.Store:
                CheckStore(value, path, context, errors);
                break;
            default:
                CheckMarketplace(value, path, errors);
                break;
        }
    }

    private static void ValidateActions(IReadOnlyList<RuleAction>? actions, RuleValidationContext? context, List<ValidationError> errors)
    {
        if (actions is null || actions.Count == 0)
        {
            errors.Add(new("Actions", "a rule needs at least one action"));
            return;
        }

        int folder = -1, status = -1, agent = -1, noReply = -1;
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            var path = $"Actions[{i}]";
            if (a is null)
            {
                errors.Add(new(path, "must not be null"));
                continue;
            }

            switch (a.Kind)
            {
                case RuleActionKind.MoveToFolder:
                    if (a.Folder is not { } f || f.Value.Length == 0)
                    {
                        errors.Add(new($"{path}.Folder", "is required to move to a folder"));
                        break;
                    }

                    if (context?.Folders is { } folders && !folders.Contains(f))
                    {
                        errors.Add(new($"{path}.Folder", $"folder '{f}' does not exist"));
                    }

                    Once(ref folder, i, "moves the conversation to a folder", errors);
                    if (SystemFolders.StatusOf(f) is not null)
                    {
                        Once(ref status, i, "sets the status (a system folder sets its status)", errors);
                    }

                    break;
                case RuleActionKind.AssignAgent:
                    if (a.Agent is not { } ag || ag.Value.Length == 0)
                    {
                        errors.Add(new($"{path}.Agent", "is required to assign an agent"));
                        break;
                    }

                    if (context?.Agents is { } agents && !agents.Contains(ag))
                    {
                        errors.Add(new($"{path}.Agent", $"agent '{ag}' does not exist"));
                    }

                    Once(ref agent, i, "assigns an agent", errors);
                    break;
                case RuleActionKind.SetStatus:
                    if (a.Status is not { } s || !Enum.IsDefined(s))
                    {
                        errors.Add(new($"{path}.Status", a.Status is null ? "is required to set the status" : $"'{a.Status}' is not a status"));
                        break;
                    }

                    Once(ref status, i, "sets the status", errors);
                    break;
                case RuleActionKind.AddTag:
                    if (string.IsNullOrWhiteSpace(a.Tag))
                    {
                        errors.Add(new($"{path}.Tag", "must not be empty"));
                    }
                    else if (a.Tag.Trim().Length > MaxTagLength)
                    {
                        errors.Add(new($"{path}.Tag", $"is longer than {MaxTagLength} characters"));
                    }

                    break;
                case RuleActionKind.MarkNoReplyNeeded:
                    Once(ref noReply, i, "marks no reply needed", errors);
                    break;
                default:
                    errors.Add(new($"{path}.Kind", $"'{a.Kind}' is not an action"));
                    break;
            }

            void Once(ref int first, int index, string what, List<ValidationError> list)
            {
                if (first >= 0)
                {
                    list.Add(new($"Actions[{index}]", $"Actions[{first}] already {what}; a rule sets each field once"));
                }
                else
                {
                    first = index;
                }
            }
        }
    }

    private static void CheckStore(string? value, string path, RuleValidationContext? context, List<ValidationError> errors)
    {
        if (!StoreId.TryParse(value, out var id))
        {
            errors.Add(new(path, $"'{value}' is not a valid store id"));
        }
        else if (context?.Stores is { } stores && !stores.Contains(id))
        {
            errors.Add(new(path, $"store '{id}' does not exist"));
        }
    }

    private static void CheckChannel(string? value, string path, RuleValidationContext? context, List<ValidationError> errors)
    {
        if (!ChannelId.TryParse(value, out var id))
        {
            errors.Add(new(path, $"'{value}' is not a valid channel id"));
        }
        else if (context?.Channels is { } channels && !channels.Contains(id))
        {
            errors.Add(new(path, $"channel '{id}' does not exist"));
        }
    }

    private static void CheckMarketplace(string? value, string path, List<ValidationError> errors)
    {
        var v = value?.Trim();
        if (!AmazonMarketplaces.TryGetByCountry(v, out _) && !AmazonMarketplaces.TryGetById(v, out _))
        {
            errors.Add(new(path, $"'{value}' is not an Amazon marketplace (a country code such as \"JP\" or a marketplace id)"));
        }
    }
}
