using System.CommandLine;

namespace BuyerMessaging.Cli;

/// <summary>Runs command actions with the CLI's error contract: a message on stderr (and {"error"} on stdout with --json), exit 1 or 2.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, CliRuntime runtime, Option<bool>? json, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (Exception e) when (Map(e) is { } failure)
            {
                Report(runtime, failure.Message, json is not null && parseResult.GetValue(json));
                return failure.ExitCode;
            }
        });
    }

    /// <summary>Writes an error: "error: ..." on stderr, and <c>{"error":"..."}</c> on stdout when JSON was asked for.</summary>
    public static void Report(CliRuntime runtime, string message, bool json)
    {
        runtime.Err.WriteLine($"error: {message}");
        if (json)
        {
            runtime.WriteJson(new ErrorJson(message), CliJson.Context.ErrorJson);
        }
    }

    private static CliException? Map(Exception e) => e switch
    {
        CliException cli => cli,
        ConversationNotFoundException notFound => CliException.NotFound(notFound.Message),
        FolderNotFoundException notFound => CliException.NotFound(notFound.Message),
        DefinitionValidationException invalid => CliException.Usage(invalid.Message),
        ContentBlockedException blocked => new CliException(blocked.Message),
        TemplateRenderException or TemplateFavouritesFullException => CliException.Usage(e.Message),
        KeyNotFoundException => CliException.NotFound(e.Message),
        ArgumentException or FormatException => CliException.Usage(e.Message),
        InvalidOperationException or IOException or UnauthorizedAccessException => new CliException(e.Message),
        _ => null,
    };
}
