using System.Text;
using System.Text.Json;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The JSON export format of templates (schema version 1): <c>{"schemaVersion":1,"templates":[...]}</c>, each template an
/// object with camelCase members <c>id</c>, <c>name</c>, <c>description</c>, <c>language</c>, <c>storeId</c>,
/// <c>channels</c>, <c>enabled</c>, <c>subject</c>, <c>body</c>, <c>isHtml</c>, <c>attachments</c> (<c>fileName</c>,
/// <c>contentType</c>, <c>contentBase64</c>), <c>messageTypes</c> (camelCase names of <see cref="BuyerMessageType"/>),
/// <c>tags</c> and <c>examples</c>. Import also accepts a bare array of template objects; only <c>id</c>, <c>name</c>
/// and <c>language</c> are required.
/// </summary>
public static class TemplateJson
{
    /// <summary>The schema version written by <see cref="Export"/>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes templates in the export format.</summary>
    /// <param name="templates">The templates.</param>
    /// <returns>The JSON text, indented, with non-ASCII text (Japanese) and HTML markup written as is, for people to edit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> is <see langword="null"/>.</exception>
    public static string Export(IEnumerable<Template> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var document = new TemplateDocumentDto
        {
            SchemaVersion = SchemaVersion,
            Templates = [.. templates.Select(TemplateDto.From)],
        };
        return JsonSerializer.Serialize(document, CoreJsonContext.Files.TemplateDocumentDto);
    }

    /// <summary>Reads templates from the export format or from a bare array of template objects.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The templates, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The JSON is malformed or a template is invalid; every failing member is listed with its path.</exception>
    public static IReadOnlyList<Template> Import(string json) => Import(json, out _);

    /// <summary>Reads templates as <see cref="Import(string)"/> does, and gives the path prefix of the i-th template: <c>templates[i]</c>, or <c>[i]</c> in a bare array.</summary>
    internal static IReadOnlyList<Template> Import(string json, out string prefix)
    {
        ArgumentNullException.ThrowIfNull(json);
        List<TemplateDto?>? dtos;
        prefix = "templates";
        try
        {
            var trimmed = json.AsSpan().TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] == '[')
            {
                dtos = JsonSerializer.Deserialize(json, CoreJsonContext.Default.ListTemplateDto);
                prefix = string.Empty;
            }
            else
            {
                var document = JsonSerializer.Deserialize(json, CoreJsonContext.Default.TemplateDocumentDto);
                if (document is not null && document.SchemaVersion is > SchemaVersion)
                {
                    throw new DefinitionValidationException("Template file", [new("schemaVersion", $"version {document.SchemaVersion} is newer than {SchemaVersion}, the newest this version reads")]);
                }

                dtos = document?.Templates;
            }
        }
        catch (JsonException ex)
        {
            throw new DefinitionValidationException("Template file", [new(ex.Path ?? "$", ex.Message)]);
        }

        if (dtos is null)
        {
            throw new DefinitionValidationException("Template file", [new(prefix.Length == 0 ? "$" : prefix, "no templates")]);
        }

        var errors = new List<ValidationError>();
        var templates = new List<Template>(dtos.Count);
        var seen = new Dictionary<TemplateId, int>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var path = $"{prefix}[{i}]";
            var template = dtos[i]?.ToTemplate(path, errors);
            if (dtos[i] is null)
            {
                errors.Add(new(path, "must be an object"));
            }

            if (template is null)
            {
                continue;
            }

            if (seen.TryGetValue(template.Id, out var first))
            {
                errors.Add(new($"{path}.id", $"'{template.Id}' is already used by {prefix}[{first}]"));
            }
            else
            {
                seen.Add(template.Id, i);
                templates.Add(template);
            }
        }

        return errors.Count == 0 ? templates : throw new DefinitionValidationException("Template file", errors);
    }

    internal static string ToJsonName(BuyerMessageType type)
    {
        var name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    internal static bool TryParseMessageType(string? value, out BuyerMessageType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value))
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

        return Enum.TryParse(sb.ToString(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
