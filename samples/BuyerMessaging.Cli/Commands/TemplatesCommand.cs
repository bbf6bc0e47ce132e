using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>templates list|show|render|copy|favourite|export|import|delete|pause|resume</c>: the store's templates and the
/// built-in sample library. Without <c>--db</c>, the commands that only read work on the samples (<c>list --samples</c>,
/// <c>show</c>, <c>render</c>).
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var command = new Command("templates", "Reply templates: list, show, render (preview), copy a sample to a store, favourites, export, import, delete, pause, resume.");
        command.Subcommands.Add(List(runtime));
        command.Subcommands.Add(Show(runtime));
        command.Subcommands.Add(Render(runtime));
        command.Subcommands.Add(Copy(runtime));
        command.Subcommands.Add(Favourite(runtime));
        command.Subcommands.Add(Export(runtime));
        command.Subcommands.Add(Import(runtime));
        command.Subcommands.Add(Delete(runtime));
        command.Subcommands.Add(SetEnabled(runtime, "pause", enabled: false));
        command.Subcommands.Add(SetEnabled(runtime, "resume", enabled: true));
        return command;
    }

    private static Command List(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        var samples = new Option<bool>("--samples") { Description = "List the built-in sample library (15 situations in en, ja, de); with --db, after the stored templates." };
        var store = StoreOption(required: false);
        var language = LanguageOption();
        var json = CommonOptions.Json();
        var command = new Command("list", "List templates: a database's (--db), the samples (--samples), or both.") { db, samples, store, language, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var dbPath = parseResult.GetValue(db);
            var withSamples = parseResult.GetValue(samples);
            if (dbPath is null && !withSamples)
            {
                throw CliException.Usage("templates list: give --db PATH, --samples, or both.");
            }

            var storeId = OptionalStore(parseResult.GetValue(store));
            var services = Open(runtime, dbPath);
            await using (services)
            {
                var book = services.GetRequiredService<TemplateBook>();
                var templates = InLanguage(dbPath is null ? TemplateSamples.All : await book.ListAsync(storeId, withSamples, cancellationToken), parseResult.GetValue(language));

                var favourites = storeId is { } s && dbPath is not null ? await book.GetFavouritesAsync(s, cancellationToken) : [];
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new TemplateListJson([.. templates.Select(t => ToJson(t, favourites, body: false))]), CliJson.Context.TemplateListJson);
                    return ExitCodes.Success;
                }

                var rows = templates.Select(t => (IReadOnlyList<string>)
                [
                    (favourites.Contains(t.Id) ? "★ " : string.Empty) + t.Id.Value,
                    t.Name,
                    t.Language,
                    t.StoreId?.Value ?? "(sample)",
                    string.Join(", ", t.MessageTypes.Select(Names.Kebab)),
                    t.Enabled ? string.Empty : "paused",
                ]).ToList();
                TextTable.Write(runtime.Out, [new("Id", MaxWidth: 40), new("Name", MaxWidth: 36), new("Lang"), new("Store"), new("Types", MaxWidth: 40), new("State")], rows, runtime.TableWidth(null));
                runtime.Out.WriteLine($"{templates.Count} templates");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Show(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        var id = TemplateArgument();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a template (stored with --db, or a sample): its fields, subject and body as written.") { db, id, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var services = Open(runtime, parseResult.GetValue(db));
            await using (services)
            {
                var template = await FindAsync(services, parseResult.GetValue(id), cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(ToJson(template, [], body: true), CliJson.Context.TemplateJsonModel);
                    return ExitCodes.Success;
                }

                var o = runtime.Out;
                o.WriteLine($"Template {template.Id}{(template.StoreId is null ? "  (sample)" : string.Empty)}");
                Field(o, "Name", template.Name);
                Field(o, "Store", template.StoreId?.Value ?? "-");
                Field(o, "Language", template.Language);
                Field(o, "State", template.Enabled ? "enabled" : "paused");
                Field(o, "Types", template.MessageTypes.Count == 0 ? "any" : string.Join(", ", template.MessageTypes.Select(Names.Kebab)));
                Field(o, "Tags", template.Tags.Count == 0 ? "-" : string.Join(", ", template.Tags));
                Field(o, "Format", template.IsHtml ? "HTML" : "text");
                Field(o, "Files", template.Attachments.Count == 0 ? "-" : string.Join(", ", template.Attachments.Select(a => a.FileName)));
                Field(o, "Subject", template.Subject);
                o.WriteLine();
                o.WriteLine(template.Body);
                if (template.Examples.Count > 0)
                {
                    o.WriteLine();
                    o.WriteLine("Example buyer questions:");
                    foreach (var example in template.Examples)
                    {
                        o.WriteLine($"  - {example}");
                    }
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Render(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        var id = TemplateArgument();
        var conversation = new Option<string?>("--conversation") { Description = "Render for this conversation of the database (buyer, order id, store, channel, assignee). Without it, a made-up sample order in the template's language is used.", HelpName = "ID" };
        var json = CommonOptions.Json();
        var command = new Command("render", "Render a template as the buyer would get it: with a conversation from the database, or with a sample model.") { db, id, conversation, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var dbPath = parseResult.GetValue(db);
            var conversationValue = parseResult.GetValue(conversation);
            if (conversationValue is not null && dbPath is null)
            {
                throw CliException.Usage("--conversation: needs --db PATH.");
            }

            var services = Open(runtime, dbPath);
            await using (services)
            {
                var template = await FindAsync(services, parseResult.GetValue(id), cancellationToken);
                var renderer = services.GetRequiredService<LiquidTemplateRenderer>();
                RenderedTemplate rendered;
                if (conversationValue is not null)
                {
                    var store = services.GetRequiredService<IConversationStore>();
                    var conversationId = CommonOptions.ConversationId(conversationValue, "--conversation");
                    var c = await store.GetConversationAsync(conversationId, cancellationToken)
                        ?? throw CliException.NotFound($"--conversation: there is no conversation '{conversationId}'.");
                    var channel = (await store.GetChannelsAsync(cancellationToken)).FirstOrDefault(ch => ch.Id == c.ChannelId)
                        ?? throw CliException.NotFound($"--conversation: the channel '{c.ChannelId}' of conversation '{conversationId}' is not configured.");
                    rendered = await renderer.RenderAsync(template, c, channel, cancellationToken);
                }
                else
                {
                    rendered = renderer.Render(template, TemplateModel.Sample(template.Language));
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new RenderedJson(template.Id.Value, rendered.Subject, rendered.Text, rendered.Html), CliJson.Context.RenderedJson);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"Subject: {rendered.Subject}");
                runtime.Out.WriteLine();
                runtime.Out.WriteLine(rendered.Text);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Copy(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("SAMPLE") { Description = "The sample's id (see 'templates list --samples')." };
        var store = StoreOption(required: true);
        var newId = new Option<string?>("--id") { Description = "The copy's id (default: STORE-SITUATION-LANG); it must not be taken: a copy never replaces a template.", HelpName = "ID" };
        var json = CommonOptions.Json();
        var command = new Command("copy", "Copy a sample to a store's templates as an editable template.") { db, id, store, newId, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var sampleId = TemplateId(parseResult.GetValue(id), "SAMPLE");
            var storeId = OptionalStore(parseResult.GetValue(store))!.Value;
            var copyId = parseResult.GetValue(newId) is { } n ? TemplateId(n, "--id") : (TemplateId?)null;
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                await RequireStoreAsync(services, storeId, cancellationToken);
                var copy = await CopyAsync(services.GetRequiredService<TemplateBook>(), sampleId, storeId, copyId, cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(ToJson(copy, [], body: true), CliJson.Context.TemplateJsonModel);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"Copied {sampleId} to {copy.Id} in store {storeId}.");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Favourite(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string?>("ID") { Description = "The template to add (or remove with --remove); without it, list the favourites.", Arity = ArgumentArity.ZeroOrOne };
        var store = StoreOption(required: true);
        var remove = new Option<bool>("--remove") { Description = "Remove ID from the favourites instead of adding it." };
        var json = CommonOptions.Json();
        var command = new Command("favourite", $"Add a template to a store's favourites (at most {TemplateBookOptions.MaxFavourites}), remove one, or list them.") { db, id, store, remove, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var storeId = OptionalStore(parseResult.GetValue(store))!.Value;
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                await RequireStoreAsync(services, storeId, cancellationToken);
                var book = services.GetRequiredService<TemplateBook>();
                string? change = null;
                if (parseResult.GetValue(id) is { } value)
                {
                    var templateId = TemplateId(value, "ID");
                    change = parseResult.GetValue(remove)
                        ? await book.RemoveFavouriteAsync(storeId, templateId, cancellationToken) ? $"Removed {templateId} from the favourites." : $"{templateId} was not a favourite."
                        : await book.AddFavouriteAsync(storeId, templateId, cancellationToken) ? $"Added {templateId} to the favourites." : $"{templateId} already was a favourite.";
                }
                else if (parseResult.GetValue(remove))
                {
                    throw CliException.Usage("--remove: give the template ID to remove.");
                }

                var favourites = await book.GetFavouritesAsync(storeId, cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new FavouritesJson(storeId.Value, [.. favourites.Select(f => f.Value)]), CliJson.Context.FavouritesJson);
                    return ExitCodes.Success;
                }

                if (change is not null)
                {
                    runtime.Out.WriteLine(change);
                }

                runtime.Out.WriteLine($"Favourites of {storeId} ({favourites.Count}/{TemplateBookOptions.MaxFavourites}):");
                foreach (var f in favourites)
                {
                    runtime.Out.WriteLine($"  {f}");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Export(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var store = StoreOption(required: false);
        var language = LanguageOption();
        var output = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Write the stored templates as JSON: the format 'templates import', 'match --templates' and 'smartreply simulate --templates' read.") { db, store, language, output };
        CommandRunner.SetAction(command, runtime, null, async (parseResult, cancellationToken) =>
        {
            var storeId = OptionalStore(parseResult.GetValue(store));
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                if (storeId is { } s)
                {
                    await RequireStoreAsync(services, s, cancellationToken);
                }

                var templates = InLanguage(await services.GetRequiredService<TemplateBook>().ListAsync(storeId, cancellationToken: cancellationToken), parseResult.GetValue(language));
                var json = TemplateJson.Export(templates);
                if (parseResult.GetValue(output) is not { } path)
                {
                    runtime.Out.WriteLine(json);
                    return ExitCodes.Success;
                }

                try
                {
                    await File.WriteAllTextAsync(path, json + "\n", cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"--out: '{path}' cannot be written: {e.Message}");
                }

                runtime.Out.WriteLine($"Exported {templates.Count} templates to {path}.");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Import(CliRuntime runtime)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON file of templates: what 'templates export' writes, or an array of template objects." };
        var db = CommonOptions.Db();
        var store = StoreOption(required: true);
        var replace = new Option<bool>("--replace") { Description = "Replace the store's templates that have an id of the file (without it, such an id is an error)." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import the templates of a JSON file into a store, all or nothing: every invalid template and field is reported, and then nothing is saved.") { file, db, store, replace, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var storeId = OptionalStore(parseResult.GetValue(store))!.Value;
            var content = await CommonOptions.ReadTextFileAsync(parseResult.GetValue(file)!, "FILE", cancellationToken);
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                await RequireStoreAsync(services, storeId, cancellationToken);
                var result = await services.GetRequiredService<TemplateBook>().ImportAsync(content, storeId, parseResult.GetValue(replace), cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new TemplateImportJson(result.Imported.Count, result.Replaced.Count), CliJson.Context.TemplateImportJson);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"Imported {result.Imported.Count} templates into store {storeId} ({result.Replaced.Count} replaced).");
                foreach (var t in result.Imported)
                {
                    runtime.Out.WriteLine($"  {t.Id}{(result.Replaced.Contains(t.Id) ? "  (replaced)" : string.Empty)}");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Delete(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("ID") { Description = "The stored template to delete." };
        var force = new Option<bool>("--force") { Description = "Delete it even while auto-reply or smart-reply policies name it, and take it out of them (a policy left with no template is paused)." };
        var json = CommonOptions.Json();
        var command = new Command("delete", "Delete a stored template; refused while a channel's auto-reply or smart-reply policy names it, unless --force.") { db, id, force, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var templateId = TemplateId(parseResult.GetValue(id), "ID");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var book = services.GetRequiredService<TemplateBook>();
                TemplateDeletion deletion;
                try
                {
                    deletion = parseResult.GetValue(force)
                        ? await book.ForceDeleteAsync(templateId, cancellationToken)
                        : new(await book.DeleteAsync(templateId, cancellationToken), [], []);
                }
                catch (TemplateInUseException e)
                {
                    throw CliException.Usage($"ID: template '{e.TemplateId}' is used by {string.Join(", ", e.Uses)}; take it out of those policies first ('autoreply set', 'smartreply set'), pause it instead ('templates pause'), or give --force to delete it and take it out of them.");
                }

                if (!deletion.Deleted)
                {
                    throw CliException.NotFound(TemplateSamples.Find(templateId) is null
                        ? $"ID: there is no template '{templateId}'."
                        : $"ID: '{templateId}' is a built-in sample, which is not stored and cannot be deleted.");
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(
                        new TemplateDeleteJson(templateId.Value, [.. deletion.RemovedFrom.Select(ToJson)], [.. deletion.Paused.Select(ToJson)]),
                        CliJson.Context.TemplateDeleteJson);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"Deleted {templateId}.");
                foreach (var use in deletion.RemovedFrom)
                {
                    runtime.Out.WriteLine($"  taken out of {use}");
                }

                foreach (var paused in deletion.Paused)
                {
                    runtime.Out.WriteLine($"  paused {paused.Member} of channel '{paused.ChannelId}': it has no template left");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command SetEnabled(CliRuntime runtime, string name, bool enabled)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("ID") { Description = $"The stored template to {name}." };
        var json = CommonOptions.Json();
        var description = enabled
            ? "Resume a paused template: smart reply matches it and auto-replies send it again."
            : "Pause a template: it is not sent (smart reply leaves it out, due auto-replies with it are skipped); policies may keep naming it.";
        var command = new Command(name, description) { db, id, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var templateId = TemplateId(parseResult.GetValue(id), "ID");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                Template template;
                try
                {
                    template = await services.GetRequiredService<TemplateBook>().SetEnabledAsync(templateId, enabled, cancellationToken);
                }
                catch (KeyNotFoundException e)
                {
                    throw CliException.NotFound($"ID: {e.Message}");
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(ToJson(template, [], body: true), CliJson.Context.TemplateJsonModel);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"Template {templateId} is {(enabled ? "enabled" : "paused")}.");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// Copies a sample; a taken id (the store's own template or another store's: a copy never replaces one) is reported
    /// as an error of <c>--id</c>, which chooses another.
    /// </summary>
    private static async Task<Template> CopyAsync(TemplateBook book, TemplateId sampleId, StoreId storeId, TemplateId? copyId, CancellationToken cancellationToken)
    {
        try
        {
            return await book.CopySampleAsync(sampleId, storeId, copyId, cancellationToken);
        }
        catch (DefinitionValidationException e) when (e.Errors.Any(x => x.Path == nameof(Template.Id)))
        {
            throw CliException.Usage(string.Join("; ", e.Errors.Select(x => x.Path == nameof(Template.Id) ? $"--id: {x.Message} with --id" : x.ToString())) + ".");
        }
    }

    private static ServiceProvider Open(CliRuntime runtime, string? dbPath) =>
        dbPath is null ? runtime.BuildServices(null) : runtime.OpenExisting(dbPath);

    private static async Task<Template> FindAsync(IServiceProvider services, string? value, CancellationToken cancellationToken)
    {
        var id = TemplateId(value, "ID");
        return await services.GetRequiredService<TemplateBook>().GetAsync(id, cancellationToken)
            ?? throw CliException.NotFound($"ID: there is no template '{id}' (stored templates need --db; see 'templates list --samples' for the samples).");
    }

    private static async Task RequireStoreAsync(IServiceProvider services, StoreId storeId, CancellationToken cancellationToken)
    {
        var stores = await services.GetRequiredService<IConversationStore>().GetStoresAsync(cancellationToken);
        if (stores.All(s => s.Id != storeId))
        {
            throw CliException.NotFound($"--store: there is no store '{storeId}'; the database has {(stores.Count == 0 ? "none" : string.Join(", ", stores.Select(s => s.Id.Value)))}.");
        }
    }

    /// <summary>The templates in a language (as <c>--language</c> gives it, compared case-insensitively); all of them when <paramref name="language"/> is <see langword="null"/>.</summary>
    private static IReadOnlyList<Template> InLanguage(IReadOnlyList<Template> templates, string? language) =>
        language is null ? templates : [.. templates.Where(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))];

    private static Option<string?> LanguageOption() => new("--language") { Description = "Only templates in this language (en, ja, de, …).", HelpName = "LANG" };

    private static TemplateUseJson ToJson(TemplateUse use) => new(use.ChannelId.Value, use.Member);

    private static Argument<string> TemplateArgument() => new("ID") { Description = "The template id (a stored template's, or a sample's such as sample-lost-parcel-ja)." };

    private static Option<string?> StoreOption(bool required) => new("--store")
    {
        Description = "The store id.",
        Required = required,
        HelpName = "STORE",
    };

    private static TemplateId TemplateId(string? value, string field) =>
        BuyerMessaging.TemplateId.TryParse(value, out var id) ? id : throw CliException.Usage($"{field}: '{value}' is not a valid template id.");

    private static StoreId? OptionalStore(string? value) =>
        value is null ? null : StoreId.TryParse(value, out var id) ? id : throw CliException.Usage($"--store: '{value}' is not a valid store id.");

    private static TemplateJsonModel ToJson(Template t, IReadOnlyList<TemplateId> favourites, bool body) => new()
    {
        Id = t.Id.Value,
        Name = t.Name,
        Description = t.Description,
        Language = t.Language,
        StoreId = t.StoreId?.Value,
        Sample = t.StoreId is null,
        Favourite = favourites.Contains(t.Id),
        Enabled = t.Enabled,
        IsHtml = t.IsHtml,
        Subject = t.Subject,
        Body = body ? t.Body : null,
        MessageTypes = [.. t.MessageTypes.Select(Names.Camel)],
        Tags = t.Tags,
        Examples = t.Examples,
        Attachments = [.. t.Attachments.Select(a => new AttachmentJson(a.FileName, a.ContentType, a.Size))],
    };

    private static void Field(TextWriter o, string name, string value) => o.WriteLine($"  {name + ":",-10}{value}");
}
