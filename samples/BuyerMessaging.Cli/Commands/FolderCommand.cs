using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>folder --db PATH ID --to FOLDER --actor A</c> moves a conversation; the sub-commands <c>list</c>, <c>create</c>,
/// <c>rename</c>, <c>delete</c>, <c>hide</c> and <c>show</c> manage the folders themselves.
/// </summary>
internal static class FolderCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        var id = new Argument<string?>("ID") { Description = "The conversation to move.", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "The folder to move it to: a custom folder (keeps the status) or a status folder (open, pending, awaiting-buyer, resolved: sets that status).", HelpName = "FOLDER" };
        var actor = CommonOptions.Actor(required: false);
        var json = CommonOptions.Json();
        var command = new Command("folder", "Move a conversation to a folder (folder --db PATH ID --to FOLDER --actor A), or manage folders with the sub-commands.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(to);
        command.Options.Add(actor);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var dbPath = parseResult.GetValue(db) ?? throw CliException.Usage("--db: required.");
            if (parseResult.GetValue(id) is not { } idValue || parseResult.GetValue(to) is not { } target)
            {
                throw CliException.Usage("folder: give a conversation ID and --to FOLDER, or a sub-command: list, create, rename, delete, hide, show.");
            }

            var conversationId = CommonOptions.ConversationId(idValue);
            var agent = CommonOptions.Agent(parseResult.GetValue(actor) ?? throw CliException.Usage("--actor: required."), "--actor");
            var services = runtime.OpenExisting(dbPath);
            await using (services)
            {
                var folderId = await ResolveAsync(services.GetRequiredService<IConversationStore>(), target, "--to", cancellationToken);
                var moved = await services.GetRequiredService<ConversationEditor>().MoveToFolderAsync(conversationId, folderId, agent, cancellationToken);
                await EditCommands.WriteConversationsAsync(runtime, services, [moved], parseResult.GetValue(json), $"Moved to {folderId}", cancellationToken);
                return ExitCodes.Success;
            }
        });

        command.Subcommands.Add(List(runtime));
        command.Subcommands.Add(CreateFolder(runtime));
        command.Subcommands.Add(Rename(runtime));
        command.Subcommands.Add(Delete(runtime));
        command.Subcommands.Add(SetHidden(runtime, "hide", hidden: true, "Hide a folder from the sidebar (system folders too)."));
        command.Subcommands.Add(SetHidden(runtime, "show", hidden: false, "Show a hidden folder in the sidebar again."));

        // "folder 3 list" parses 3 as the move's conversation ID and then runs "list": say so rather than ignore it.
        foreach (var subcommand in command.Subcommands)
        {
            subcommand.Validators.Add(result =>
            {
                if (result.GetResult(id) is { Tokens: [{ } token, ..] })
                {
                    result.AddError($"folder {subcommand.Name}: takes no conversation ID before the sub-command (got '{token.Value}'); to move a conversation: folder ID --to FOLDER.");
                }
            });
        }

        return command;
    }

    /// <summary>Finds a folder by id, or by name (case-insensitive); an unknown folder is "not found".</summary>
    public static async Task<FolderId> ResolveAsync(IConversationStore store, string value, string field, CancellationToken cancellationToken)
    {
        var folders = await store.GetFoldersAsync(cancellationToken);
        var folder = folders.FirstOrDefault(f => f.Id.Value == value)
            ?? folders.FirstOrDefault(f => string.Equals(f.Name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (Names.TryParse<ConversationStatus>(value, out var status) ? folders.FirstOrDefault(f => f.Status == status && f.Kind == FolderKind.System) : null);
        return folder?.Id ?? throw CliException.NotFound($"{field}: there is no folder '{value}'. See 'folder list'.");
    }

    private static Command List(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the folders in sidebar order: the status folders and the custom folders (マイフォルダ).");
        command.Options.Add(db);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var folders = await services.GetRequiredService<IConversationStore>().GetFoldersAsync(cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new FolderListJson(folders.Select(JsonMapper.Folder).ToList()), CliJson.Context.FolderListJson);
                }
                else
                {
                    var rows = folders.Select(f => (IReadOnlyList<string>)[f.Id.Value, f.Name, f.Kind == FolderKind.System ? "system" : "custom", f.Hidden ? "hidden" : "shown"]).ToList();
                    TextTable.Write(runtime.Out, [new("ID"), new("Name"), new("Kind"), new("Sidebar")], rows, runtime.TableWidth(null));
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command CreateFolder(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var name = new Argument<string>("NAME") { Description = "The folder's name, unique among folders." };
        var json = CommonOptions.Json();
        var command = new Command("create", "Create a custom folder; its id is made from the name.");
        command.Options.Add(db);
        command.Arguments.Add(name);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var folderName = parseResult.GetValue(name)!;
            RefuseStatusFolderName(folderName, "NAME");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var folder = await Validated(() => services.GetRequiredService<FolderEditor>().CreateAsync(folderName, cancellationToken));
                WriteFolder(runtime, folder, parseResult.GetValue(json), "Created");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Rename(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var folderArg = new Argument<string>("FOLDER") { Description = "The custom folder (id or name)." };
        var name = new Option<string>("--name") { Description = "The new name.", Required = true, HelpName = "NAME" };
        var json = CommonOptions.Json();
        var command = new Command("rename", "Rename a custom folder.");
        command.Options.Add(db);
        command.Arguments.Add(folderArg);
        command.Options.Add(name);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var newName = parseResult.GetValue(name)!;
            RefuseStatusFolderName(newName, "--name");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var id = await ResolveAsync(services.GetRequiredService<IConversationStore>(), parseResult.GetValue(folderArg)!, "FOLDER", cancellationToken);
                if (SystemFolders.StatusOf(id) is not null)
                {
                    throw CliException.Usage($"FOLDER: '{id}' is a status folder; status folders cannot be renamed (only hidden, with 'folder hide {id}').");
                }

                var folder = await Validated(() => services.GetRequiredService<FolderEditor>().RenameAsync(id, newName, cancellationToken), "--name");
                WriteFolder(runtime, folder, parseResult.GetValue(json), "Renamed");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Delete(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var folderArg = new Argument<string>("FOLDER") { Description = "The custom folder (id or name)." };
        var actor = CommonOptions.Actor();
        var json = CommonOptions.Json();
        var command = new Command("delete", "Delete a custom folder; its conversations go back to their status folders (with a history entry each).");
        command.Options.Add(db);
        command.Arguments.Add(folderArg);
        command.Options.Add(actor);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var agent = CommonOptions.Agent(parseResult.GetValue(actor), "--actor");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var id = await ResolveAsync(services.GetRequiredService<IConversationStore>(), parseResult.GetValue(folderArg)!, "FOLDER", cancellationToken);
                if (SystemFolders.StatusOf(id) is not null)
                {
                    throw CliException.Usage($"FOLDER: '{id}' is a status folder and cannot be deleted; hide it with 'folder hide {id}'.");
                }

                var moved = await services.GetRequiredService<FolderEditor>().DeleteAsync(id, agent, cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new FolderDeletedJson(id.Value, moved), CliJson.Context.FolderDeletedJson);
                }
                else
                {
                    runtime.Out.WriteLine($"Deleted folder {id}; {moved} conversations went back to their status folders.");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command SetHidden(CliRuntime runtime, string name, bool hidden, string description)
    {
        var db = CommonOptions.Db();
        var folderArg = new Argument<string>("FOLDER") { Description = "The folder (id or name)." };
        var json = CommonOptions.Json();
        var command = new Command(name, description);
        command.Options.Add(db);
        command.Arguments.Add(folderArg);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var id = await ResolveAsync(services.GetRequiredService<IConversationStore>(), parseResult.GetValue(folderArg)!, "FOLDER", cancellationToken);
                var folder = await services.GetRequiredService<FolderEditor>().SetHiddenAsync(id, hidden, cancellationToken);
                WriteFolder(runtime, folder, parseResult.GetValue(json), hidden ? "Hidden" : "Shown");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// Refuses a custom folder name that <see cref="ResolveAsync"/> would take for a status folder: a status folder's id,
    /// name or status alias in any accepted spelling (<c>open</c>, <c>awaiting-buyer</c>, <c>AwaitingBuyer</c>).
    /// Such a folder could never be chosen by its name.
    /// </summary>
    private static void RefuseStatusFolderName(string name, string field)
    {
        var trimmed = name.Trim();
        if (SystemFolders.All.FirstOrDefault(f => string.Equals(f.Id.Value, trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(f.Name, trimmed, StringComparison.OrdinalIgnoreCase)
                || (Names.TryParse<ConversationStatus>(trimmed, out var status) && f.Status == status)) is { } system)
        {
            throw CliException.Usage($"{field}: '{trimmed}' would be taken for the status folder {system.Name} (id '{system.Id}'); choose another name.");
        }
    }

    private static async Task<Folder> Validated(Func<Task<Folder>> action, string nameField = "NAME")
    {
        try
        {
            return await action();
        }
        catch (DefinitionValidationException e)
        {
            throw CliException.Usage(string.Join("; ", e.Errors.Select(error => $"{(error.Path == "Name" ? nameField : error.Path)}: {error.Message}")));
        }
    }

    private static void WriteFolder(CliRuntime runtime, Folder folder, bool json, string what)
    {
        if (json)
        {
            runtime.WriteJson(JsonMapper.Folder(folder), CliJson.Context.FolderJson);
        }
        else
        {
            runtime.Out.WriteLine($"{what} folder {folder.Id} \"{folder.Name}\"{(folder.Hidden ? " (hidden)" : string.Empty)}.");
        }
    }
}
