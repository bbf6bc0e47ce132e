using System.Globalization;
using System.Text.RegularExpressions;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// Keeps a store's templates (マイテンプレート): saves them after validation (every failing member listed at once, with
/// its path), deletes and lists them, copies a built-in sample (<see cref="TemplateSamples"/>) into a store as an
/// editable copy, keeps each store's favourites (at most <see cref="TemplateBookOptions.MaxFavourites"/>), and makes a
/// template's language variant with an <see cref="ITranslator"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class TemplateBook
{
    private readonly IConversationStore _store;
    private readonly ITranslator? _translator;
    private readonly ITemplateSaveCheck? _saveCheck;
    private readonly TemplateBookOptions _options;

    /// <summary>Initializes a new instance of the <see cref="TemplateBook"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="translator">Translates templates (<see cref="TranslateAsync"/>); optional.</param>
    /// <param name="saveCheck">An extra check on save, such as the Amazon content check; optional.</param>
    /// <param name="options">The limits; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public TemplateBook(IConversationStore store, ITranslator? translator = null, ITemplateSaveCheck? saveCheck = null, TemplateBookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _translator = translator;
        _saveCheck = saveCheck;
        _options = options ?? new TemplateBookOptions();
    }

    /// <summary>Lists templates.</summary>
    /// <param name="storeId">The store whose templates to list; every store's when <see langword="null"/>.</param>
    /// <param name="includeSamples">Whether to append the built-in samples.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The templates.</returns>
    public async Task<IReadOnlyList<Template>> ListAsync(StoreId? storeId = null, bool includeSamples = false, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetTemplatesAsync(storeId, cancellationToken).ConfigureAwait(false);
        return includeSamples ? [.. stored, .. TemplateSamples.All] : stored;
    }

    /// <summary>Gets a stored template or, failing that, a built-in sample.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template, or <see langword="null"/>.</returns>
    public async Task<Template?> GetAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        await _store.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) ?? TemplateSamples.Find(id);

    /// <summary>
    /// Validates a template as <see cref="SaveAsync"/> does, without the extra save check: name, language, store, subject
    /// and body markup (unknown variables and filters named with their line), attachments (count, type and size).
    /// </summary>
    /// <param name="template">The template.</param>
    /// <returns>Every problem with its path; empty when the template is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ValidationError> Validate(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(template.Name))
        {
            errors.Add(new("Name", "is required"));
        }

        if (string.IsNullOrWhiteSpace(template.Language) || !LanguageTags.IsWellFormed(template.Language))
        {
            errors.Add(new("Language", $"'{template.Language}' is not a BCP-47 language tag such as \"en\", \"ja\" or \"de-AT\""));
        }

        if (template.StoreId is null)
        {
            errors.Add(new("StoreId", "is required: a saved template belongs to a store (copy a sample with CopySampleAsync)"));
        }

        if (TemplateSamples.Find(template.Id) is not null)
        {
            errors.Add(new("Id", $"'{template.Id}' is the id of a built-in sample; choose another"));
        }

        if (string.IsNullOrWhiteSpace(template.Body))
        {
            errors.Add(new("Body", "is required"));
        }

        errors.AddRange(LiquidTemplateRenderer.Validate(template));
        ValidateList("Tags", template.Tags, errors);
        ValidateList("Examples", template.Examples, errors);
        ValidateAttachments(template.Attachments, errors);
        return errors;
    }

    /// <summary>
    /// Validates (see <see cref="Validate"/>; in addition, every channel in <see cref="Template.Channels"/> must exist and
    /// belong to the template's store, and the id must not be another store's template), runs the save check if any, and
    /// saves (inserts, or replaces the store's own template with the same id) a template.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The template is invalid; every failing member is listed ("Body: unknown variable 'ordr.id' at line 3"; "Id: template 'x' belongs to store 'northwind', …" when the id is another store's). Nothing was saved.</exception>
    public Task SaveAsync(Template template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        return ValidateAndSaveAsync(template, replace: true, cancellationToken);
    }

    /// <summary>
    /// Validates, runs the save check and saves a template; an existing template with the same id is replaced only when
    /// <paramref name="replace"/> is set and it belongs to the same store.
    /// </summary>
    private async Task ValidateAndSaveAsync(Template template, bool replace, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>(Validate(template));
        if (IdError(await _store.GetTemplateAsync(template.Id, cancellationToken).ConfigureAwait(false), template, replace) is { } idError)
        {
            errors.Add(idError);
        }

        if (template.Channels.Count > 0)
        {
            var channels = (await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
            for (var i = 0; i < template.Channels.Count; i++)
            {
                var id = template.Channels[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"Channels[{i}]");
                if (!channels.TryGetValue(id, out var channel))
                {
                    errors.Add(new(path, $"channel '{id}' does not exist"));
                }
                else if (template.StoreId is { } storeId && channel.StoreId != storeId)
                {
                    errors.Add(new(path, $"channel '{id}' belongs to store '{channel.StoreId}', not '{storeId}'"));
                }
            }
        }

        if (_saveCheck is not null)
        {
            errors.AddRange(await _saveCheck.CheckAsync(template, cancellationToken).ConfigureAwait(false));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Template '{template.Id}'", errors);
        }

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Checked again under the write lock: another writer may have taken the id since the check above.
            if (IdError(await transaction.GetTemplateAsync(template.Id, cancellationToken).ConfigureAwait(false), template, replace) is { } taken)
            {
                throw new DefinitionValidationException($"Template '{template.Id}'", [taken]);
            }

            await transaction.SaveTemplateAsync(template, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a template, and removes it from its store's favourites.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public async Task<bool> DeleteAsync(TemplateId id, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var template = await transaction.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false);
            if (template is null)
            {
                return false;
            }

            if (template.StoreId is { } storeId)
            {
                var favourites = await transaction.GetFavouritesAsync(storeId, cancellationToken).ConfigureAwait(false);
                if (favourites.Contains(id))
                {
                    await transaction.SetFavouritesAsync(storeId, [.. favourites.Where(f => f != id)], cancellationToken).ConfigureAwait(false);
                }
            }

            var deleted = await transaction.DeleteTemplateAsync(id, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }

    /// <summary>
    /// Copies a built-in sample into a store ("copy to my templates") as a new editable template. A copy never replaces a
    /// template: when its id is taken (by the store's own template or another store's), nothing is saved and the
    /// <c>Id</c> error says so; give another <paramref name="newId"/>.
    /// </summary>
    /// <param name="sampleId">The sample's id.</param>
    /// <param name="storeId">The store.</param>
    /// <param name="newId">The copy's id; "<c>{storeId}-{sampleId without 'sample-'}</c>" when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The saved copy.</returns>
    /// <exception cref="KeyNotFoundException">There is no sample <paramref name="sampleId"/>.</exception>
    /// <exception cref="DefinitionValidationException">The copy is invalid: its id is taken ("Id: template 'x' already exists in store 'northwind'; …"), or the save check refused it. Nothing was saved.</exception>
    public async Task<Template> CopySampleAsync(TemplateId sampleId, StoreId storeId, TemplateId? newId = null, CancellationToken cancellationToken = default)
    {
        var sample = TemplateSamples.Find(sampleId) ?? throw new KeyNotFoundException($"There is no sample template '{sampleId}'; list them with ListAsync(includeSamples: true).");
        var suffix = sampleId.Value.StartsWith("sample-", StringComparison.Ordinal) ? sampleId.Value["sample-".Length..] : sampleId.Value;
        var copy = sample with { Id = newId ?? new TemplateId($"{storeId}-{suffix}"), StoreId = storeId };
        await ValidateAndSaveAsync(copy, replace: false, cancellationToken).ConfigureAwait(false);
        return copy;
    }

    /// <summary>Gets a store's favourite templates, in order.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The ids.</returns>
    public Task<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) =>
        _store.GetFavouritesAsync(storeId, cancellationToken);

    /// <summary>Adds a template (the store's own or a sample) to a store's favourites.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="templateId">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when it already was a favourite.</returns>
    /// <exception cref="KeyNotFoundException">There is no such template, or it belongs to another store.</exception>
    /// <exception cref="TemplateFavouritesFullException">The store already has <see cref="TemplateBookOptions.MaxFavourites"/> favourites.</exception>
    public async Task<bool> AddFavouriteAsync(StoreId storeId, TemplateId templateId, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var template = await transaction.GetTemplateAsync(templateId, cancellationToken).ConfigureAwait(false) ?? TemplateSamples.Find(templateId);
            if (template is null || (template.StoreId is { } owner && owner != storeId))
            {
                throw new KeyNotFoundException($"Store '{storeId}' has no template '{templateId}'.");
            }

            var favourites = await transaction.GetFavouritesAsync(storeId, cancellationToken).ConfigureAwait(false);
            if (favourites.Contains(templateId))
            {
                return false;
            }

            if (favourites.Count >= TemplateBookOptions.MaxFavourites)
            {
                throw new TemplateFavouritesFullException(storeId, templateId);
            }

            await transaction.SetFavouritesAsync(storeId, [.. favourites, templateId], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Removes a template from a store's favourites.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="templateId">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it was a favourite.</returns>
    public async Task<bool> RemoveFavouriteAsync(StoreId storeId, TemplateId templateId, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var favourites = await transaction.GetFavouritesAsync(storeId, cancellationToken).ConfigureAwait(false);
            if (!favourites.Contains(templateId))
            {
                return false;
            }

            await transaction.SetFavouritesAsync(storeId, [.. favourites.Where(f => f != templateId)], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// Translates a template into another language and saves the result as a new template (a language variant). Liquid
    /// markup is kept out of the translator's hands: each <c>{{ … }}</c> and <c>{% … %}</c> travels as a placeholder
    /// (<c>⟦0⟧</c>) and is put back unchanged.
    /// </summary>
    /// <param name="id">The template (stored or sample).</param>
    /// <param name="targetLanguage">The language to translate into (BCP-47).</param>
    /// <param name="storeId">The store of the variant; the template's own store when <see langword="null"/> (required for a sample).</param>
    /// <param name="newId">The variant's id; the template's id with the language swapped or appended when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The saved variant.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLanguage"/> is blank, or the template is a sample and no <paramref name="storeId"/> was given.</exception>
    /// <exception cref="InvalidOperationException">No translator is configured, or it lost or changed a placeholder.</exception>
    /// <exception cref="KeyNotFoundException">There is no template <paramref name="id"/>.</exception>
    /// <exception cref="DefinitionValidationException">The variant is invalid.</exception>
    public async Task<Template> TranslateAsync(TemplateId id, string targetLanguage, StoreId? storeId = null, TemplateId? newId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetLanguage);
        var translator = _translator ?? throw new InvalidOperationException("No ITranslator is configured; register one (the AI package provides it) to translate templates.");
        var source = await GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no template '{id}'.");
        var owner = storeId ?? source.StoreId ?? throw new ArgumentException($"Template '{id}' is a sample; give the store the translation belongs to.", nameof(storeId));
        var target = targetLanguage.Trim();
        async Task<string> TranslateText(string text, string member)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return text;
            }

            var markup = new List<string>();
            var masked = Markup().Replace(text, m =>
            {
                markup.Add(m.Value);
                return string.Create(CultureInfo.InvariantCulture, $"⟦{markup.Count - 1}⟧");
            });
            var translated = await translator.TranslateAsync(masked, source.Language, target, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < markup.Count; i++)
            {
                var placeholder = string.Create(CultureInfo.InvariantCulture, $"⟦{i}⟧");
                var at = translated.IndexOf(placeholder, StringComparison.Ordinal);
                if (at < 0 || translated.IndexOf(placeholder, at + 1, StringComparison.Ordinal) >= 0)
                {
                    throw new InvalidOperationException($"The translation of {member} lost or repeated the placeholder {placeholder} for '{markup[i]}'.");
                }

                translated = string.Concat(translated.AsSpan(0, at), markup[i], translated.AsSpan(at + placeholder.Length));
            }

            return translated;
        }

        var examples = new List<string>(source.Examples.Count);
        for (var i = 0; i < source.Examples.Count; i++)
        {
            examples.Add(await TranslateText(source.Examples[i], $"Examples[{i}]").ConfigureAwait(false));
        }

        var suffix = "-" + source.Language;
        var baseId = source.Id.Value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? source.Id.Value[..^suffix.Length] : source.Id.Value;
        if (source.StoreId is null && baseId.StartsWith("sample-", StringComparison.Ordinal))
        {
            baseId = $"{owner}-{baseId["sample-".Length..]}";
        }

        var variant = source with
        {
            Id = newId ?? new TemplateId($"{baseId}-{target}"),
            StoreId = owner,
            Language = target,
            Name = await TranslateText(source.Name, "Name").ConfigureAwait(false),
            Description = source.Description is null ? null : await TranslateText(source.Description, "Description").ConfigureAwait(false),
            Subject = await TranslateText(source.Subject, "Subject").ConfigureAwait(false),
            Body = await TranslateText(source.Body, "Body").ConfigureAwait(false),
            Examples = examples,
        };
        await SaveAsync(variant, cancellationToken).ConfigureAwait(false);
        return variant;
    }

    /// <summary>
    /// The <c>Id</c> error of saving <paramref name="template"/> over <paramref name="existing"/>: a store never replaces
    /// another store's template (its favourites and policies would silently point at someone else's), and a copy
    /// (<paramref name="replace"/> unset) replaces none at all.
    /// </summary>
    private static ValidationError? IdError(Template? existing, Template template, bool replace) => existing switch
    {
        null => null,
        { StoreId: var owner } when owner != template.StoreId =>
            new(nameof(Template.Id), $"template '{existing.Id}' belongs to {StoreName(owner)}, not to {StoreName(template.StoreId)}; a template is never replaced by another store's: choose another id"),
        _ when !replace =>
            new(nameof(Template.Id), $"template '{existing.Id}' already exists in {StoreName(existing.StoreId)}; a copy never replaces a template: choose another id"),
        _ => null,
    };

    private static string StoreName(StoreId? store) => store is { } id ? $"store '{id}'" : "no store";

    private static void ValidateList(string member, IReadOnlyList<string> values, List<ValidationError> errors)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                errors.Add(new(string.Create(CultureInfo.InvariantCulture, $"{member}[{i}]"), "is empty"));
            }
        }
    }

    private void ValidateAttachments(IReadOnlyList<MessageAttachment> attachments, List<ValidationError> errors)
    {
        if (attachments.Count > _options.MaxAttachments)
        {
            errors.Add(new("Attachments", string.Create(CultureInfo.InvariantCulture, $"{attachments.Count} attachments; at most {_options.MaxAttachments} are allowed")));
        }

        long total = 0;
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"Attachments[{i}]");
            var extension = Path.GetExtension(a.FileName);
            if (!_options.AllowedAttachmentExtensions.Contains(extension))
            {
                errors.Add(new($"{path}.FileName", $"'{a.FileName}': the type '{(extension.Length == 0 ? "(none)" : extension)}' is not allowed; use one of {string.Join(", ", _options.AllowedAttachmentExtensions.Order(StringComparer.Ordinal))}"));
            }

            if (a.Size > _options.MaxAttachmentBytes)
            {
                errors.Add(new($"{path}.Content", string.Create(CultureInfo.InvariantCulture, $"'{a.FileName}' is {a.Size} bytes; at most {_options.MaxAttachmentBytes} are allowed")));
            }

            total += a.Size;
        }

        if (total > _options.MaxTotalAttachmentBytes)
        {
            errors.Add(new("Attachments", string.Create(CultureInfo.InvariantCulture, $"{total} bytes in all; at most {_options.MaxTotalAttachmentBytes} are allowed")));
        }
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Markup();
}
