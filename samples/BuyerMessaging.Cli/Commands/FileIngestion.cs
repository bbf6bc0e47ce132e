using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>What one ingest run did.</summary>
internal sealed record IngestRun(int Created, int Appended, int Duplicates, IReadOnlyList<QuarantinedFileJson> Quarantined)
{
    /// <summary>Gets how many of the appended messages each kind of threading match joined (see <see cref="IngestResult.ThreadedBy"/>).</summary>
    public IReadOnlyDictionary<ThreadingMatch, int> ThreadedBy { get; init; } = new Dictionary<ThreadingMatch, int>();

    /// <summary>Gets the damage found in messages that were ingested all the same (see <see cref="IngestResult.Warnings"/>), by file.</summary>
    public IReadOnlyList<FileWarning> Warnings { get; init; } = [];

    public int Ingested => Created + Appended;

    public IngestJson ToJson() => new(Ingested, Duplicates, Quarantined);
}

/// <summary>Damage found in a message that was ingested all the same: the file (<c>FILE#n</c> in an mbox) and what is damaged.</summary>
internal sealed record FileWarning(string File, string Warning);

/// <summary>A file to ingest: the name printed and recorded as the quarantine source, and the path it is read from.</summary>
internal sealed record InputFile(string Display, string Path)
{
    /// <summary>Gets a value indicating whether the file is an mbox of possibly many messages (it starts with a "From " line).</summary>
    public bool IsMbox { get; init; }
}

/// <summary>One message to ingest: the file to read and parse, or the result an mbox reader already made of one of its messages.</summary>
internal sealed record IngestInput(InputFile File, InboundParseResult? Parsed);

/// <summary>Ingests .eml files: parse each with the MIME parser, hand the result to the ingestor, count the outcomes.</summary>
internal static class FileIngestion
{
    /// <summary>The files per store transaction.</summary>
    private const int BatchSize = 500;

