using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.CommandLine.Invocation;

namespace BuyerMessaging.Cli;

/// <summary>
/// The buyer-messaging command line: the commands, their parsing and the exit-code contract (0 success, 1 usage or
/// validation error, 2 not found). Callable in-process: tests pass their own writers and time.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the CLI with the system clock.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, new CliHostOptions { TimeProvider = TimeProvider.System });

    /// <summary>Runs the CLI with the given host (time source, terminal width).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliHostOptions host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(host);
        var runtime = new CliRuntime(stdout, stderr, host);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Log what the SDK does (Information and above) to stderr.",
            Recursive = true,
        };
        var root = BuildRoot(runtime);
        root.Options.Add(verbose);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var command = parseResult.CommandResult.Command;
            var message = string.Join(" ", parseResult.Errors.Select(Describe).Distinct(StringComparer.Ordinal));
            CommandRunner.Report(runtime, message, args.Contains("--json", StringComparer.Ordinal));
            stderr.WriteLine($"Run '{CommandPath(command, root)} --help' for usage.");
            return ExitCodes.Usage;
        }

        runtime.Verbose = parseResult.GetValue(verbose);
        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (Exception e) when (CommandRunner.Map(e, runtime) is { } failure)
        {
            CommandRunner.Report(runtime, failure.Message, args.Contains("--json", StringComparer.Ordinal));
            return failure.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: reported with its type, and as {"error"} on stdout with --json, as every other failure is.
            CommandRunner.Report(runtime, $"{e.GetType().Name}: {e.Message}", args.Contains("--json", StringComparer.Ordinal));
            if (runtime.Verbose)
            {
                stderr.WriteLine(e);
            }

            return ExitCodes.Error;
        }
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand BuildRoot(CliRuntime runtime)
    {
        var root = new RootCommand("buyer-messaging: every store's Amazon buyer messages and support mail in one SQLite inbox. Start with 'demo'.");
        root.Subcommands.Add(DemoCommand.Create(runtime));
        root.Subcommands.Add(IngestCommand.Create(runtime));
        root.Subcommands.Add(InboxCommand.Create(runtime));
        root.Subcommands.Add(ShowCommand.Create(runtime));
        root.Subcommands.Add(EditCommands.Status(runtime));
        root.Subcommands.Add(EditCommands.Assign(runtime));
        root.Subcommands.Add(FolderCommand.Create(runtime));
        root.Subcommands.Add(EditCommands.Note(runtime));
        root.Subcommands.Add(EditCommands.Reply(runtime));
        root.Subcommands.Add(QuarantineCommand.Create(runtime));
        root.Subcommands.Add(ParseCommand.Create(runtime));
        root.Subcommands.Add(TemplatesCommand.Create(runtime));
        root.Subcommands.Add(MatchCommands.Detect(runtime));
        root.Subcommands.Add(MatchCommands.Match(runtime));
        root.Subcommands.Add(MatchCommands.SmartReply(runtime));
        root.Subcommands.Add(SlaCommand.Create(runtime));
        root.Subcommands.Add(AutoReplyCommand.Create(runtime));
        root.Subcommands.Add(WorkerCommand.Create(runtime));
        root.Subcommands.Add(RulesCommand.Create(runtime));
        root.Subcommands.Add(LintCommand.Create(runtime));
        return root;
    }

    /// <summary>
    /// Says what is wrong with an option's value in the CLI's words. System.CommandLine names the .NET type it failed to
    /// convert to ("System.Nullable`1[System.Int32]"); a number option gets "a whole number" instead.
    /// </summary>
    private static string Describe(ParseError error)
    {
        if (error.SymbolResult is OptionResult { Option: var option } result
            && (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) == typeof(int))
        {
            foreach (var token in result.Tokens)
            {
                if (!int.TryParse(token.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    return $"{option.Name}: '{token.Value}' is not a whole number; give one such as 10.";
                }
            }
        }

        return error.Message;
    }

    private static string CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c && c != root; s = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', ["buyer-messaging", .. names]);
    }
}
