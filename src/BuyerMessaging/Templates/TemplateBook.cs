using System.Globalization;
using System.Text.RegularExpressions;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// Keeps a store's templates (マイテンプレート): saves them after validation (every failing member listed at once, with
/// its path), imports a file of them all or nothing, pauses and resumes them, deletes and lists them, copies a built-in
/// sample (<see cref="TemplateSamples"/>) into a store as an editable copy, keeps each store's favourites (at most
/// <see cref="TemplateBookOptions.MaxFavourites"/>), and makes a template's language variant with an <see cref="ITranslator"/>.
/// </summary>
/// <remarks>
/// Thread-safe. A template that a channel's auto-reply or smart-reply policy names is not deleted from under it
/// (<see cref="DeleteAsync(TemplateId, CancellationToken)"/> refuses; <see cref="ForceDeleteAsync"/> takes it out of the
/// policies): the book reads the policies through the store, in the delete's transaction, so it needs no
/// <see cref="PolicyDirectory"/> (which itself looks templates up through <see cref="ITemplateSource"/>).
/// </remarks>
public sealed partial class TemplateBook
{
    private const string CopyNeverReplaces = "a copy never replaces a template: choose another id";

    private const string ImportReplacesOnlyWhenAsked = "an import replaces the store's templates only when asked to (replace), else choose another id";

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
    /// saves (inserts, or replaces the store's own template with the same id) a template. A replacement must not break an
    /// enabled auto-reply or smart reply that names the template: moving a smart reply's template to another language,
    /// or taking a channel whose policy sends it out of its channels, is refused naming the channel and the policy
    /// member (paused policies are checked when resumed).
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The template is invalid; every failing member is listed ("Body: unknown variable 'ordr.id' at line 3"; "Id: template 'x' belongs to store 'northwind', …" when the id is another store's). Nothing was saved.</exception>
    public Task SaveAsync(Template template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        return ValidateAndSaveAsync(template, notReplaced: null, cancellationToken);
    }

    /// <summary>
    /// Validates, runs the save check and saves a template; an existing template with the same id is replaced only when
    /// <paramref name="notReplaced"/> is <see langword="null"/> and it belongs to the same store.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="notReplaced">Why an existing template of the same store is not replaced (the end of the <c>Id</c> error); <see langword="null"/> to replace it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    private async Task ValidateAndSaveAsync(Template template, string? notReplaced, CancellationToken cancellationToken)
    {
        var existing = await _store.GetTemplateAsync(template.Id, cancellationToken).ConfigureAwait(false);
        var errors = await ErrorsAsync(template, existing, notReplaced, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Template '{template.Id}'", errors);
        }

        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Checked again under the write lock: another writer may have taken the id since the check above.
            if (IdError(await transaction.GetTemplateAsync(template.Id, cancellationToken).ConfigureAwait(false), template, notReplaced) is { } taken)
            {
                throw new DefinitionValidationException($"Template '{template.Id}'", [taken]);
            }

            if (await PolicyErrorsAsync(transaction, [template], cancellationToken).ConfigureAwait(false) is { Count: > 0 } broken)
            {
                throw new DefinitionValidationException($"Template '{template.Id}'", broken);
            }

            await transaction.SaveTemplateAsync(template, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every reason not to save a template: <see cref="Validate"/>, its id (<see cref="IdError"/>, against the stored
    /// template <paramref name="existing"/>), its channels (each must exist and be of the template's store), and the save check.
    /// </summary>
    private async Task<List<ValidationError>> ErrorsAsync(Template template, Template? existing, string? notReplaced, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>(Validate(template));
        if (IdError(existing, template, notReplaced) is { } idError)
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

        return errors;
    }

    /// <summary>
    /// Imports templates into a store, all or nothing: every template is checked as <see cref="SaveAsync"/> checks it
    /// (validation, channels, id, the save check) and, when none fails, all are saved in one transaction.
    /// </summary>
    /// <remarks>
    /// <para>A template without <c>storeId</c> is imported into <paramref name="storeId"/>; one whose <c>storeId</c> is
    /// another store's is refused (its <c>storeId</c> error): an export of one store is not silently moved into another.
    /// Remove the <c>storeId</c> members to copy a file's templates into another store.</para>
    /// <para>An id the store already has is an error unless <paramref name="replace"/> is set, which replaces that
    /// template (its favourite star stays). An id of another store's template is always refused, as by
    /// <see cref="SaveAsync"/>. A replacement that would break an enabled auto-reply or smart reply naming the template
    /// (another language, channels it no longer serves) is refused, as by <see cref="SaveAsync"/>.</para>
    /// </remarks>
    /// <param name="json">The JSON text in the export format (<see cref="TemplateJson"/>), or a bare array of templates.</param>
    /// <param name="storeId">The store to import into.</param>
    /// <param name="replace">Whether a template of the file replaces the store's template with the same id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The templates saved, and which of them replaced one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">
    /// The file or a template is invalid; every failing member is listed with its path in the file and the template's id
    /// ("templates[1].body: unknown variable 'ordr.id' at line 3 (template 'sakura-refund-ja')";
    /// "templates[0].id: template 'x' already exists in store 'sakura'; …"). Nothing was saved.
    /// </exception>
    public async Task<TemplateImportResult> ImportAsync(string json, StoreId storeId, bool replace = false, CancellationToken cancellationToken = default)
    {
        var read = TemplateJson.Import(json, out var prefix);
        var notReplaced = replace ? null : ImportReplacesOnlyWhenAsked;
        var templates = new List<Template>(read.Count);
        var errors = new List<ValidationError>();
        for (var i = 0; i < read.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");
            if (read[i].StoreId is { } other && other != storeId)
            {
                errors.Add(new($"{path}.storeId", $"template '{read[i].Id}' is of store '{other}', not of store '{storeId}' it is imported into; remove its storeId to import it into '{storeId}'"));
                continue;
            }

            var template = read[i] with { StoreId = storeId };
            templates.Add(template);
            var existing = await _store.GetTemplateAsync(template.Id, cancellationToken).ConfigureAwait(false);
            foreach (var error in await ErrorsAsync(template, existing, notReplaced, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(new($"{path}.{JsonPath(error.Path)}", Naming(error.Message, template.Id)));
            }
        }

        ThrowIfAny(errors);
        var replaced = new List<TemplateId>();
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Checked again under the write lock, before anything is saved: another writer may have taken an id since.
            for (var i = 0; i < templates.Count; i++)
            {
                var existing = await transaction.GetTemplateAsync(templates[i].Id, cancellationToken).ConfigureAwait(false);
                if (IdError(existing, templates[i], notReplaced) is { } taken)
                {
                    // (templates[i] is the file's i-th: a file with a template of another store failed above.)
                    errors.Add(new(string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}].{JsonPath(taken.Path)}"), Naming(taken.Message, templates[i].Id)));
                }
                else if (existing is not null)
                {
                    replaced.Add(templates[i].Id);
                }
            }

            ThrowIfAny(errors);
            if (await PolicyErrorsAsync(transaction, templates, cancellationToken).ConfigureAwait(false) is { Count: > 0 } broken)
            {
                throw new DefinitionValidationException("Template file", broken);
            }

            foreach (var template in templates)
            {
                await transaction.SaveTemplateAsync(template, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new TemplateImportResult(templates, replaced);

        static void ThrowIfAny(List<ValidationError> errors)
        {
            if (errors.Count > 0)
            {
                throw new DefinitionValidationException("Template file", errors);
            }
        }
    }

    /// <summary>
    /// Deletes a template, and removes it from its store's favourites; refuses while an auto-reply or smart-reply policy
    /// of any channel, enabled or paused, names it (the policy would break: a due auto-reply fails for want of its
    /// template, and a paused policy could not be resumed). Take it out of those policies first
    /// (<see cref="PolicyDirectory.SaveAsync"/>), pause it instead (<see cref="SetEnabledAsync"/>), or use
    /// <see cref="ForceDeleteAsync"/>.
    /// </summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    /// <exception cref="TemplateInUseException">A policy names the template; <see cref="TemplateInUseException.Uses"/> lists each channel and member. Nothing was deleted.</exception>
    public async Task<bool> DeleteAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        (await DeleteAsync(id, force: false, cancellationToken).ConfigureAwait(false)).Deleted;

    /// <summary>
    /// Deletes a template even while policies name it, and takes it out of them in the same transaction: out of every
    /// auto-reply selection (a message type that had it gets the default template, if any) and out of every smart reply's
    /// templates. A policy left with no template to send is paused (<see cref="TemplateDeletion.Paused"/>); resuming it
    /// needs a template again. Auto-replies and smart replies already scheduled with the template are not sent: when
    /// due, the <see cref="WorkQueueWorker"/> ends each with the result "skipped: template 'x' does not exist" (not
    /// retried, no <see cref="InboxEventKind.WorkFailed"/>), and the conversation keeps its SLA clock and warnings for a
    /// person to answer.
    /// </summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Whether it existed, the policy members it was taken out of, and the policies paused.</returns>
    public Task<TemplateDeletion> ForceDeleteAsync(TemplateId id, CancellationToken cancellationToken = default) =>
        DeleteAsync(id, force: true, cancellationToken);

    /// <summary>
    /// Pauses (停止中) or resumes (有効) a stored template. A paused template is not sent: smart reply leaves it out of
    /// matching and the worker skips a due auto-reply or smart reply that names it; policies may keep naming it. The
    /// template is not validated again (it was when saved; the content check runs again on every send).
    /// </summary>
    /// <param name="id">The template.</param>
    /// <param name="enabled"><see langword="true"/> to resume it, <see langword="false"/> to pause it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template as saved (unchanged when it already was so).</returns>
    /// <exception cref="KeyNotFoundException">There is no stored template <paramref name="id"/> (a built-in sample is not stored: copy it first).</exception>
    public async Task<Template> SetEnabledAsync(TemplateId id, bool enabled, CancellationToken cancellationToken = default)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var template = await transaction.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException(TemplateSamples.Find(id) is null
                    ? $"There is no template '{id}'."
                    : $"'{id}' is a built-in sample, which is not stored; copy it to a store (CopySampleAsync) and pause or resume the copy.");
            if (template.Enabled == enabled)
            {
                return template;
            }

            var changed = template with { Enabled = enabled };
            await transaction.SaveTemplateAsync(changed, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
    }

    /// <summary>
    /// What replacing stored templates with <paramref name="replacing"/> would break in the enabled auto-reply and
    /// smart-reply policies that name them: a smart reply's template moved to another language, or a template no longer
    /// usable on a channel whose policy sends it (its channels changed). Only errors the replacement makes are reported,
    /// each as "channel 'c' AutoReply.FirstContact.Default: …"; a policy already invalid for another reason does not stop
    /// the save. Paused policies are checked when resumed (<see cref="PolicyDirectory"/>). Read under the write lock.
    /// </summary>
    private static async Task<List<ValidationError>> PolicyErrorsAsync(IStoreTransaction transaction, IReadOnlyList<Template> replacing, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var replaced = replacing.ToDictionary(t => t.Id);
        foreach (var channel in await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false))
        {
            var policies = await transaction.GetChannelPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false);
            var named = policies?.TemplateIds().Distinct().ToList() ?? [];
            if (!named.Any(replaced.ContainsKey))
            {
                continue;
            }

            var before = new Dictionary<TemplateId, Template>();
            foreach (var id in named)
            {
                if (await transaction.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    before[id] = stored;
                }
            }

            var after = new Dictionary<TemplateId, Template>(before);
            foreach (var id in named)
            {
                if (replaced.TryGetValue(id, out var template))
                {
                    after[id] = template;
                }
            }

            // The policies' own check against themselves as saved: enabled ones check their templates, paused ones not.
            var was = policies!.Errors(before, channel, policies).ToHashSet();
            foreach (var error in policies.Errors(after, channel, policies).Where(e => !was.Contains(e)))
            {
                errors.Add(new($"channel '{channel.Id}' {error.Path}", $"{error.Message} Change the policy first, or save the template under another id."));
            }
        }

        return errors;
    }

    /// <summary>Deletes a template (see <see cref="DeleteAsync(TemplateId, CancellationToken)"/> and <see cref="ForceDeleteAsync"/>).</summary>
    private async Task<TemplateDeletion> DeleteAsync(TemplateId id, bool force, CancellationToken cancellationToken)
    {
        var transaction = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var template = await transaction.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false);
            if (template is null)
            {
                return new(false, [], []);
            }

            // Read under the write lock, so that no policy can start naming the template before it is gone.
            var uses = new List<TemplateUse>();
            var paused = new List<TemplateUse>();
            foreach (var channel in await transaction.GetChannelsAsync(cancellationToken).ConfigureAwait(false))
            {
                var policies = await transaction.GetChannelPoliciesAsync(channel.Id, cancellationToken).ConfigureAwait(false);
                var members = policies?.References().Where(r => r.Id == id).Select(r => new TemplateUse(channel.Id, r.Member)).ToList() ?? [];
                if (members.Count == 0)
                {
                    continue;
                }

                uses.AddRange(members);
                if (force)
                {
                    var (without, pausedPolicies) = policies!.Without(id);
                    await transaction.SaveChannelPoliciesAsync(without, cancellationToken).ConfigureAwait(false);
                    paused.AddRange(pausedPolicies.Select(p => new TemplateUse(channel.Id, p)));
                }
            }

            if (uses.Count > 0 && !force)
            {
                throw new TemplateInUseException(id, uses);
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
            return new(deleted, uses, paused);
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
        await ValidateAndSaveAsync(copy, CopyNeverReplaces, cancellationToken).ConfigureAwait(false);
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
    /// another store's template (its favourites and policies would silently point at someone else's), and the store's own
    /// is replaced only when <paramref name="notReplaced"/> (the reason it is not, for a copy or an import without
    /// replace) is <see langword="null"/>.
    /// </summary>
    private static ValidationError? IdError(Template? existing, Template template, string? notReplaced) => existing switch
    {
        null => null,
        { StoreId: var owner } when owner != template.StoreId =>
            new(nameof(Template.Id), $"template '{existing.Id}' belongs to {StoreName(owner)}, not to {StoreName(template.StoreId)}; a template is never replaced by another store's: choose another id"),
        _ when notReplaced is not null =>
            new(nameof(Template.Id), $"template '{existing.Id}' already exists in {StoreName(existing.StoreId)}; {notReplaced}"),
        _ => null,
    };

    /// <summary>An error message of an imported template that names the template: as is when it does, else with "(template 'x')" after it.</summary>
    private static string Naming(string message, TemplateId id) =>
        message.Contains($"'{id}'", StringComparison.Ordinal) ? message : $"{message} (template '{id}')";

    /// <summary>A validation path in the JSON names of the export format: <c>Attachments[0].FileName</c> → <c>attachments[0].fileName</c>.</summary>
    private static string JsonPath(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

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
