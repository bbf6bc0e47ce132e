using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary>
/// What every command runs with: the output writers, the host (time, terminal width) and the composition of the SDK's
/// services for one database.
/// </summary>
internal sealed class CliRuntime
{
    private const int DefaultWidth = 180;

    public CliRuntime(TextWriter stdout, TextWriter stderr, CliHostOptions host)
    {
        Out = stdout;
        Err = stderr;
        Host = host;
    }

    /// <summary>Gets the standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets the standard error.</summary>
    public TextWriter Err { get; }

    /// <summary>Gets the host's options.</summary>
    public CliHostOptions Host { get; }

    /// <summary>Gets a value indicating whether the SDK logs Information and above to stderr (<c>--verbose</c>); otherwise only errors.</summary>
    public bool Verbose { get; set; }

    /// <summary>Gets the SQLite file of the last composition, to name in errors; <see langword="null"/> before one.</summary>
    public string? DatabasePath { get; private set; }

    /// <summary>Gets the width tables are fitted to: <c>--width</c>, else the terminal's, else <c>COLUMNS</c>, else 180.</summary>
    public int TableWidth(int? requested)
    {
        if (requested is { } w)
        {
            return w;
        }

        if (Host.TerminalWidth is { } terminal)
        {
            return terminal;
        }

        var columns = (Host.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable)("COLUMNS");
        return int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) && c >= 40 ? c : DefaultWidth;
    }

    /// <summary>
    /// Composes the SDK for one SQLite database: <c>AddBuyerMessaging(...).UseSqlite(path)</c> and
    /// <c>AddEmailParsing()</c>, with the host's <see cref="TimeProvider"/> as the one source of time.
    /// </summary>
    /// <param name="databasePath">The SQLite file; <see langword="null"/> for the in-memory store.</param>
    /// <param name="configureIngestion">Configures ingestion, if given.</param>
    /// <param name="configure">Adds to the composition (for example <c>AddFileSystemOutbox</c>), if given.</param>
    public ServiceProvider BuildServices(string? databasePath, Action<IngestionOptions>? configureIngestion = null, Action<BuyerMessagingBuilder>? configure = null)
    {
        if (databasePath is not null)
        {
            DatabasePath = databasePath;
            CheckIsDatabase(databasePath);
        }

        var services = new ServiceCollection();
        services.AddSingleton(Host.TimeProvider);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(Verbose ? LogLevel.Information : LogLevel.Error);
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = null;
            });
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        var builder = services.AddBuyerMessaging(configureIngestion);
        if (databasePath is not null)
        {
            builder.UseSqlite(databasePath);
        }

        services.AddEmailParsing();
        services.AddSingleton<ITemplateSource>(sp => new CliTemplateSource(sp.GetRequiredService<IConversationStore>(), CliTemplateSource.BundledPath));
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Composes the SDK for an existing database; a missing file is "not found" (exit 2), never silently created.</summary>
    public ServiceProvider OpenExisting(string databasePath, Action<BuyerMessagingBuilder>? configure = null)
    {
        CheckIsNotFolder(databasePath);
        if (!File.Exists(databasePath))
        {
            throw CliException.NotFound($"--db: database '{databasePath}' not found. Create one with 'demo' or 'ingest'.");
        }

        return BuildServices(databasePath, configure: configure);
    }

    /// <summary>
    /// Refuses a database file the command could not write to, before the SDK tries (ingestion would log the failure of
    /// every file, with its stack trace, before the command could report it). A missing file is created later.
    /// </summary>
    public static void RequireWritable(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return;
        }

        try
        {
            using var file = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ReadOnlyDatabase(databasePath);
        }
    }

    /// <summary>The error for a database SQLite (or the file system) will not write to.</summary>
    public static CliException ReadOnlyDatabase(string? databasePath) =>
        CliException.Usage($"--db: {(databasePath is null ? "the database" : $"'{databasePath}'")} is read-only, and this command writes to it; make the file and its folder writable.");

    /// <summary>
    /// Refuses an existing file that is not a SQLite database before SQLite opens it: a non-empty file must start with
    /// the 16-byte header "SQLite format 3\0". An empty file becomes a new database, as SQLite does.
    /// </summary>
    private static void CheckIsDatabase(string path)
    {
        CheckIsNotFolder(path);
        if (!File.Exists(path))
        {
            return;
        }

        ReadOnlySpan<byte> magic = "SQLite format 3\0"u8;
        Span<byte> header = stackalloc byte[16];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            if (file.Length == 0)
            {
                return;
            }

            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"--db: '{path}' cannot be read: {e.Message}");
        }

        if (read < header.Length || !header.SequenceEqual(magic))
        {
            throw CliException.Usage($"--db: '{path}' is not a SQLite database.");
        }
    }

    /// <summary>Refuses a folder given as the database file (SQLite would fail to open it, with its stack trace in the log).</summary>
    private static void CheckIsNotFolder(string path)
    {
        if (Directory.Exists(path))
        {
            throw CliException.Usage($"--db: '{path}' is a folder; give the path of a SQLite file (in that folder, for example '{Path.Join(path, "inbox.db")}').");
        }
    }

    /// <summary>Writes a value as JSON on stdout.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, typeInfo));

    /// <summary>Gets the current instant from the composed clock.</summary>
    public static Instant Now(IServiceProvider services) => services.GetRequiredService<IClock>().GetCurrentInstant();
}
