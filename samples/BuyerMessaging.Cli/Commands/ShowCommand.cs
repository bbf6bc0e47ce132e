using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary><c>show --db PATH ID [--mark-read] [--json]</c>: the conversation, its messages and its history.</summary>
internal static class ShowCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = CommonOptions.ConversationArgument();
        var markRead = new Option<bool>("--mark-read") { Description = "Record that the conversation was opened (it shows as Read for an hour). Without it, show changes nothing." };
        var actor = CommonOptions.Actor(required: false);
        actor.Description = "Who opens it, with --mark-read (default: cli).";
        var zone = CommonOptions.Zone();
        var save = new Option<string?>("--save-attachments")
        {
            Description = "Also write every message's attachments to DIR/<message id>/<file name> (created when missing; files of an earlier save are replaced).",
            HelpName = "DIR",
        };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a conversation: every field, the messages in order and the history of changes.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(markRead);
        command.Options.Add(actor);
        command.Options.Add(zone);
        command.Options.Add(save);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var conversationId = CommonOptions.ConversationId(parseResult.GetValue(id));
            var saveTo = parseResult.GetValue(save);
            if (saveTo is not null && string.IsNullOrWhiteSpace(saveTo))
            {
                throw CliException.Usage("--save-attachments: give a folder.");
            }

            // Checked before --mark-read changes anything.
            if (saveTo is not null)
            {
                CommonOptions.FolderToWrite(saveTo, "--save-attachments");
            }

            var displayZone = CommonOptions.Zone(parseResult.GetValue(zone));
            var agent = CommonOptions.Agent(parseResult.GetValue(actor) ?? "cli", "--actor");
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var store = services.GetRequiredService<IConversationStore>();
                if (parseResult.GetValue(markRead))
                {
                    await services.GetRequiredService<ConversationEditor>().MarkReadAsync(conversationId, agent, cancellationToken);
                }

                var conversation = await store.GetConversationAsync(conversationId, cancellationToken)
                    ?? throw CliException.NotFound($"ID: there is no conversation '{conversationId}'.");
                var messages = await store.GetMessagesAsync(conversationId, cancellationToken);
                var history = await store.GetHistoryAsync(conversationId, cancellationToken);
                var channels = (await store.GetChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
                var folders = await store.GetFoldersAsync(cancellationToken);
                var stores = await store.GetStoresAsync(cancellationToken);
                var now = CliRuntime.Now(services);
                List<string> saved;
                try
                {
                    saved = saveTo is null ? [] : await SaveAttachmentsAsync(saveTo, messages, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw CliException.Usage($"--save-attachments: cannot write into '{saveTo}': {e.Message}");
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(
                        new ShowJson(JsonMapper.Conversation(conversation, channels, now), messages.Select(JsonMapper.Message).ToList(), history.Select(JsonMapper.History).ToList()),
                        CliJson.Context.ShowJson);
                    return ExitCodes.Success;
                }

                Write(runtime.Out, conversation, messages, history, channels, folders, stores, now, displayZone);
                if (saveTo is not null)
                {
                    runtime.Out.WriteLine();
                    runtime.Out.WriteLine(saved.Count == 0 ? "No attachments to save." : $"Saved {saved.Count} attachment(s):");
                    foreach (var path in saved)
                    {
                        runtime.Out.WriteLine($"  {path}");
                    }
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static void Write(
        TextWriter o, Conversation c, IReadOnlyList<Message> messages, IReadOnlyList<ConversationChange> history,
        IReadOnlyDictionary<ChannelId, Channel> channels, IReadOnlyList<Folder> folders, IReadOnlyList<Store> stores, Instant now, DateTimeZone zone)
    {
        var channel = channels.TryGetValue(c.ChannelId, out var ch) ? ch : null;
        var storeName = stores.FirstOrDefault(s => s.Id == c.StoreId)?.Name;
        var readState = Names.Display(c.GetReadState(now));
        o.WriteLine($"Conversation {c.Id}{(readState.Length > 0 ? $"  [{readState}]" : string.Empty)}");
        Field(o, "Subject", c.Subject);
        Field(o, "Status", Names.Display(c.Status));
        Field(o, "Folder", c.FolderId is { } f ? $"{folders.FirstOrDefault(x => x.Id == f)?.Name ?? f.Value} ({f})" : $"{Names.Display(c.Status)} (status folder)");
        Field(o, "Store", storeName is null ? c.StoreId.Value : $"{storeName} ({c.StoreId})");
        Field(o, "Channel", channel is null ? c.ChannelId.Value : $"{channel.Name} ({c.ChannelId})");
        Field(o, "Buyer", $"{(c.Buyer.Name is { Length: > 0 } n ? $"{n} <{c.Buyer.Address}>" : c.Buyer.Address)}{(c.Buyer.IsRelayAlias ? "  (Amazon relay alias)" : string.Empty)}");
        Field(o, "Order", c.OrderId ?? "-");
        Field(o, "Type", $"{Names.Display(c.MessageType)} ({Names.Kebab(c.MessageType)})");
        Field(o, "Language", c.Language ?? "-");
        Field(o, "Assignee", c.Assignee?.Value ?? "-");
        Field(o, "Tags", c.Tags.Count == 0 ? "-" : string.Join(", ", c.Tags));
        Field(o, "Read", c.ReadAt is { } readAt ? $"opened {Names.Local(readAt, zone)}{(c.IsUnread ? ", buyer wrote since" : string.Empty)}" : "never opened");
        Field(o, "Replies", Invariant($"{c.SellerReplyCount} from the seller; {c.MessageCount} messages in all"));
        Field(o, "Received", $"first {Names.Local(c.FirstInboundAt, zone)}, last {Names.Local(c.LastInboundAt, zone)}");
        Field(o, "Replied", c.FirstOutboundAt is null ? "-" : $"first {Names.Local(c.FirstOutboundAt, zone)}, last {Names.Local(c.LastOutboundAt, zone)}");
        Field(o, "Updated", Names.Local(c.UpdatedAt, zone));
        Field(o, "Remaining", c.SlaDueAt is { } due ? $"{Names.Remaining(c, now)} (due {Names.Local(due, zone)})".TrimStart() : "-");
        Field(o, "No reply", c.NoReplyNeeded ? "marked as needing no reply" : "-");
        Field(o, "Version", c.Version.ToString(CultureInfo.InvariantCulture));
        o.WriteLine();
        o.WriteLine($"Messages ({messages.Count})");
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            o.WriteLine();
            var sent = m.SentAt is { } sentAt && m.Direction == MessageDirection.Inbound ? $", sent {Names.Local(sentAt, zone)}" : string.Empty;
            o.WriteLine(Invariant($"[{i + 1}] {Names.Display(m.Direction)}  {Names.Local(m.At, zone)}  (message {m.Id}{(m.Author is { } author ? $", by {author}" : string.Empty)}{sent})"));
            o.WriteLine($"    From: {m.From}");
            if (m.To.Count > 0)
            {
                o.WriteLine($"    To: {string.Join(", ", m.To)}");
            }

            if (m.Cc.Count > 0)
            {
                o.WriteLine($"    Cc: {string.Join(", ", m.Cc)}");
            }

            o.WriteLine($"    Subject: {m.Subject}");
            foreach (var a in m.Attachments)
            {
                o.WriteLine(Invariant($"    Attachment: {a.FileName} ({a.ContentType}, {a.Size:N0} bytes{(a.Defect is null ? null : "; damaged: " + a.Defect)})"));
            }

            o.WriteLine();
            foreach (var line in m.Text.ReplaceLineEndings("\n").TrimEnd().Split('\n'))
            {
                o.WriteLine($"    {line}".TrimEnd());
            }
        }

        o.WriteLine();
        o.WriteLine($"History ({history.Count})");
        var rows = history.Select(h => (IReadOnlyList<string>)
        [
            Names.Local(h.At, zone),
            h.Actor,
            h.What,
            h.From ?? string.Empty,
            h.To ?? string.Empty,
        ]).ToList();
        TextTable.Write(o, [new("When"), new("Actor", MaxWidth: 24), new("What"), new("From", MaxWidth: 30), new("To", MaxWidth: 30)], rows, 160);
    }

    /// <summary>Writes each message's attachments to <c>folder/message id/file name</c>; returns the paths written.</summary>
    private static async Task<List<string>> SaveAttachmentsAsync(string folder, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        var saved = new List<string>();
        foreach (var message in messages.Where(m => m.Attachments.Count > 0))
        {
            var directory = Path.Combine(folder, SafeFileName(message.Id.Value, "message"));
            Directory.CreateDirectory(directory);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var attachment = message.Attachments[i];
                var first = SafeFileName(attachment.FileName, Invariant($"attachment-{i + 1}"));
                var name = first;
                for (var n = 2; !names.Add(name); n++)
                {
                    // Two files of one message with the same name: "photo.jpg", "photo (2).jpg".
                    name = Invariant($"{Path.GetFileNameWithoutExtension(first)} ({n}){Path.GetExtension(first)}");
                }

                var path = Path.Combine(directory, name);
                await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken);
                saved.Add(path);
            }
        }

        return saved;
    }

    /// <summary>A name that stays inside its folder on every system: no directory part, no invalid character, not "." or "..".</summary>
    private static string SafeFileName(string name, string fallback)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. name.Select(c => c is '/' or '\\' or ':' || char.IsControl(c) || invalid.Contains(c) ? '_' : c)]).Trim().TrimEnd('.');
        return safe.Length == 0 || safe.Trim('.').Length == 0 ? fallback : safe;
    }

    private static void Field(TextWriter o, string name, string value) => o.WriteLine($"  {name + ":",-11}{value}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
