using System.CommandLine;
using System.Globalization;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>The options several commands share, and the parsing of their values into the SDK's types.</summary>
internal static class CommonOptions
{
    public static Option<string> Db(bool required = true) => new("--db")
    {
        Description = "The SQLite database file.",
        Required = required,
        HelpName = "PATH",
    };

    /// <summary>
    /// A buyer's language as given on the command line: <see langword="null"/> when absent, else a well-formed BCP-47 tag
    /// (<see cref="LanguageTags.IsWellFormed"/>, the rule the SDK applies to templates and channels).
    /// </summary>
    /// <exception cref="CliException">The value is not such a tag; the message names the option.</exception>
    public static string? LanguageTag(string? value, string option) =>
        value is null || LanguageTags.IsWellFormed(value.Trim())
            ? value?.Trim()
            : throw CliException.Usage($"{option}: '{value}' is not a BCP-47 language tag such as en, ja or pt-BR.");

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print JSON with stable camelCase field names instead of text.",
    };

    public static Option<string?> Zone() => new("--zone")
    {
        Description = "The IANA time zone to show times in, for example Asia/Tokyo (default: the machine's zone).",
        HelpName = "ZONE",
    };

    public static Option<int?> Width() => new("--width")
    {
        Description = "The width to fit tables to, in columns (default: the terminal's, or COLUMNS, or 180).",
        HelpName = "N",
    };

    public static Option<string> Actor(bool required = true) => new("--actor")
    {
        Description = "Who makes the change: an agent id, recorded in the history.",
        Required = required,
        HelpName = "AGENT",
    };

    public static Argument<string> ConversationArgument() => new("ID")
    {
        Description = "The conversation id.",
    };

    /// <summary>Parses a conversation id given as <paramref name="field"/>.</summary>
    public static ConversationId ConversationId(string? value, string field = "ID") =>
        BuyerMessaging.ConversationId.TryParse(value, out var id)
            ? id
            : throw CliException.Usage($"{field}: '{value}' is not a valid conversation id.");

    /// <summary>Parses an agent id given as <paramref name="field"/>.</summary>
    public static AgentId Agent(string? value, string field) =>
        AgentId.TryParse(value, out var id)
            ? id
            : throw CliException.Usage($"{field}: '{value}' is not a valid agent id.");

    /// <summary>Parses a status (case-insensitive, kebab-case accepted) given as <paramref name="field"/>.</summary>
    public static ConversationStatus Status(string? value, string field) =>
        Names.TryParse<ConversationStatus>(value, out var status)
            ? status
            : throw CliException.Usage($"{field}: '{value}' is not a status; use one of {Names.Choices<ConversationStatus>()}.");

    /// <summary>Parses an optional status.</summary>
    public static ConversationStatus? OptionalStatus(string? value, string field) =>
        value is null ? null : Status(value, field);

    /// <summary>Parses a buyer message type (case-insensitive, kebab-case accepted).</summary>
    public static BuyerMessageType MessageType(string? value, string field) =>
        Names.TryParse<BuyerMessageType>(value, out var type)
            ? type
            : throw CliException.Usage($"{field}: '{value}' is not a buyer message type; use one of {Names.Choices<BuyerMessageType>()}.");

    /// <summary>Parses the inbox sort: updated, received or sla.</summary>
    public static InboxSort Sort(string? value) =>
        (value ?? "updated").Trim().ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal) switch
        {
            "UPDATED" or "LASTUPDATED" => InboxSort.LastUpdated,
            "RECEIVED" => InboxSort.Received,
            "SLA" or "SLADUE" => InboxSort.SlaDue,
            _ => throw CliException.Usage($"--sort: '{value}' is not a sort; use updated, received or sla."),
        };

    /// <summary>Gets the display zone: <c>--zone</c>, else the machine's zone from the tz database.</summary>
    public static DateTimeZone Zone(string? value)
    {
        if (value is null)
        {
            return DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }

        return TimeOptions.Zone(value);
    }

    /// <summary>Checks a page size.</summary>
    public static int Limit(int value, string field = "--limit") =>
        value is >= 1 and <= InboxQuery.MaxPageSize
            ? value
            : throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"{field}: {value} is out of range; use 1 to {InboxQuery.MaxPageSize}."));

    /// <summary>Checks a table width.</summary>
    public static int? Width(int? value) =>
        value is null or (>= 40 and <= 1000)
            ? value
            : throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"--width: {value} is out of range; use 40 to 1000."));

    /// <summary>
    /// Reads a file named by <paramref name="field"/>: a missing file is "not found" (exit 2); a folder, or a file that
    /// cannot be read (no permission, a symbolic-link loop), is a usage error naming the field (exit 1).
    /// </summary>
    public static async Task<T> ReadFileAsync<T>(string path, string field, Func<string, Task<T>> read)
    {
        if (Directory.Exists(path))
        {
            throw CliException.Usage($"{field}: '{path}' is a folder; give a file.");
        }

        if (!File.Exists(path))
        {
            throw CliException.NotFound($"{field}: '{path}' not found.");
        }

        try
        {
            return await read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"{field}: '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Refuses a file given by <paramref name="field"/> where a folder is to be written to (a folder that does not exist yet is created later).</summary>
    public static string FolderToWrite(string path, string field) =>
        File.Exists(path)
            ? throw CliException.Usage($"{field}: '{path}' is a file; give a folder (it is created when missing).")
            : path;

    /// <summary>Splits repeated and comma-separated values ("--status open,pending --status resolved").</summary>
    public static IReadOnlyList<string> List(string[]? values) =>
        values is null
            ? []
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>Reads a text file named by an option or argument, with the errors of <see cref="ReadFileAsync"/>.</summary>
    public static Task<string> ReadTextFileAsync(string path, string field, CancellationToken cancellationToken) =>
        ReadFileAsync(path, field, f => File.ReadAllTextAsync(f, cancellationToken));
}
