using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary><c>demo [--db PATH] [--json]</c>: the quickstart from an empty database to the seller's inbox.</summary>
internal static class DemoCommand
{
    /// <summary>The database the demo uses when no --db is given: a file in the system temp folder, recreated on every run.</summary>
    public static string DefaultDatabasePath => Path.Combine(Path.GetTempPath(), "buyer-messaging-demo.db");

    /// <summary>The channel the demo gives an auto-reply policy, when stores.json has it.</summary>
    public static readonly ChannelId AutoReplyChannel = new("sakura-amazon-jp");

    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db(required: false);
        db.Description = $"The SQLite database to create (default: {DefaultDatabasePath}, recreated on every run). An existing file other than the default needs --overwrite.";
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the --db file if it exists." };
        var samples = new Option<string?>("--samples")
        {
            Description = "The folder with stores.json and the .eml files (default: the SampleData folder next to the program).",
            HelpName = "DIR",
        };
        var outbox = new Option<string?>("--outbox")
        {
            Description = "The folder the worker writes the auto-replies to as .eml files (default: '<db name>-outbox' next to the database, emptied of .eml files on every run).",
            HelpName = "DIR",
        };
        var zone = CommonOptions.Zone();
        var width = CommonOptions.Width();
        var json = CommonOptions.Json();
        var command = new Command("demo", "Create a fresh database, load SampleData/stores.json, give Amazon.co.jp an auto-reply policy, ingest every SampleData/*.eml, run the worker once (auto-replies written as .eml to an outbox folder), and print the ingest summary, the inbox, the sidebar counts and the outbox.");
        command.Options.Add(outbox);
        command.Options.Add(db);
        command.Options.Add(overwrite);
        command.Options.Add(samples);
        command.Options.Add(zone);
        command.Options.Add(width);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var displayZone = CommonOptions.Zone(parseResult.GetValue(zone));
            var tableWidth = runtime.TableWidth(CommonOptions.Width(parseResult.GetValue(width)));
            var samplesDir = parseResult.GetValue(samples) ?? Path.Combine(AppContext.BaseDirectory, "SampleData");
            if (!Directory.Exists(samplesDir))
            {
                throw CliException.NotFound($"--samples: folder '{samplesDir}' not found.");
            }

            var path = Path.GetFullPath(parseResult.GetValue(db) ?? DefaultDatabasePath);
            var isDefault = parseResult.GetValue(db) is null;
            if (File.Exists(path) && !isDefault && !parseResult.GetValue(overwrite))
            {
                throw CliException.Usage($"--db: '{path}' exists; pass --overwrite to replace it, or choose another path.");
            }

            // Checked before anything is deleted: the outbox, and the samples' stores.json and files.
            var outboxPath = WorkerCommand.Outbox(parseResult.GetValue(outbox), path);
            var configPath = Path.Combine(samplesDir, "stores.json");
            var stores = await StoresConfigLoader.LoadAsync(configPath, "--samples", cancellationToken);
            // Shown as "SampleData/01-….eml" rather than the full path of the program's folder.
            var shownAs = Path.GetFileName(Path.TrimEndingDirectorySeparator(samplesDir));
            var files = FileIngestion.Expand([samplesDir]).Select(f => new InputFile(Path.Join(shownAs, Path.GetFileName(f.Path)), f.Path)).ToList();
            DeleteDatabase(path);
            if (parseResult.GetValue(outbox) is null)
            {
                EmptyOutbox(outboxPath);
            }

