using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>Options of <see cref="ConversationIngestor.IngestPipelineAsync{TInput}"/>: parse on several threads, ingest on one.</summary>
public sealed class IngestPipelineOptions
{
    /// <summary>Gets or sets the inputs per store transaction (one <see cref="ConversationIngestor.IngestBatchAsync"/> call).</summary>
    /// <value>The default value is 500.</value>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets how many threads parse at once. The store is written by one flow (the caller's) meanwhile, so the
    /// default leaves it a core: one fewer than the processors, at least one.
    /// </summary>
    /// <value>The default value is <c>Environment.ProcessorCount - 1</c>, at least 1.</value>
    [Range(1, 256)]
    public int ParserCount { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Gets or sets how many batches may be read ahead of the one being ingested (parsed or waiting for a parser). Bounds
    /// the memory of a long run: about <c>(BatchesAhead + 1) * BatchSize</c> inputs are held at once.
    /// </summary>
    /// <value>The default value is 0: twice <see cref="ParserCount"/>.</value>
    [Range(0, 1024)]
    public int BatchesAhead { get; set; }

    internal int Ahead => BatchesAhead > 0 ? BatchesAhead : 2 * ParserCount;

    internal void ThrowIfInvalid()
    {
        if (BatchSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "IngestPipelineOptions.BatchSize must be between 1 and 100,000.");
        }

        if (ParserCount is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(ParserCount), ParserCount, "IngestPipelineOptions.ParserCount must be between 1 and 256.");
        }

        if (BatchesAhead is < 0 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchesAhead), BatchesAhead, "IngestPipelineOptions.BatchesAhead must be between 0 and 1,024.");
        }
    }
}
