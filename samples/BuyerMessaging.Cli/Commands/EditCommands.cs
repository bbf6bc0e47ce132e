using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>The commands that change conversations: status (bulk), assign, note and reply. Each records history.</summary>
internal static class EditCommands
{
    /// <summary><c>status --db PATH --set STATUS --actor A ID...</c></summary>
    public static Command Status(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var set = new Option<string>("--set") { Description = $"The new status: {Names.Choices<ConversationStatus>()}.", Required = true, HelpName = "STATUS" };
        var actor = CommonOptions.Actor();
        var json = CommonOptions.Json();
        var ids = new Argument<string[]>("ID") { Description = "The conversations (all or none are changed).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("status", "Set the status of one or more conversations (all or none).");
        command.Options.Add(db);
        command.Options.Add(set);
        command.Options.Add(actor);
        command.Options.Add(json);
        command.Arguments.Add(ids);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var status = CommonOptions.Status(parseResult.GetValue(set), "--set");
            var agent = CommonOptions.Agent(parseResult.GetValue(actor), "--actor");
            var conversationIds = (parseResult.GetValue(ids) ?? []).Select(i => CommonOptions.ConversationId(i)).Distinct().ToList();
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var changed = await services.GetRequiredService<ConversationEditor>().SetStatusAsync(conversationIds, status, agent, cancellationToken);
                await WriteConversationsAsync(runtime, services, changed, parseResult.GetValue(json), $"Status {Names.Display(status)}", cancellationToken);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary><c>assign --db PATH ID --agent A|--none --actor A</c></summary>
    public static Command Assign(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = CommonOptions.ConversationArgument();
        var agentOption = new Option<string?>("--agent") { Description = "The agent to assign the conversation to.", HelpName = "AGENT" };
        var none = new Option<bool>("--none") { Description = "Assign the conversation to nobody." };
        var actor = CommonOptions.Actor();
        var json = CommonOptions.Json();
        var command = new Command("assign", "Assign a conversation to an agent (担当者), or to nobody with --none.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(agentOption);
        command.Options.Add(none);
        command.Options.Add(actor);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var conversationId = CommonOptions.ConversationId(parseResult.GetValue(id));
            var agentValue = parseResult.GetValue(agentOption);
            var toNobody = parseResult.GetValue(none);
            if ((agentValue is null) == !toNobody)
            {
                throw CliException.Usage("--agent or --none: give exactly one of them.");
            }

            AgentId? assignee = agentValue is null ? null : CommonOptions.Agent(agentValue, "--agent");
            var agent = CommonOptions.Agent(parseResult.GetValue(actor), "--actor");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var changed = await services.GetRequiredService<ConversationEditor>().AssignAsync(conversationId, assignee, agent, cancellationToken);
                await WriteConversationsAsync(runtime, services, [changed], parseResult.GetValue(json), assignee is { } a ? $"Assigned to {a}" : "Assigned to nobody", cancellationToken);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary><c>note --db PATH ID --text T --actor A [--status S]</c></summary>
    public static Command Note(CliRuntime runtime) => MessageCommand(
        runtime,
        "note",
        "Add a seller note (出品者メモ): kept with the conversation, never sent to the buyer. --status also sets the status.",
        "The status to set with the note (default: unchanged).",
        withAttachments: false,
        async (editor, id, text, _, agent, status, cancellationToken) => await editor.AddNoteAsync(id, text, agent, status, cancellationToken));

    /// <summary><c>reply --db PATH ID --text T --actor A [--status S] [--attach FILE]...</c></summary>
    public static Command Reply(CliRuntime runtime) => MessageCommand(
        runtime,
        "reply",
        "Record a reply sent to the buyer (カスタマー返信): the reply count goes up and the status becomes awaiting-buyer unless --status says otherwise. Sending comes in a later release.",
        "The status after the reply (default: awaiting-buyer).",
        withAttachments: true,
        async (editor, id, text, attachments, agent, status, cancellationToken) =>
            await editor.RecordReplyAsync(id, new OutboundReply { Text = text, Attachments = attachments }, agent, status ?? ConversationStatus.AwaitingBuyer, cancellationToken));

    /// <summary>Prints conversations after a change: a table line each, or <c>{"items":[...]}</c>.</summary>
    public static async Task WriteConversationsAsync(CliRuntime runtime, IServiceProvider services, IReadOnlyList<Conversation> conversations, bool json, string what, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IConversationStore>();
        var channels = (await store.GetChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
        var now = CliRuntime.Now(services);
        if (json)
        {
            runtime.WriteJson(new ConversationListJson(conversations.Select(c => JsonMapper.Conversation(c, channels, now)).ToList()), CliJson.Context.ConversationListJson);
            return;
        }

        foreach (var c in conversations)
        {
            runtime.Out.WriteLine($"{what}: conversation {c.Id} ({Names.Display(c.Status)}{(c.Assignee is { } a ? $", assigned to {a}" : string.Empty)}) {DisplayWidth.Truncate(DisplayWidth.OneLine(c.Subject), 60)}");
        }
    }

    private static Command MessageCommand(
        CliRuntime runtime,
        string name,
        string description,
        string statusDescription,
        bool withAttachments,
        Func<ConversationEditor, ConversationId, string, IReadOnlyList<MessageAttachment>, AgentId, ConversationStatus?, CancellationToken, Task<Message>> record)
    {
        var db = CommonOptions.Db();
        var id = CommonOptions.ConversationArgument();
        var text = new Option<string>("--text") { Description = "The text.", Required = true, HelpName = "TEXT" };
        var actor = CommonOptions.Actor();
        var status = new Option<string?>("--status") { Description = statusDescription, HelpName = "STATUS" };
        var attach = new Option<string[]>("--attach")
        {
            Description = "A file to send with the reply (repeat for several); its content type comes from its extension. Amazon's rules apply on Amazon channels.",
            HelpName = "FILE",
        };
        var json = CommonOptions.Json();
        var command = new Command(name, description);
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(text);
        command.Options.Add(actor);
        command.Options.Add(status);
        if (withAttachments)
        {
            command.Options.Add(attach);
        }

        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var conversationId = CommonOptions.ConversationId(parseResult.GetValue(id));
            var body = parseResult.GetValue(text);
            if (string.IsNullOrWhiteSpace(body))
            {
                throw CliException.Usage("--text: must not be empty.");
            }

            var agent = CommonOptions.Agent(parseResult.GetValue(actor), "--actor");
            var newStatus = CommonOptions.OptionalStatus(parseResult.GetValue(status), "--status");
            var attachments = withAttachments ? await ReadAttachmentsAsync(parseResult.GetValue(attach) ?? [], cancellationToken) : [];
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var message = await record(services.GetRequiredService<ConversationEditor>(), conversationId, body, attachments, agent, newStatus, cancellationToken);
                var store = services.GetRequiredService<IConversationStore>();
                var conversation = await store.GetConversationAsync(conversationId, cancellationToken)
                    ?? throw CliException.NotFound($"ID: there is no conversation '{conversationId}'.");
                if (parseResult.GetValue(json))
                {
                    var channels = (await store.GetChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
                    runtime.WriteJson(new MessageResultJson(JsonMapper.Message(message), JsonMapper.Conversation(conversation, channels, CliRuntime.Now(services))), CliJson.Context.MessageResultJson);
                }
                else
                {
                    runtime.Out.WriteLine($"{Names.Display(message.Direction)} {message.Id} recorded on conversation {conversation.Id}: status {Names.Display(conversation.Status)}, {conversation.SellerReplyCount} replies.");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>Reads the files of <c>--attach</c>: the name without its folder, the content type from the extension.</summary>
    private static async Task<IReadOnlyList<MessageAttachment>> ReadAttachmentsAsync(string[] paths, CancellationToken cancellationToken)
    {
        var attachments = new List<MessageAttachment>(paths.Length);
        foreach (var path in paths)
        {
            var content = await CommonOptions.ReadFileAsync(path, "--attach", f => File.ReadAllBytesAsync(f, cancellationToken));
            attachments.Add(new MessageAttachment { FileName = Path.GetFileName(path), ContentType = MimeKit.MimeTypes.GetMimeType(path), Content = content });
        }

        return attachments;
    }
}