            var services = runtime.BuildServices(path, o => o.UnknownChannel = UnknownChannelHandling.Quarantine, b => SendLog.AddTo(b, outboxPath));
            await using (services)
            {
                await StoresConfigLoader.SaveAsync(services.GetRequiredService<StoreDirectory>(), configPath, "--samples", stores, cancellationToken);
                var autoReply = await SetAutoReplyAsync(services, cancellationToken);
                // The sample mail was received in November 2026; the demo delivers it now, so that the SLA clock and the
                // auto-replies behave as they would for mail arriving while you watch.
                var run = await FileIngestion.IngestAsync(services, files, cancellationToken, arrivingNow: true);
                var worker = await WorkerCommand.RunAsync(services, outboxPath, cancellationToken);
                var automation = new TimeDemoJson(autoReply, worker);
                var store = services.GetRequiredService<IConversationStore>();
                var now = CliRuntime.Now(services);
                var channels = (await store.GetChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
                var page = await store.QueryAsync(new InboxQuery { Sort = InboxSort.Received, PageSize = InboxQuery.MaxPageSize }, cancellationToken);
                var counts = await store.CountAsync(cancellationToken: cancellationToken);
                var folders = await store.GetFoldersAsync(cancellationToken);
                var storeList = await store.GetStoresAsync(cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(
                        new DemoJson(
                            path,
                            storeList.Select(s => new StoreJson(s.Id.Value, s.Name, channels.Values.Where(c => c.StoreId == s.Id).OrderBy(c => c.Id.Value, StringComparer.Ordinal).Select(JsonMapper.Channel).ToList())).ToList(),
                            run.ToJson(),
                            new InboxJson(page.Items.Select(c => JsonMapper.Conversation(c, channels, now)).ToList(), page.NextCursor),
                            JsonMapper.Counts(counts, folders),
                            automation),
                        CliJson.Context.DemoJson);
                    return ExitCodes.Success;
                }

                var o = runtime.Out;
                o.WriteLine($"Database: {path}");
                o.WriteLine();
                o.WriteLine("Stores and channels (from stores.json)");
                foreach (var s in storeList)
                {
                    o.WriteLine($"  {s.Name} ({s.Id})");
                    foreach (var c in channels.Values.Where(c => c.StoreId == s.Id).OrderBy(c => c.Id.Value, StringComparer.Ordinal))
                    {
                        o.WriteLine($"    {c.Id,-22} {(c.Kind == ChannelKind.Amazon ? "Amazon" : "Mailbox"),-8} {c.Name}{(c.Address is null ? string.Empty : $"  <{c.Address}>")}");
                    }
                }

                o.WriteLine();
                o.WriteLine($"Ingest of {files.Count} files from {samplesDir}");
                FileIngestion.WriteSummary(o, run);
                o.WriteLine();
                o.WriteLine($"Inbox: {page.Items.Count} conversations, last received first (times in {displayZone.Id})");
                InboxView.WriteTable(o, page.Items, channels, now, displayZone, tableWidth);
                o.WriteLine();
                o.WriteLine("Sidebar");
                InboxView.WriteCounts(o, counts, folders, tableWidth);
                o.WriteLine();
                o.WriteLine("Auto-reply (自動返信), set before the ingest");
                AutoReplyCommand.Write(o, autoReply);
                o.WriteLine();
                o.WriteLine("Worker pass (worker --once): auto-replies rendered and sent through the outbox");
                WorkerCommand.Write(runtime, worker, json: false);
                o.WriteLine();
                o.WriteLine("Next: try these on the same database");
                var dbArg = path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
                var first = page.Items.Count > 0 ? page.Items[^1].Id.Value : "ID";
                o.WriteLine($"  inbox --db {dbArg} --text 配送");
                o.WriteLine($"  show --db {dbArg} {first} --mark-read");
                o.WriteLine($"  status --db {dbArg} --set pending --actor alice {first}");
                o.WriteLine($"  reply --db {dbArg} {first} --text \"Thank you, it ships today.\" --actor alice");
                o.WriteLine($"  worker --db {dbArg} --once{(parseResult.GetValue(outbox) is null ? string.Empty : $" --outbox \"{outboxPath}\"")}");
                o.WriteLine($"  autoreply set --db {dbArg} --channel {AutoReplyChannel} --windows \"Mon-Fri 18:00-09:00,Sat-Sun\" --min-delay 5 --max-delay 30");
                o.WriteLine($"  inbox --db {dbArg} --sort sla --display-language ja");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// Gives the demo's Amazon.co.jp channel an auto-reply policy that answers at once at any hour (a real one would be
    /// "Mon-Fri 18:00-09:00,Sat-Sun" with a 5-30 minute delay), so that every run shows the flow.
    /// </summary>
    private static async Task<AutoReplyPolicyJson> SetAutoReplyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var channels = await services.GetRequiredService<IConversationStore>().GetChannelsAsync(cancellationToken);
        if (channels.FirstOrDefault(c => c.Id == AutoReplyChannel) is not { } channel)
        {
            return AutoReplyCommand.ToJson(AutoReplyChannel, null);
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(channel.TimeZoneId ?? "Asia/Tokyo") ?? DateTimeZone.Utc;
        var policy = new AutoReplyPolicy
        {
            Schedule = new AutoReplySchedule(zone, WeeklySchedule.AllWeek),
            MinDelayMinutes = 0,
            MaxDelayMinutes = 0,
            FirstContact = TemplateSelection.Always(new TemplateId("auto-reply-ja")),
            FollowUp = TemplateSelection.Always(new TemplateId("auto-reply-ja-follow-up")),
        };
        await services.GetRequiredService<PolicyDirectory>().SaveAsync(new ChannelPolicies { ChannelId = channel.Id, AutoReply = policy }, cancellationToken);
        return AutoReplyCommand.ToJson(channel.Id, policy);
    }

    private static void EmptyOutbox(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*" + FileSystemOutboundSender.FileExtension))
            {
                File.Delete(file);
            }
        }
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
