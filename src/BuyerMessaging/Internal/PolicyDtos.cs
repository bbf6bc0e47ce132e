using System.Text.Json.Serialization;

namespace BuyerMessaging.Internal;

internal sealed class ChannelPoliciesDto
{
    public string ChannelId { get; set; } = string.Empty;

    public SlaPolicyDto? Sla { get; set; }

    public AutoReplyPolicyDto? AutoReply { get; set; }

    public SmartReplyPolicyDto? SmartReply { get; set; }
}

internal sealed class SlaPolicyDto
{
    public SlaClockKind Clock { get; set; }

    public decimal ResponseTimeSeconds { get; set; }

    public string? Zone { get; set; }

    public string? Calendar { get; set; }

    public string? Holidays { get; set; }

    public bool AutoReplyStopsClock { get; set; }

    public decimal DueSoonSeconds { get; set; }
}

internal sealed class AutoReplyPolicyDto
{
    public bool Enabled { get; set; }

    public string Zone { get; set; } = "UTC";

    public string? Windows { get; set; }

    public string? Dates { get; set; }

    public int MinDelayMinutes { get; set; }

    public int MaxDelayMinutes { get; set; }

    public TemplateSelectionDto? FirstContact { get; set; }

    public TemplateSelectionDto? FollowUp { get; set; }

    public decimal ConversationCooldownSeconds { get; set; }

    public decimal BuyerCooldownSeconds { get; set; }
}

internal sealed class TemplateSelectionDto
{
    public string? Default { get; set; }

    public Dictionary<string, string> ByMessageType { get; set; } = [];
}

internal sealed class SmartReplyPolicyDto
{
    public string? Name { get; set; }

    public string? Language { get; set; }

    public bool Enabled { get; set; }

    public List<string> Templates { get; set; } = [];

    public decimal ReplyAfterSeconds { get; set; }
}

/// <summary>Source-generated JSON of channel policies (camelCase, enums as strings, nulls omitted, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ChannelPoliciesDto))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
