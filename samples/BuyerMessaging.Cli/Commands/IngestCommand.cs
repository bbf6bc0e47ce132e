using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>ingest --db PATH [--config stores.json] FILES_OR_FOLDERS...</c></summary>
internal static class IngestCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var config = new Option<string?>("--config")
        {
            Description = "A stores.json to save first; mail for channels it does not configure is then quarantined. Without it, channels are created in a default store as they are seen.",
            HelpName = "stores.json",
        };
        var json = CommonOptions.Json();
        var paths = new Argument<string[]>("FILES_OR_FOLDERS")
        {
            Description = ".eml or mbox files, or folders whose *.eml and *.mbox files are ingested in name order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Ingest .eml files into the database: prints how many were ingested, recognised as duplicates, or quarantined (with file and reason).");
        command.Options.Add(db);
        command.Options.Add(config);
        command.Options.Add(json);
        command.Arguments.Add(paths);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var files = FileIngestion.Expand(parseResult.GetValue(paths) ?? [], runtime.Err);
            var configPath = parseResult.GetValue(config);
            var stores = configPath is null ? null : await StoresConfigLoader.LoadAsync(configPath, "--config", cancellationToken);
            CliRuntime.RequireWritable(parseResult.GetValue(db)!);
            var services = runtime.BuildServices(parseResult.GetValue(db)!, o => o.UnknownChannel = stores is null ? UnknownChannelHandling.CreateChannel : UnknownChannelHandling.Quarantine);
            await using (services)
            {
                if (stores is not null)
                {
                    await StoresConfigLoader.SaveAsync(services.GetRequiredService<StoreDirectory>(), configPath!, "--config", stores, cancellationToken);
                }

                var run = await FileIngestion.IngestAsync(services, files, cancellationToken);
                FileIngestion.WriteWarnings(runtime.Err, run);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(run.ToJson(), CliJson.Context.IngestJson);
                }
                else
                {
                    FileIngestion.WriteSummary(runtime.Out, run);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
