using System.Text.Encodings.Web;
using System.Text.Json;
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
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Gets the context for the files people read and edit (template and rule exports): as <see cref="Default"/>, with
    /// non-ASCII text (Japanese, umlauts) and HTML markup written as is instead of <c>\uXXXX</c> escapes, and
    /// <c>\n</c> line ends on every OS. Not for JSON embedded in HTML or script.
    /// </summary>
    public static CoreJsonContext Files => FilesContext.Instance;

    /// <summary>Holds <see cref="Files"/>, created at first use: after the generated <see cref="Default"/>, whose options it copies.</summary>
    private static class FilesContext
    {
        public static readonly CoreJsonContext Instance = new(new JsonSerializerOptions(Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        });
    }
}
