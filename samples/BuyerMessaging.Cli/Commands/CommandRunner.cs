using System.CommandLine;
using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Cli;

/// <summary>Runs command actions with the CLI's error contract: a message on stderr (and {"error"} on stdout with --json), exit 1 or 2.</summary>
internal static class CommandRunner
{
    private const int SqliteReadOnly = 8;

    private const int SqliteCorrupt = 11;

    private const int SqliteNotADatabase = 26;

    public static void SetAction(Command command, CliRuntime runtime, Option<bool>? json, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (Exception e) when (Map(e, runtime) is { } failure)
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

    /// <summary>Maps a failure to the CLI's contract, or returns <see langword="null"/> for a bug (reported with its type).</summary>
    public static CliException? Map(Exception e, CliRuntime runtime) => DatabaseFailure(e, runtime) ?? e switch
    {
        CliException cli => cli,
        ConversationNotFoundException notFound => CliException.NotFound($"ID: there is no conversation '{notFound.ConversationId}'."),
        FolderNotFoundException notFound => CliException.NotFound(notFound.Message),
        DefinitionValidationException invalid => CliException.Usage(invalid.Message),
        ContentBlockedException blocked => new CliException(blocked.Message),
        TemplateRenderException or TemplateFavouritesFullException => CliException.Usage(e.Message),
        KeyNotFoundException => CliException.NotFound(e.Message),
        ArgumentException or FormatException => CliException.Usage(e.Message),
        InvalidOperationException or IOException or UnauthorizedAccessException => new CliException(e.Message),
        _ => null,
    };

    /// <summary>
    /// Names <c>--db</c> for a SQLite failure (the exception or one it wraps): a file that is not a database, a
    /// read-only one on a command that writes, a damaged one; any other SQLite error with its message.
    /// </summary>
    private static CliException? DatabaseFailure(Exception e, CliRuntime runtime)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException sqlite)
            {
                var db = runtime.DatabasePath is { } path ? $"'{path}'" : "the database";
                return sqlite.SqliteErrorCode switch
                {
                    SqliteNotADatabase => CliException.Usage($"--db: {db} is not a SQLite database."),
                    SqliteReadOnly => CliRuntime.ReadOnlyDatabase(runtime.DatabasePath),
                    SqliteCorrupt => CliException.Usage($"--db: {db} is damaged (the database disk image is malformed)."),
                    _ => CliException.Usage($"--db: {db} cannot be used: {sqlite.Message}"),
                };
            }
        }

        return null;
    }
}
