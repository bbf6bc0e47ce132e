using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>worker --db PATH --once [--outbox DIR]</c>: runs the due scheduled work and sends the outbox as .eml files.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var once = new Option<bool>("--once") { Description = "Run the work that is due now (passes until none is left), then exit. Without it, run a pass every --interval until Ctrl+C." };
        var outbox = new Option<string?>("--outbox") { Description = "The folder the outgoing messages are written to as .eml files (default: '<db name>-outbox' next to the database).", HelpName = "DIR" };
        var interval = new Option<int>("--interval") { Description = "Seconds between passes without --once, 1 to 3600.", DefaultValueFactory = _ => 5, HelpName = "SECONDS" };
        var json = CommonOptions.Json();
        var command = new Command("worker", "Run the durable scheduled work: auto-replies, smart replies, SLA warnings, events, and the outbox, which a file-system sender writes as .eml files.")
        {
            db, once, outbox, interval, json,
        };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(db)!;
            var seconds = parseResult.GetValue(interval);
            if (seconds is < 1 or > 3600)
            {
                throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"--interval: {seconds} is out of range; use 1 to 3600 seconds."));
            }

            var folder = Outbox(parseResult.GetValue(outbox), path);
            var services = runtime.OpenExisting(path, b => SendLog.AddTo(b, folder));
            await using (services)
            {
                if (parseResult.GetValue(once))
                {
                    var result = await RunAsync(services, folder, cancellationToken);
                    Write(runtime, result, parseResult.GetValue(json));
                    return result.Failed > 0 ? ExitCodes.Error : ExitCodes.Success;
                }

                while (!cancellationToken.IsCancellationRequested)
                {
                    var result = await RunAsync(services, folder, cancellationToken);
                    if (result.Leased > 0)
                    {
                        Write(runtime, result, parseResult.GetValue(json));
                    }

                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(seconds), runtime.Host.TimeProvider, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>The default outbox of a database: <c>inbox-outbox</c> next to <c>inbox.db</c>.</summary>
    public static string DefaultOutbox(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + "-outbox");
    }

    /// <summary>
    /// The full path of the outbox folder: <c>--outbox</c>, else <see cref="DefaultOutbox"/>. A file there is refused: the
    /// sender could not write into it, and every send would be retried without a word.
    /// </summary>
    public static string Outbox(string? given, string databasePath)
    {
        if (given is not null)
        {
            return Path.GetFullPath(CommonOptions.FolderToWrite(given, "--outbox"));
        }

        var folder = DefaultOutbox(databasePath);
        return File.Exists(folder)
            ? throw CliException.Usage($"--outbox: the default outbox '{folder}' is a file; move it, or give a folder with --outbox.")
            : folder;
    }

    /// <summary>Runs every item due now and lists the files of the sends it completed.</summary>
    public static async Task<WorkerJson> RunAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        var log = services.GetRequiredService<SendLog>();
        var pass = await services.GetRequiredService<WorkQueueWorker>().RunUntilIdleAsync(cancellationToken: cancellationToken);
        return new WorkerJson(pass.Leased, pass.Succeeded, pass.Retried, pass.Failed, folder, log.TakeSent());
    }

    /// <summary>Writes what a pass did.</summary>
    public static void Write(CliRuntime runtime, WorkerJson result, bool json)
    {
        if (json)
        {
            runtime.WriteJson(result, TimeCliJson.Indented.WorkerJson);
            return;
        }

        var o = runtime.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Work items: {result.Leased} run, {result.Succeeded} done, {result.Retried} to retry, {result.Failed} failed."));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Outbox {result.Outbox}: {result.Files.Count} new .eml file(s)."));
        foreach (var file in result.Files)
        {
            o.WriteLine($"  {file}");
        }
    }
}
