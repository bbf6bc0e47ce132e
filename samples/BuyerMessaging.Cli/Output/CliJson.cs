using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BuyerMessaging.Cli;

/// <summary>All JSON the CLI reads and writes, through one source-generated context (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(IngestJson))]
[JsonSerializable(typeof(ParsedMessageJson))]
[JsonSerializable(typeof(InboxJson))]
[JsonSerializable(typeof(ConversationListJson))]
[JsonSerializable(typeof(ShowJson))]
[JsonSerializable(typeof(MessageResultJson))]
[JsonSerializable(typeof(QuarantineListJson))]
[JsonSerializable(typeof(QuarantineRetryJson))]
[JsonSerializable(typeof(QuarantineSaveJson))]
[JsonSerializable(typeof(QuarantineDeleteJson))]
[JsonSerializable(typeof(FolderJson))]
[JsonSerializable(typeof(FolderListJson))]
[JsonSerializable(typeof(FolderDeletedJson))]
[JsonSerializable(typeof(CountsJson))]
[JsonSerializable(typeof(DemoJson))]
[JsonSerializable(typeof(TemplateJsonModel))]
[JsonSerializable(typeof(TemplateListJson))]
[JsonSerializable(typeof(RenderedJson))]
[JsonSerializable(typeof(FavouritesJson))]
[JsonSerializable(typeof(TemplateImportJson))]
[JsonSerializable(typeof(TemplateDeleteJson))]
[JsonSerializable(typeof(DetectJson))]
[JsonSerializable(typeof(MatchJson))]
[JsonSerializable(typeof(SmartReplySimulationJson))]
[JsonSerializable(typeof(LintJson))]
[JsonSerializable(typeof(RulesTestJson))]
[JsonSerializable(typeof(RulesApplyJson))]
[JsonSerializable(typeof(RuleListJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>The context with the CLI's options: camelCase, indented, non-ASCII text (Japanese) written as is.</summary>
internal static class CliJson
{
    /// <summary>Gets the context.</summary>
    public static CliJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });
}
