using System.Text;
using System.Text.Json;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The JSON import/export format of rules, schema version 1:
/// <code>
/// {"schemaVersion":1,"rules":[{"id":"returns","name":"Returns","enabled":true,"order":10,
///   "scope":{"stores":[],"channels":[],"marketplaces":["JP"]},"matchMode":"any",
///   "conditions":[{"field":"messageType","operator":"isOneOf","values":["returnRequest","damagedOrDefective"]},
///                 {"field":"subject","operator":"contains","value":"配達"}],
///   "actions":[{"type":"moveToFolder","folder":"returns"},{"type":"assignAgent","agent":"kim"},
///              {"type":"setStatus","status":"pending"},{"type":"addTag","tag":"return"},{"type":"markNoReplyNeeded"}],
///   "stopProcessing":false}]}
/// </code>
/// Names of fields, operators, match modes, action types, statuses and message types are camelCase (import also accepts
/// any case and "-" or "_" separators). Only <c>id</c>, <c>name</c> and <c>actions</c> are required. Import also accepts
/// a bare array of rules. A file whose <c>schemaVersion</c> is newer than <see cref="SchemaVersion"/> is refused.
/// </summary>
public static class RuleJson
{
    /// <summary>The schema version written by <see cref="Export"/>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes rules in the export format.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    public static string Export(IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var document = new RuleDocumentDto { SchemaVersion = SchemaVersion, Rules = [.. rules.Select(ToDto)] };
        return JsonSerializer.Serialize(document, CoreJsonContext.Files.RuleDocumentDto);
    }

    /// <summary>Reads rules from the export format or a bare array, validating their structure (not their references).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rules in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The JSON is malformed or a rule is invalid; every failing member is listed with its path, for example "rules[0].Conditions[2].Value".</exception>
    public static IReadOnlyList<Rule> Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        List<RuleDto?>? dtos;
        try
        {
            var trimmed = json.AsSpan().TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] == '[')
            {
                dtos = JsonSerializer.Deserialize(json, CoreJsonContext.Default.ListRuleDto);
            }
            else
            {
                var document = JsonSerializer.Deserialize(json, CoreJsonContext.Default.RuleDocumentDto);
                if (document?.SchemaVersion is > SchemaVersion)
                {
                    throw new DefinitionValidationException("Rule file", [new("schemaVersion", $"version {document.SchemaVersion} is newer than {SchemaVersion}, the newest this version reads")]);
                }

                dtos = document?.Rules;
            }
        }
        catch (JsonException ex)
        {
            throw new DefinitionValidationException("Rule file", [new(ex.Path ?? "$", ex.Message)]);
        }

        if (dtos is null)
        {
            throw new DefinitionValidationException("Rule file", [new("rules", "no rules")]);
        }

        var errors = new List<ValidationError>();
        var rules = new List<Rule>(dtos.Count);
        var seen = new Dictionary<RuleId, int>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var path = $"rules[{i}]";
            if (dtos[i] is not { } dto)
            {
                errors.Add(new(path, "must be an object"));
                continue;
            }

            var parseErrors = new List<ValidationError>();
            var rule = FromDto(dto, parseErrors);
            errors.AddRange(parseErrors.Select(e => e with { Path = $"{path}.{e.Path}" }));
            if (rule is null)
            {
                continue;
            }

            errors.AddRange(RuleValidator.Validate(rule).Select(e => e with { Path = $"{path}.{e.Path}" }));
            if (!seen.TryAdd(rule.Id, i))
            {
                errors.Add(new($"{path}.Id", $"'{rule.Id}' is already used by rules[{seen[rule.Id]}]"));
            }

            rules.Add(rule);
        }

        return errors.Count == 0 ? rules : throw new DefinitionValidationException("Rule file", errors);
    }

    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 || !char.IsUpper(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    internal static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value) || char.IsDigit(value.Trim()[0]) || value.Trim()[0] == '-')
        {
            return false;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is not '-' and not '_' and not ' ')
            {
                sb.Append(c);
            }
        }

        return Enum.TryParse(sb.ToString(), ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    private static RuleDto ToDto(Rule r) => new()
    {
        Id = r.Id.Value,
        Name = r.Name,
        Enabled = r.Enabled,
        Order = r.Order,
        Scope = r.Scope.IsEverywhere ? null : new RuleScopeDto
        {
            Stores = [.. r.Scope.Stores.Select(s => s.Value)],
            Channels = [.. r.Scope.Channels.Select(c => c.Value)],
            Marketplaces = [.. r.Scope.Marketplaces],
        },
        MatchMode = Name(r.MatchMode),
        Conditions = [.. r.Conditions.Select(c => new RuleConditionDto
        {
            Field = Name(c.Field),
            Operator = Name(c.Operator),
            Value = c.Value,
            Values = c.Values.Count == 0 ? null : [.. c.Values],
        })],
        Actions = [.. r.Actions.Select(a => new RuleActionDto
        {
            Type = Name(a.Kind),
            Folder = a.Folder?.Value,
            Agent = a.Agent?.Value,
            Status = a.Status is { } s ? Name(s) : null,
            Tag = a.Tag,
        })],
        StopProcessing = r.StopProcessing,
    };

    private static Rule? FromDto(RuleDto dto, List<ValidationError> errors)
    {
        if (!RuleId.TryParse(dto.Id, out var id))
        {
            errors.Add(new("Id", dto.Id is null ? "is required" : $"'{dto.Id}' is not a valid id"));
        }

        if (dto.Name is null)
        {
            errors.Add(new("Name", "is required"));
        }

        var mode = RuleMatchMode.All;
        if (dto.MatchMode is not null && !TryParse(dto.MatchMode, out mode))
        {
            errors.Add(new("MatchMode", $"'{dto.MatchMode}' is not a match mode (all or any)"));
        }

        var scope = RuleScope.Everywhere;
        if (dto.Scope is { } s)
        {
            scope = new RuleScope
            {
                Stores = ParseIds<StoreId>(s.Stores, "Scope.Stores", "store", errors),
                Channels = ParseIds<ChannelId>(s.Channels, "Scope.Channels", "channel", errors),
                Marketplaces = [.. s.Marketplaces ?? []],
            };
        }

        var conditions = new List<RuleCondition>();
        for (var i = 0; i < (dto.Conditions?.Count ?? 0); i++)
        {
            var c = dto.Conditions![i];
            var path = $"Conditions[{i}]";
            if (c is null)
            {
                errors.Add(new(path, "must be an object"));
                continue;
            }

            var ok = true;
            if (!TryParse(c.Field, out RuleField field))
            {
                errors.Add(new($"{path}.Field", c.Field is null ? "is required" : $"'{c.Field}' is not a condition field ({string.Join(", ", Enum.GetValues<RuleField>().Select(f => Name(f)))})"));
                ok = false;
            }

            if (!TryParse(c.Operator, out RuleOperator op))
            {
                errors.Add(new($"{path}.Operator", c.Operator is null ? "is required" : $"'{c.Operator}' is not an operator ({string.Join(", ", Enum.GetValues<RuleOperator>().Select(o => Name(o)))})"));
                ok = false;
            }

            if (ok)
            {
                conditions.Add(new RuleCondition { Field = field, Operator = op, Value = c.Value, Values = [.. c.Values ?? []] });
            }
        }

        var actions = new List<RuleAction>();
        if (dto.Actions is null)
        {
            errors.Add(new("Actions", "is required"));
        }

        for (var i = 0; i < (dto.Actions?.Count ?? 0); i++)
        {
            var a = dto.Actions![i];
            var path = $"Actions[{i}]";
            if (a is null)
            {
                errors.Add(new(path, "must be an object"));
                continue;
            }

            if (!TryParse(a.Type, out RuleActionKind kind))
            {
                errors.Add(new($"{path}.Type", a.Type is null ? "is required" : $"'{a.Type}' is not an action ({string.Join(", ", Enum.GetValues<RuleActionKind>().Select(k => Name(k)))})"));
                continue;
            }

            FolderId? folder = null;
            if (a.Folder is not null)
            {
                if (FolderId.TryParse(a.Folder, out var f))
                {
                    folder = f;
                }
                else
                {
                    errors.Add(new($"{path}.Folder", $"'{a.Folder}' is not a valid folder id"));
                }
            }

            AgentId? agent = null;
            if (a.Agent is not null)
            {
                if (AgentId.TryParse(a.Agent, out var ag))
                {
                    agent = ag;
                }
                else
                {
                    errors.Add(new($"{path}.Agent", $"'{a.Agent}' is not a valid agent id"));
                }
            }

            ConversationStatus? status = null;
            if (a.Status is not null)
            {
                if (TryParse(a.Status, out ConversationStatus st))
                {
                    status = st;
                }
                else
                {
                    errors.Add(new($"{path}.Status", $"'{a.Status}' is not a status (open, pending, awaitingBuyer, resolved)"));
                }
            }

            actions.Add(new RuleAction { Kind = kind, Folder = folder, Agent = agent, Status = status, Tag = a.Tag });
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new Rule
        {
            Id = id,
            Name = dto.Name!,
            Enabled = dto.Enabled ?? true,
            Order = dto.Order ?? 0,
            Scope = scope,
            MatchMode = mode,
            Conditions = conditions,
            Actions = actions,
            StopProcessing = dto.StopProcessing ?? false,
        };
    }

    private static List<TId> ParseIds<TId>(List<string>? values, string path, string what, List<ValidationError> errors)
        where TId : struct, IStrongId<TId>
    {
        var ids = new List<TId>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (StrongId.TryParse(values![i], out TId id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(new($"{path}[{i}]", $"'{values[i]}' is not a valid {what} id"));
            }
        }

        return ids;
    }
}
