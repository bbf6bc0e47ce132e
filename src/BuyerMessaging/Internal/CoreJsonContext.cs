using System.Text.Json.Serialization;

namespace BuyerMessaging.Internal;

/// <summary>The core's source-generated JSON metadata (camelCase, nulls omitted, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TemplateDocumentDto))]
[JsonSerializable(typeof(List<TemplateDto>))]
[JsonSerializable(typeof(RuleDocumentDto))]
[JsonSerializable(typeof(List<RuleDto>))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
