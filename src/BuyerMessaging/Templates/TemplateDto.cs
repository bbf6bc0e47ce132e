using System.Text.Json.Serialization;

namespace BuyerMessaging.Internal;

/// <summary>The JSON shape of a template file.</summary>
internal sealed class TemplateDocumentDto
{
    public int? SchemaVersion { get; set; }

    public List<TemplateDto?>? Templates { get; set; }
}

/// <summary>The JSON shape of one template (see <see cref="TemplateJson"/>).</summary>
internal sealed class TemplateDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? StoreId { get; set; }

    public List<string>? Channels { get; set; }

    public bool? Enabled { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public bool? IsHtml { get; set; }

    public List<TemplateAttachmentDto>? Attachments { get; set; }

    public List<string>? MessageTypes { get; set; }

    public List<string>? Tags { get; set; }

    public List<string>? Examples { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }

    public static TemplateDto From(Template t) => new()
    {
        Id = t.Id.Value,
        Name = t.Name,
        Description = t.Description,
        Language = t.Language,
        StoreId = t.StoreId?.Value,
        Channels = [.. t.Channels.Select(c => c.Value)],
        Enabled = t.Enabled,
        Subject = t.Subject,
        Body = t.Body,
        IsHtml = t.IsHtml,
        Attachments = [.. t.Attachments.Select(a => new TemplateAttachmentDto { FileName = a.FileName, ContentType = a.ContentType, ContentBase64 = Convert.ToBase64String(a.Content.Span) })],
        MessageTypes = [.. t.MessageTypes.Select(TemplateJson.ToJsonName)],
        Tags = [.. t.Tags],
        Examples = [.. t.Examples],
    };

    public Template? ToTemplate(string path, List<ValidationError> errors)
    {
        var before = errors.Count;
        if (!TemplateId.TryParse(Id, out var id))
        {
            errors.Add(new($"{path}.id", Id is null ? "is required" : $"'{Id}' is not a valid id"));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new($"{path}.name", "is required"));
        }

        if (string.IsNullOrWhiteSpace(Language))
        {
            errors.Add(new($"{path}.language", "is required (a BCP-47 tag such as \"en\" or \"ja\")"));
        }
        else if (!LanguageTags.IsWellFormed(Language.Trim()))
        {
            errors.Add(new($"{path}.language", $"'{Language}' is not a BCP-47 tag such as \"en\", \"ja\" or \"pt-BR\""));
        }

        for (var i = 0; i < (Examples?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(Examples![i]))
            {
                errors.Add(new($"{path}.examples[{i}]", "is empty: an example is a question a buyer might ask"));
            }
        }

        StoreId? storeId = null;
        if (StoreId is not null)
        {
            if (BuyerMessaging.StoreId.TryParse(StoreId, out var s))
            {
                storeId = s;
            }
            else
            {
                errors.Add(new($"{path}.storeId", $"'{StoreId}' is not a valid id"));
            }
        }

        var channels = new List<ChannelId>();
        for (var i = 0; i < (Channels?.Count ?? 0); i++)
        {
            if (ChannelId.TryParse(Channels![i], out var c))
            {
                channels.Add(c);
            }
            else
            {
                errors.Add(new($"{path}.channels[{i}]", $"'{Channels[i]}' is not a valid id"));
            }
        }

        var types = new List<BuyerMessageType>();
        for (var i = 0; i < (MessageTypes?.Count ?? 0); i++)
        {
            if (TemplateJson.TryParseMessageType(MessageTypes![i], out var type))
            {
                types.Add(type);
            }
            else
            {
                errors.Add(new($"{path}.messageTypes[{i}]", $"'{MessageTypes[i]}' is not a buyer message type"));
            }
        }

        var attachments = new List<MessageAttachment>();
        for (var i = 0; i < (Attachments?.Count ?? 0); i++)
        {
            var a = Attachments![i];
            byte[]? content = null;
            try
            {
                content = Convert.FromBase64String(a.ContentBase64 ?? string.Empty);
            }
            catch (FormatException)
            {
                errors.Add(new($"{path}.attachments[{i}].contentBase64", "is not base64"));
            }

            if (string.IsNullOrWhiteSpace(a.FileName))
            {
                errors.Add(new($"{path}.attachments[{i}].fileName", "is required"));
            }

            if (content is not null && !string.IsNullOrWhiteSpace(a.FileName))
            {
                attachments.Add(new MessageAttachment { FileName = a.FileName, ContentType = a.ContentType ?? "application/octet-stream", Content = content });
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Template
        {
            Id = id,
            Name = Name!.Trim(),
            Description = Description,
            Language = Language!.Trim(),
            StoreId = storeId,
            Channels = channels,
            Enabled = Enabled ?? true,
            Subject = Subject ?? string.Empty,
            Body = Body ?? string.Empty,
            IsHtml = IsHtml ?? false,
            Attachments = attachments,
            MessageTypes = types,
            Tags = Tags ?? [],
            Examples = Examples ?? [],
        };
    }
}

/// <summary>The JSON shape of a template attachment.</summary>
internal sealed class TemplateAttachmentDto
{
    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public string? ContentBase64 { get; set; }
}
