using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>templates list|show|render|copy|favourite</c>: the store's templates and the built-in sample library. Without
/// <c>--db</c>, the commands that only read work on the samples (<c>list --samples</c>, <c>show</c>, <c>render</c>).
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var command = new Command("templates", "Reply templates: list, show, render (preview), copy a sample to a store, favourites.");
        command.Subcommands.Add(List(runtime));
        command.Subcommands.Add(Show(runtime));
        command.Subcommands.Add(Render(runtime));
        command.Subcommands.Add(Copy(runtime));
        command.Subcommands.Add(Favourite(runtime));
        return command;
    }

    private static Command List(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        var samples = new Option<bool>("--samples") { Description = "List the built-in sample library (15 situations in en, ja, de); with --db, after the stored templates." };
        var store = StoreOption(required: false);
        var language = new Option<string?>("--language") { Description = "Only templates in this language (en, ja, de, …).", HelpName = "LANG" };
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
                IReadOnlyList<Template> templates = dbPath is null ? TemplateSamples.All : await book.ListAsync(storeId, withSamples, cancellationToken);
                if (parseResult.GetValue(language) is { } lang)
                {
                    templates = [.. templates.Where(t => string.Equals(t.Language, lang, StringComparison.OrdinalIgnoreCase))];
                }

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
        MessageTypes = [.. t.MessageTypes.Select(Names.Kebab)],
        Tags = t.Tags,
        Examples = t.Examples,
        Attachments = [.. t.Attachments.Select(a => new AttachmentJson(a.FileName, a.ContentType, a.Size))],
    };

    private static void Field(TextWriter o, string name, string value) => o.WriteLine($"  {name + ":",-10}{value}");
}
