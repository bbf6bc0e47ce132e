using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>quarantine --db PATH [--limit N] [--json]</c>: input that was kept but not ingested, newest first; <c>retry</c>,
/// <c>save</c> and <c>delete</c> act on items.
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var limit = new Option<int>("--limit") { Description = "The most items to list, 1 to 1000.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var zone = CommonOptions.Zone();
        var width = CommonOptions.Width();
        var json = CommonOptions.Json();
        var command = new Command("quarantine", "List quarantined input (unparseable mail, mail for unknown or disabled channels), newest first, with the reason.");
        command.Options.Add(db);
        command.Options.Add(limit);
        command.Options.Add(zone);
        command.Options.Add(width);
        command.Options.Add(json);
        command.Subcommands.Add(Retry(runtime));
        command.Subcommands.Add(Save(runtime));
        command.Subcommands.Add(Delete(runtime));
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var displayZone = CommonOptions.Zone(parseResult.GetValue(zone));
            var tableWidth = runtime.TableWidth(CommonOptions.Width(parseResult.GetValue(width)));
            var max = CommonOptions.Limit(parseResult.GetValue(limit));
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var items = await services.GetRequiredService<IConversationStore>().GetQuarantineEntriesAsync(max, cancellationToken: cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(
                        new QuarantineListJson(items.Select(q => new QuarantineItemJson(q.Id, Names.Iso(q.At), q.Source, q.Reason, q.Size, q.ChannelId?.Value)).ToList()),
                        CliJson.Context.QuarantineListJson);
                    return ExitCodes.Success;
                }

                if (items.Count == 0)
                {
                    runtime.Out.WriteLine("Nothing in quarantine.");
                    return ExitCodes.Success;
                }

                var rows = items.Select(q => (IReadOnlyList<string>)
                [
                    q.Id.ToString(CultureInfo.InvariantCulture),
                    Names.Local(q.At, displayZone),
                    q.Source ?? "-",
                    q.Size.ToString("N0", CultureInfo.InvariantCulture),
                    q.Reason,
                ]).ToList();
                TextTable.Write(runtime.Out, [new("ID"), new("At"), new("Source", MaxWidth: 50), new("Bytes", RightAligned: true), new("Reason", Flexible: true)], rows, tableWidth);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary><c>quarantine retry --db PATH (ID... | --all) [--config stores.json] [--json]</c></summary>
    private static Command Retry(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var ids = new Argument<string[]>("ID") { Description = "The items to try again (all must exist, or none is tried).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Try every item again, oldest first." };
        var config = new Option<string?>("--config")
        {
            Description = "A stores.json to save first (add or enable the channel the mail was for); mail for channels the database does not configure stays quarantined.",
            HelpName = "FILE",
        };
        var json = CommonOptions.Json();
        var command = new Command("retry", "Parse and ingest quarantined input again, once what kept it out is fixed; what fails again stays quarantined with the new reason.")
        {
            db, ids, all, config, json,
        };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(ids) ?? [];
            if (given.Length > 0 == parseResult.GetValue(all))
            {
                throw CliException.Usage("ID: give the ids of the items to try again, or --all (not both).");
            }

            var wanted = Ids(given);
            var configPath = parseResult.GetValue(config);
            var stores = configPath is null ? null : await StoresConfigLoader.LoadAsync(configPath, "--config", cancellationToken);
            var path = parseResult.GetValue(db)!;
            var services = runtime.OpenExisting(path);
            await using (services)
            {
                var store = services.GetRequiredService<IConversationStore>();
                var items = wanted.Count > 0 ? await ExistingAsync(store, wanted, cancellationToken) : await AllAsync(store, cancellationToken);
                CliRuntime.RequireWritable(path);
                if (stores is not null)
                {
                    await StoresConfigLoader.SaveAsync(services.GetRequiredService<StoreDirectory>(), configPath!, "--config", stores, cancellationToken);
                }

                var ingestor = services.GetRequiredService<ConversationIngestor>();
                var parser = services.GetRequiredService<MimeMessageParser>();
                int ingested = 0, duplicates = 0;
                var still = new List<QuarantineRetryFailureJson>();
                foreach (var id in items)
                {
                    var result = await ingestor.RetryQuarantinedAsync(id, parser.ParseAgain, cancellationToken);
                    switch (result.Outcome)
                    {
                        case IngestOutcome.Quarantined:
                            var kept = await store.GetQuarantinedItemAsync(result.QuarantineId!.Value, cancellationToken);
                            still.Add(new(result.QuarantineId.Value, id, kept?.Source, result.QuarantineReason!));
                            break;
                        case IngestOutcome.Duplicate:
                            duplicates++;
                            break;
                        default:
                            ingested++;
                            break;
                    }
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new QuarantineRetryJson(ingested, duplicates, still), CliJson.Context.QuarantineRetryJson);
                    return ExitCodes.Success;
                }

                var o = runtime.Out;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tried {items.Count}: {ingested} ingested, {duplicates} already in the inbox, {still.Count} still quarantined."));
                foreach (var failure in still)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {failure.Id} (was {failure.Was}) {failure.Source ?? "-"}: {failure.Reason}"));
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary><c>quarantine save --db PATH ID --out FILE [--json]</c></summary>
    private static Command Save(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("ID") { Description = "The item whose raw input to write." };
        var output = new Option<string>("--out") { Description = "The file to write the raw input to (for mail, an .eml to open or mend).", Required = true, HelpName = "FILE" };
        var json = CommonOptions.Json();
        var command = new Command("save", "Write a quarantined item's raw input, byte for byte, to a file.") { db, id, output, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var itemId = Ids([parseResult.GetValue(id)!])[0];
            var file = parseResult.GetValue(output)!;
            if (Directory.Exists(file))
            {
                throw CliException.Usage($"--out: '{file}' is a folder; give a file.");
            }

            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var item = await services.GetRequiredService<IConversationStore>().GetQuarantinedItemAsync(itemId, cancellationToken)
                    ?? throw NoSuchItem(itemId);
                try
                {
                    await File.WriteAllBytesAsync(file, item.Raw, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw CliException.Usage($"--out: '{file}' cannot be written: {e.Message}");
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new QuarantineSaveJson(item.Id, file, item.Raw.Length), CliJson.Context.QuarantineSaveJson);
                }
                else
                {
                    runtime.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {item.Raw.Length:N0} bytes of item {item.Id} to {file}."));
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary><c>quarantine delete --db PATH ID... [--json]</c></summary>
    private static Command Delete(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var ids = new Argument<string[]>("ID") { Description = "The items to delete for good (all must exist, or none is deleted).", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var command = new Command("delete", "Delete quarantined items for good: input a person has looked at and does not want (save it first to keep a copy).") { db, ids, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var wanted = Ids(parseResult.GetValue(ids) ?? []);
            var path = parseResult.GetValue(db)!;
            var services = runtime.OpenExisting(path);
            await using (services)
            {
                var store = services.GetRequiredService<IConversationStore>();
                var items = await ExistingAsync(store, wanted, cancellationToken);
                CliRuntime.RequireWritable(path);
                var transaction = await store.BeginTransactionAsync(cancellationToken);
                await using (transaction)
                {
                    foreach (var item in items)
                    {
                        if (!await transaction.DeleteQuarantinedItemAsync(item, cancellationToken))
                        {
                            throw NoSuchItem(item);
                        }
                    }

                    await transaction.CommitAsync(cancellationToken);
                }

                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new QuarantineDeleteJson(items), CliJson.Context.QuarantineDeleteJson);
                }
                else
                {
                    runtime.Out.WriteLine($"Deleted {string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture)))}.");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>The ids given, each a positive whole number, without repeats, in the order given.</summary>
    private static List<long> Ids(IEnumerable<string> values)
    {
        var ids = new List<long>();
        foreach (var value in values)
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                throw CliException.Usage($"ID: '{value}' is not the id of a quarantined item (a whole number, as 'quarantine' lists them).");
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The ids, once each is known to exist; else exit 2 naming the first that does not.</summary>
    private static async Task<IReadOnlyList<long>> ExistingAsync(IConversationStore store, List<long> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            if (await store.GetQuarantinedItemAsync(id, cancellationToken) is null)
            {
                throw NoSuchItem(id);
            }
        }

        return ids;
    }

    /// <summary>Every item's id, oldest first, read a page at a time without the items' bytes (a quarantine can be large).</summary>
    private static async Task<IReadOnlyList<long>> AllAsync(IConversationStore store, CancellationToken cancellationToken)
    {
        const int Page = 1_000;
        var ids = new List<long>();
        long? before = null;
        while (true)
        {
            var entries = await store.GetQuarantineEntriesAsync(Page, before, cancellationToken);
            ids.AddRange(entries.Select(e => e.Id));
            if (entries.Count < Page)
            {
                break;
            }

            before = entries[^1].Id;
        }

        ids.Reverse();
        return ids;
    }

    private static CliException NoSuchItem(long id) =>
        CliException.NotFound(string.Create(CultureInfo.InvariantCulture, $"ID: there is no quarantined item {id}; 'quarantine' lists them."));
}