    /// <summary>
    /// Expands the paths given on the command line: a folder gives its *.eml and *.mbox files sorted by name, a file itself.
    /// Names stay relative as given. A path that does not exist is "not found" (exit 2) and nothing is ingested.
    /// </summary>
    /// <param name="paths">The paths given.</param>
    /// <param name="warnings">Told of each folder that gives no file (its subfolders are not searched, and only .eml and
    /// .mbox files are taken), so that an empty run is not silent; <see langword="null"/> to say nothing.</param>
    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> paths, TextWriter? warnings = null)
    {
        var files = new List<InputFile>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var before = files.Count;
                files.AddRange(Directory.EnumerateFiles(path, "*.eml", SearchOption.TopDirectoryOnly)
                    .Concat(Directory.EnumerateFiles(path, "*.mbox", SearchOption.TopDirectoryOnly))
                    .Select(Path.GetFileName)
                    .Order(StringComparer.Ordinal)
                    .Select(name => new InputFile(Path.Join(path, name), Path.Join(path, name)) { IsMbox = StartsAsMbox(Path.Join(path, name)) }));
                if (files.Count == before)
                {
                    warnings?.WriteLine($"warning: folder '{path}' holds no .eml or .mbox file; its subfolders are not searched, and other files can be named one by one.");
                }
            }
            else if (File.Exists(path))
            {
                files.Add(new InputFile(path, path) { IsMbox = StartsAsMbox(path) });
            }
            else
            {
                missing.Add(path);
            }
        }

        return missing.Count == 0
            ? files
            : throw CliException.NotFound($"FILES_OR_FOLDERS: {string.Join(", ", missing.Select(m => $"'{m}'"))} not found; nothing was ingested.");
    }

    /// <summary>
    /// Ingests the files in order, <see cref="BatchSize"/> per store transaction, through
    /// <see cref="ConversationIngestor.IngestPipelineAsync{TInput}"/>: files are read and parsed on the other cores
    /// while this flow writes the store. A file that cannot be read or parsed is quarantined with the reason, never fatal.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="files">The files.</param>
    /// <param name="arrivingNow">Deliver every message now (the demo replays its sample mail), instead of at the instant
    /// its newest Received header says.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    public static async Task<IngestRun> IngestAsync(IServiceProvider services, IReadOnlyList<InputFile> files, CancellationToken cancellationToken, bool arrivingNow = false)
    {
        var parser = services.GetRequiredService<MimeMessageParser>();
        var ingestor = services.GetRequiredService<ConversationIngestor>();
        int created = 0, appended = 0, duplicates = 0;
        var threadedBy = new Dictionary<ThreadingMatch, int>();
        var quarantined = new List<QuarantinedFileJson>();
        var warnings = new List<FileWarning>();

        // The pipeline reads the inputs on another thread, a few batches ahead; the names wait here for their results.
        var names = new ConcurrentQueue<string>();
        var pipeline = ingestor.IngestPipelineAsync(
            Inputs(parser, files, names),
            input =>
            {
                var parsed = input.Parsed ?? ReadAndParse(parser, input.File);
                return arrivingNow && parsed.Message is { } message ? InboundParseResult.Parsed(message with { ReceivedAt = null }) : parsed;
            },
            new IngestPipelineOptions { BatchSize = BatchSize },
            cancellationToken);

        // One result per message (per file, or per message of an mbox), in order.
        await foreach (var result in pipeline)
        {
            foreach (var warning in result.Warnings)
            {
                warnings.Add(new FileWarning(names.TryPeek(out var name) ? name : "?", warning));
            }

            switch (result.Outcome)
            {
                case IngestOutcome.Created:
                    created++;
                    break;
                case IngestOutcome.Appended:
                    appended++;
                    threadedBy[result.ThreadedBy] = threadedBy.GetValueOrDefault(result.ThreadedBy) + 1;
                    break;
                case IngestOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    quarantined.Add(new QuarantinedFileJson(names.TryPeek(out var name) ? name : "?", result.QuarantineReason ?? "quarantined"));
                    break;
            }

            names.TryDequeue(out _);
        }

        return new IngestRun(created, appended, duplicates, quarantined) { ThreadedBy = threadedBy, Warnings = warnings };
    }

    /// <summary>
    /// The messages to ingest: a file each, and each message of an mbox, read (and parsed, by the mbox reader) only as
    /// the pipeline asks for them. An mbox that cannot be opened is one failed input, quarantined with the reason.
    /// </summary>
    private static IEnumerable<IngestInput> Inputs(MimeMessageParser parser, IReadOnlyList<InputFile> files, ConcurrentQueue<string> names)
    {
        foreach (var file in files)
        {
            if (!file.IsMbox)
            {
                names.Enqueue(file.Display);
                yield return new IngestInput(file, null);
                continue;
            }

            FileStream? stream = null;
            string? error = null;
            try
            {
                stream = File.OpenRead(file.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"the file cannot be read: {e.Message}";
            }

            if (stream is null)
            {
                names.Enqueue(file.Display);
                yield return new IngestInput(file, InboundParseResult.Failed(error!, ReadOnlyMemory<byte>.Empty, file.Display));
                continue;
            }

            using (stream)
            {
                foreach (var parsed in parser.ParseMbox(stream, file.Display))
                {
                    names.Enqueue(parsed.Source ?? file.Display);
                    yield return new IngestInput(file, parsed);
                }
            }
        }
    }

    /// <summary>Whether a file starts like an mbox ("From " and a sender, not a header); false when it cannot be read (the read reports that).</summary>
    private static bool StartsAsMbox(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> start = stackalloc byte[8];
            return MimeMessageParser.IsMbox(start[..stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static InboundParseResult ReadAndParse(MimeMessageParser parser, InputFile file)
    {
        try
        {
            return parser.Parse(File.ReadAllBytes(file.Path), file.Display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InboundParseResult.Failed($"the file cannot be read: {e.Message}", ReadOnlyMemory<byte>.Empty, file.Display);
        }
    }

    private static string ThreadedByText(ThreadingMatch match) => match switch
    {
        ThreadingMatch.References => "by In-Reply-To/References",
        ThreadingMatch.LaterReply => "by a reply that came first",
        ThreadingMatch.SharedReference => "by a shared reference",
        ThreadingMatch.RelayAliasAndOrder => "by Amazon relay alias and order",
        ThreadingMatch.Subject => "by subject",
        _ => "otherwise",
    };

    /// <summary>
    /// Prints each damage found in a message that was ingested all the same (an attachment cut short, invalid base64) as
    /// a warning, to standard error: the summary and the JSON on standard output keep their shape.
    /// </summary>
    public static void WriteWarnings(TextWriter writer, IngestRun run)
    {
        foreach (var w in run.Warnings)
        {
            writer.WriteLine($"warning: {w.File}: ingested, but {w.Warning}");
        }
    }

    /// <summary>Prints the summary of a run as text.</summary>
    public static void WriteSummary(TextWriter writer, IngestRun run)
    {
        var how = string.Join(", ", run.ThreadedBy.Where(p => p.Value > 0).OrderBy(p => p.Key).Select(p => $"{p.Value} {ThreadedByText(p.Key)}"));
        writer.WriteLine($"Ingested     {run.Ingested,4}  ({run.Created} new conversations, {run.Appended} added to existing ones{(how.Length > 0 ? ": " + how : string.Empty)})");
        writer.WriteLine($"Duplicates   {run.Duplicates,4}");
        writer.WriteLine($"Quarantined  {run.Quarantined.Count,4}");
        foreach (var q in run.Quarantined)
        {
            writer.WriteLine($"  {q.File}: {q.Reason}");
        }
    }
}
