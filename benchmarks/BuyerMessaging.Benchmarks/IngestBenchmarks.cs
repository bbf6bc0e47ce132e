using BenchmarkDotNet.Attributes;
using MimeKit;
using NodaTime.Testing;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Ingest throughput: parse -> thread -> store for <see cref="Messages"/> distinct messages (a third of them
/// follow-ups), against MimeKit parsing alone as the baseline. Each iteration starts from an empty store, so every
/// message is really threaded and stored: one transaction per message, or one per <see cref="BatchSize"/> messages
/// with <see cref="ConversationIngestor.IngestBatchAsync"/>.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int Messages = 5_000;

    /// <summary>The inputs per <see cref="ConversationIngestor.IngestBatchAsync"/> call (the CLI's batch size).</summary>
    private const int BatchSize = 500;
    private readonly FakeClock _clock = new(NodaTime.Instant.FromUtc(2026, 11, 23, 0, 0));
    private readonly MimeMessageParser _parser = new(null, NgramLanguageDetector.Default);
    private byte[][] _raw = [];
    private InboundParseResult[] _parsed = [];
    private string _directory = string.Empty;
    private int _iteration;
    private ConversationIngestor _memory = null!;
    private SqliteConversationStore? _sqlite;
    private ConversationIngestor _sqliteIngestor = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _raw = SyntheticMail.CreateMany(Messages);
        _parsed = [.. _raw.Select(raw => _parser.Parse(raw, null))];
        _directory = Directory.CreateTempSubdirectory("bm-bench-").FullName;
    }

    [IterationSetup]
    public void IterationSetup()
    {
        var memory = new InMemoryConversationStore();
        SyntheticMail.ConfigureAsync(memory).GetAwaiter().GetResult();
        _memory = new ConversationIngestor(memory, _clock);

        _sqlite?.Dispose();
        var path = Path.Combine(_directory, $"ingest-{_iteration++}.db");
        _sqlite = SqliteConversationStore.OpenAsync($"Data Source={path}").GetAwaiter().GetResult();
        SyntheticMail.ConfigureAsync(_sqlite).GetAwaiter().GetResult();
        _sqliteIngestor = new ConversationIngestor(_sqlite, _clock);
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _sqlite?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The baseline: MimeKit parses each message and reads its text body, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int MimeKitParseOnly()
    {
        var length = 0;
        foreach (var raw in _raw)
        {
            using var stream = new MemoryStream(raw, writable: false);
            using var message = MimeMessage.Load(stream);
            length += message.TextBody?.Length ?? 0;
        }

        return length;
    }

    /// <summary>Our parse alone (<see cref="MimeMessageParser"/>: MimeKit, relay mail, HTML to text, language), no store.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int MessageParserOnly()
    {
        var length = 0;
        foreach (var raw in _raw)
        {
            length += _parser.Parse(raw, null).Message?.Text.Length ?? 0;
        }

        return length;
    }

    /// <summary>The whole pipeline into the in-memory store.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> IngestInMemory()
    {
        var created = 0;
        foreach (var raw in _raw)
        {
            var result = await _memory.IngestAsync(_parser.Parse(raw, null));
            created += result.Outcome == IngestOutcome.Created ? 1 : 0;
        }

        return created;
    }

    /// <summary>The whole pipeline into SQLite (WAL, one transaction per message).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> IngestSqlite()
    {
        var created = 0;
        foreach (var raw in _raw)
        {
            var result = await _sqliteIngestor.IngestAsync(_parser.Parse(raw, null));
            created += result.Outcome == IngestOutcome.Created ? 1 : 0;
        }

        return created;
    }

    /// <summary>The whole pipeline into the in-memory store, <see cref="BatchSize"/> messages per transaction.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public Task<int> IngestInMemoryBatch() => IngestBatchesAsync(_memory);

    /// <summary>The whole pipeline into SQLite, <see cref="BatchSize"/> messages per transaction.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public Task<int> IngestSqliteBatch() => IngestBatchesAsync(_sqliteIngestor);

    /// <summary>
    /// The whole pipeline into SQLite with <see cref="ConversationIngestor.IngestPipelineAsync{TInput}"/>: parsing on
    /// <c>Environment.ProcessorCount - 1</c> threads while one flow ingests, <see cref="BatchSize"/> messages per
    /// transaction (what the CLI's <c>ingest</c> does).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public Task<int> PipelineSqlite() => PipelineAsync(_sqliteIngestor);

    /// <summary>
    /// The whole pipeline into the in-memory store with <see cref="ConversationIngestor.IngestPipelineAsync{TInput}"/>, as
    /// <see cref="PipelineSqlite"/> does it: parsing on the other cores while one flow ingests, <see cref="BatchSize"/>
    /// messages per transaction.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public Task<int> PipelineInMemory() => PipelineAsync(_memory);

    /// <summary>
    /// The store stage alone: the messages parsed beforehand, then threaded, ruled, clocked and stored into SQLite,
    /// <see cref="BatchSize"/> messages per transaction. This is what one writer can absorb when parsing runs elsewhere.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> StoreStageSqliteBatch()
    {
        var created = 0;
        for (var i = 0; i < _parsed.Length; i += BatchSize)
        {
            var batch = new ArraySegment<InboundParseResult>(_parsed, i, Math.Min(BatchSize, _parsed.Length - i));
            foreach (var result in await _sqliteIngestor.IngestBatchAsync(batch))
            {
                created += result.Outcome == IngestOutcome.Created ? 1 : 0;
            }
        }

        return created;
    }

    private async Task<int> PipelineAsync(ConversationIngestor ingestor)
    {
        var created = 0;
        await foreach (var result in ingestor.IngestPipelineAsync(_raw, raw => _parser.Parse(raw, null), new IngestPipelineOptions { BatchSize = BatchSize }))
        {
            created += result.Outcome == IngestOutcome.Created ? 1 : 0;
        }

        return created;
    }

    private async Task<int> IngestBatchesAsync(ConversationIngestor ingestor)
    {
        var created = 0;
        var batch = new List<InboundParseResult>(BatchSize);
        for (var i = 0; i < _raw.Length; i += BatchSize)
        {
            batch.Clear();
            for (var j = i; j < Math.Min(i + BatchSize, _raw.Length); j++)
            {
                batch.Add(_parser.Parse(_raw[j], null));
            }

            foreach (var result in await ingestor.IngestBatchAsync(batch))
            {
                created += result.Outcome == IngestOutcome.Created ? 1 : 0;
            }
        }

        return created;
    }
}
