using System.CommandLine;

namespace BuyerMessaging.Cli;

/// <content>The per-channel policy commands; they need the SQLite channel policies.</content>
internal static partial class AutoReplyCommand
{
    private static void AddPolicyCommands(Command command, CliRuntime runtime)
    {
        _ = command;
        _ = runtime;
    }
}
