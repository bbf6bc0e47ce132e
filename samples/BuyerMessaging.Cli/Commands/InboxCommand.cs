using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>inbox --db PATH [filters] [--sort updated|received|sla] [--limit N] [--after CURSOR] [--json]</c></summary>
internal static class InboxCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var store = Many("--store", "Only these stores (repeat, or separate with commas).", "STORE");
        var channel = Many("--channel", "Only these channels.", "CHANNEL");
        var status = Many("--status", $"Only these statuses: {Names.Choices<ConversationStatus>()}.", "STATUS");
        var folder = new Option<string?>("--folder") { Description = "Only this folder (id or name). A status folder holds its status's conversations that are not in a custom folder.", HelpName = "FOLDER" };
        var assignee = new Option<string?>("--assignee") { Description = "Only conversations assigned to this agent.", HelpName = "AGENT" };
        var unassigned = new Option<bool>("--unassigned") { Description = "Only conversations assigned to nobody." };
        var type = Many("--type", $"Only these buyer message types: {Names.Choices<BuyerMessageType>()}.", "TYPE");
        var language = Many("--language", "Only these languages (BCP-47, for example ja, de, en).", "LANG");
        var unread = new Option<bool>("--unread") { Description = "Only unread conversations." };
        var hasOrder = new Option<bool>("--has-order") { Description = "Only conversations with an order id." };
        var text = new Option<string?>("--text") { Description = "Only conversations whose subject or any message contains this text (case and width folded; works for Japanese).", HelpName = "TEXT" };
        var sort = new Option<string?>("--sort") { Description = "updated (default, last updated first), received (last received first) or sla (earliest due first).", HelpName = "SORT" };
        var limit = new Option<int>("--limit") { Description = "The page size, 1 to 1000.", DefaultValueFactory = _ => InboxQuery.DefaultPageSize, HelpName = "N" };
        var after = new Option<string?>("--after") { Description = "Continue after this cursor (printed under the previous page).", HelpName = "CURSOR" };
        var displayLanguage = new Option<string?>("--display-language") { Description = "The language of the Remaining column: en (23h left, overdue +2d 3h; the default) or ja, BigCentral's words (残り23時間, 期限切れ+2日(3時間)).", HelpName = "LANG" };
        var zone = CommonOptions.Zone();
        var width = CommonOptions.Width();
        var json = CommonOptions.Json();
        var command = new Command("inbox", "List conversations the way a seller sees them: read state, id, channel, buyer, subject, status, remaining time, updated, replies, type, order.");
        foreach (var option in new Option[] { db, store, channel, status, folder, assignee, unassigned, type, language, unread, hasOrder, text, sort, limit, after, displayLanguage, zone, width, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var displayZone = CommonOptions.Zone(parseResult.GetValue(zone));
            var tableWidth = runtime.TableWidth(CommonOptions.Width(parseResult.GetValue(width)));
            var inboxSort = CommonOptions.Sort(parseResult.GetValue(sort));
            var japanese = parseResult.GetValue(displayLanguage)?.Trim().ToUpperInvariant() switch
            {
                null or "EN" => false,
                "JA" => true,
                _ => throw CliException.Usage($"--display-language: '{parseResult.GetValue(displayLanguage)}' is not supported; use en or ja."),
            };
            var cursor = parseResult.GetValue(after);
            if (cursor is not null && !(InboxCursor.TryDecode(cursor, out var decoded) && decoded.Sort == inboxSort))
            {
                throw CliException.Usage($"--after: '{cursor}' is not a cursor of this listing's sort; pass the cursor printed under the previous page, with the same --sort.");
            }

            if (parseResult.GetValue(assignee) is not null && parseResult.GetValue(unassigned))
            {
                throw CliException.Usage("--assignee and --unassigned cannot be used together.");
            }

            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var conversations = services.GetRequiredService<IConversationStore>();
                var query = new InboxQuery
                {
                    Stores = CommonOptions.List(parseResult.GetValue(store)).Select(s => StoreId.TryParse(s, out var id) ? id : throw CliException.Usage($"--store: '{s}' is not a valid store id.")).ToList(),
                    Channels = CommonOptions.List(parseResult.GetValue(channel)).Select(c => ChannelId.TryParse(c, out var id) ? id : throw CliException.Usage($"--channel: '{c}' is not a valid channel id.")).ToList(),
                    Statuses = CommonOptions.List(parseResult.GetValue(status)).Select(s => CommonOptions.Status(s, "--status")).ToList(),
                    Folder = parseResult.GetValue(folder) is { } f ? await FolderCommand.ResolveAsync(conversations, f, "--folder", cancellationToken) : null,
                    Assignee = parseResult.GetValue(assignee) is { } a ? CommonOptions.Agent(a, "--assignee") : null,
                    Unassigned = parseResult.GetValue(unassigned),
                    MessageTypes = CommonOptions.List(parseResult.GetValue(type)).Select(t => CommonOptions.MessageType(t, "--type")).ToList(),
                    Languages = CommonOptions.List(parseResult.GetValue(language)),
                    Unread = parseResult.GetValue(unread) ? true : null,
                    HasOrder = parseResult.GetValue(hasOrder) ? true : null,
                    Text = string.IsNullOrWhiteSpace(parseResult.GetValue(text)) ? null : parseResult.GetValue(text),
                    Sort = inboxSort,
                    PageSize = CommonOptions.Limit(parseResult.GetValue(limit)),
                    After = cursor,
                };
                var page = await conversations.QueryAsync(query, cancellationToken);
                var channels = (await conversations.GetChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
                var now = CliRuntime.Now(services);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new InboxJson(page.Items.Select(c => JsonMapper.Conversation(c, channels, now)).ToList(), page.NextCursor), CliJson.Context.InboxJson);
                    return ExitCodes.Success;
                }

                InboxView.WriteTable(runtime.Out, page.Items, channels, now, displayZone, tableWidth, japanese);
                if (page.NextCursor is { } next)
                {
                    runtime.Out.WriteLine();
                    runtime.Out.WriteLine($"More: --after {next}");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Option<string[]> Many(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
