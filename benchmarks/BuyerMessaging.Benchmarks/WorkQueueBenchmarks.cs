using BenchmarkDotNet.Attributes;
using NodaTime;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Scheduled-work throughput: <see cref="Items"/> work items go through the queue as the ingestor and the worker move
/// them: each is enqueued in a transaction of its own, leased in batches of <see cref="BatchSize"/> (the worker's
/// default), and ended in a transaction of its own. The in-memory store is the baseline. Each iteration starts from an
/// empty store.
/// </summary>
[MemoryDiagnoser]
public class WorkQueueBenchmarks
{
    private const int Items = 2_000;
    private const int BatchSize = 20;
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 0, 0);
    private static readonly Duration Lease = Duration.FromMinutes(2);
    private NewWorkItem[] _items = [];
    private string _directory = string.Empty;
    private int _iteration;
    private InMemoryConversationStore _memory = null!;
    private SqliteConversationStore? _sqlite;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _items = [.. Enumerable.Range(0, Items).Select(i => new NewWorkItem(
            WorkKinds.AutoReply,
            $"auto-reply:{i}",
            $$"""{"conversationId":"{{i}}","messageId":"{{i}}","templateId":"closed"}""",
            Now - Duration.FromSeconds(Items - i))
        {
            ConversationId = new ConversationId(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            CorrelationKey = $"buyer:{i % 97}",
        })];
        _directory = Directory.CreateTempSubdirectory("bm-bench-").FullName;
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _memory = new InMemoryConversationStore();
        _sqlite?.Dispose();
        _sqlite = SqliteConversationStore.OpenAsync(Path.Combine(_directory, $"work-{_iteration++}.db")).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _sqlite?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The baseline: the same work through the in-memory store.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public Task<int> InMemory() => RunAsync(_memory);

    /// <summary>Enqueue, lease and complete through the SQLite store (WAL, one file).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<int> Sqlite() => RunAsync(_sqlite!);

    private async Task<int> RunAsync(IConversationStore store)
    {
        foreach (var item in _items)
        {
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                await tx.EnqueueWorkAsync(item, Now);
                await tx.CommitAsync();
            }
        }

        var completed = 0;
        while (true)
        {
            IReadOnlyList<WorkItem> leased;
            var tx = await store.BeginTransactionAsync();
            await using (tx)
            {
                leased = await tx.LeaseDueWorkAsync(Now, "bench", Lease, BatchSize);
                await tx.CommitAsync();
            }

            if (leased.Count == 0)
            {
                return completed == Items ? completed : throw new InvalidOperationException($"{completed} of {Items} completed.");
            }

            foreach (var item in leased)
            {
                var end = await store.BeginTransactionAsync();
                await using (end)
                {
                    completed += await end.EndLeaseAsync(item.Id, "bench", WorkItemState.Succeeded, Now, "sent") ? 1 : 0;
                    await end.CommitAsync();
                }
            }
        }
    }
}
