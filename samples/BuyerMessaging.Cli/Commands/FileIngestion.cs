using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>What one ingest run did.</summary>
internal sealed record IngestRun(int Created, int Appended, int Duplicates, IReadOnlyList<QuarantinedFileJson> Quarantined)
{
    public int Ingested => Created + Appended;

    public IngestJson ToJson() => new(Ingested, Duplicates, Quarantined);
}

/// <summary>A file to ingest: the name printed and recorded as the quarantine source, and the path it is read from.</summary>
internal sealed record InputFile(string Display, string Path);

/// <summary>Ingests .eml files: parse each with the MIME parser, hand the result to the ingestor, count the outcomes.</summary>
internal static class FileIngestion
{
    /// <summary>The files per store transaction.</summary>
    private const int BatchSize = 500;

    /// <summary>
    /// Expands the paths given on the command line: a folder gives its *.eml files sorted by name, a file itself.
    /// Names stay relative as given. A path that does not exist is "not found" (exit 2) and nothing is ingested.
    /// </summary>
    /// <param name="paths">The paths given.</param>
    /// <param name="warnings">Told of each folder that gives no file (its subfolders are not searched, and files without
    /// the .eml extension are not taken), so that an empty run is not silent; <see langword="null"/> to say nothing.</param>
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
                    .Select(Path.GetFileName)
                    .Order(StringComparer.Ordinal)
                    .Select(name => new InputFile(Path.Join(path, name), Path.Join(path, name))));
                if (files.Count == before)
                {
                    warnings?.WriteLine($"warning: folder '{path}' holds no .eml file; its subfolders are not searched, and other files can be named one by one.");
                }
            }
            else if (File.Exists(path))
            {
                files.Add(new InputFile(path, path));
            }
            else
            {
                missing.Add(path);
            }
        }

        return missing.Count == 0
            ? files
            : throw CliException.NotFound($"FILES: {string.Join(", ", missing.Select(m => $"'{m}'"))} not found; nothing was ingested.");
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
        int created = 0, appended = 0, duplicates = 0, index = 0;
        var quarantined = new List<QuarantinedFileJson>();
        var pipeline = ingestor.IngestPipelineAsync(
            files,
            file =>
            {
                var parsed = ReadAndParse(parser, file);
                return arrivingNow && parsed.Message is { } message ? InboundParseResult.Parsed(message with { ReceivedAt = null }) : parsed;
            },
            new IngestPipelineOptions { BatchSize = BatchSize },
            cancellationToken);

        // One result per file, in the order of the files.
        await foreach (var result in pipeline)
        {
            switch (result.Outcome)
            {
                case IngestOutcome.Created:
                    created++;
                    break;
                case IngestOutcome.Appended:
                    appended++;
                    break;
                case IngestOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    quarantined.Add(new QuarantinedFileJson(files[index].Display, result.QuarantineReason ?? "quarantined"));
                    break;
            }

            index++;
        }

        return new IngestRun(created, appended, duplicates, quarantined);
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

    /// <summary>Prints the summary of a run as text.</summary>
    public static void WriteSummary(TextWriter writer, IngestRun run)
    {
        writer.WriteLine($"Ingested     {run.Ingested,4}  ({run.Created} new conversations, {run.Appended} added to existing ones)");
        writer.WriteLine($"Duplicates   {run.Duplicates,4}");
        writer.WriteLine($"Quarantined  {run.Quarantined.Count,4}");
        foreach (var q in run.Quarantined)
        {
            writer.WriteLine($"  {q.File}: {q.Reason}");
        }
    }
}
