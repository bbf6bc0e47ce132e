using System.Text.Json;
using System.Text.Json.Serialization;

namespace BuyerMessaging.Internal;

/// <summary>The JSON shape of a rule file (see <see cref="RuleJson"/>).</summary>
internal sealed class RuleDocumentDto
{
    public int? SchemaVersion { get; set; }

    public List<RuleDto?>? Rules { get; set; }
}

/// <summary>The JSON shape of one rule.</summary>
internal sealed class RuleDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? Enabled { get; set; }

    public int? Order { get; set; }

    public RuleScopeDto? Scope { get; set; }

    public string? MatchMode { get; set; }

    public List<RuleConditionDto?>? Conditions { get; set; }

    public List<RuleActionDto?>? Actions { get; set; }

    public bool? StopProcessing { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The JSON shape of a rule's scope.</summary>
internal sealed class RuleScopeDto
{
    public List<string>? Stores { get; set; }

    public List<string>? Channels { get; set; }

    public List<string>? Marketplaces { get; set; }
}

/// <summary>The JSON shape of a condition.</summary>
internal sealed class RuleConditionDto
{
    public string? Field { get; set; }

    public string? Operator { get; set; }

    public string? Value { get; set; }

    public List<string>? Values { get; set; }
}

/// <summary>The JSON shape of an action.</summary>
internal sealed class RuleActionDto
{
    public string? Type { get; set; }

    public string? Folder { get; set; }

    public string? Agent { get; set; }

    public string? Status { get; set; }

    public string? Tag { get; set; }
}
