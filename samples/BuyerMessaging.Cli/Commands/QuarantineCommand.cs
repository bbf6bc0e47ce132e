using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>quarantine --db PATH [--limit N] [--json]</c>: input that was kept but not ingested, newest first.</summary>
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
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var displayZone = CommonOptions.Zone(parseResult.GetValue(zone));
            var tableWidth = runtime.TableWidth(CommonOptions.Width(parseResult.GetValue(width)));
            var max = CommonOptions.Limit(parseResult.GetValue(limit));
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var items = await services.GetRequiredService<IConversationStore>().GetQuarantineAsync(max, cancellationToken);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(
                        new QuarantineListJson(items.Select(q => new QuarantineItemJson(q.Id, Names.Iso(q.At), q.Source, q.Reason, q.Raw.Length, q.ChannelId?.Value)).ToList()),
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
                    q.Raw.Length.ToString("N0", CultureInfo.InvariantCulture),
                    q.Reason,
                ]).ToList();
                TextTable.Write(runtime.Out, [new("ID"), new("At"), new("Source", MaxWidth: 50), new("Bytes", RightAligned: true), new("Reason", Flexible: true)], rows, tableWidth);
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
