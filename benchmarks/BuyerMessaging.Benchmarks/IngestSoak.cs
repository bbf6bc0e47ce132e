using System.Diagnostics;
using System.Globalization;
using NodaTime.Testing;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// A long ingest into SQLite (default 200,000 messages; <c>--batch N</c> ingests N per transaction) that prints
/// throughput and memory every 10 % so that a flat managed heap and working set can be checked over the run.
/// </summary>
internal static class IngestSoak
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = 200_000;
        var target = "sqlite";
        var batchSize = 1;
        var profile = false;
        for (var a = 0; a < args.Length; a++)
        {
            if (args[a] == "--messages" && a + 1 < args.Length)
            {
                total = int.Parse(args[++a], CultureInfo.InvariantCulture);
            }
            else if (args[a] == "--profile")
            {
                profile = true;
            }
            else if (args[a] == "--batch" && a + 1 < args.Length)
            {
                batchSize = int.Parse(args[++a], CultureInfo.InvariantCulture);
            }
            else if (args[a] == "--store" && a + 1 < args.Length)
            {
                target = args[++a];
            }
        }

        var directory = Directory.CreateTempSubdirectory("bm-soak-").FullName;
        try
        {
            var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 0, 0));
            IConversationStore store = target == "memory"
                ? new InMemoryConversationStore()
                : await SqliteConversationStore.OpenAsync($"Data Source={Path.Combine(directory, "soak.db")}");
            await SyntheticMail.ConfigureAsync(store);
            StoreProfiler? profiler = null;
            var ingestor = new ConversationIngestor(profile ? StoreProfiler.Wrap(store, out profiler) : store, clock);
            var parser = new MimeMessageParser();
            var step = Math.Max(total / 10, 1);
            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var batch = new List<InboundParseResult>(batchSize);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {target}, batch: {batchSize}"));
            Console.WriteLine("messages  msg/s(step)  managed MB  working set MB");
            for (var i = 0; i < total; i++)
            {
                var parsed = parser.Parse(SyntheticMail.Create(i), null);
                if (target != "parse")
                {
                    batch.Add(parsed);
                    if (batch.Count == batchSize || i == total - 1)
                    {
                        await IngestAsync(ingestor, batch);
                        batch.Clear();
                    }
                }
                if ((i + 1) % step == 0)
                {
                    var elapsed = watch.Elapsed;
                    var rate = step / (elapsed - last).TotalSeconds;
                    last = elapsed;
                    var managed = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                    var working = Environment.WorkingSet / 1048576.0;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1,8}  {rate,11:F0}  {managed,10:F1}  {working,14:F1}"));
                }
            }

            profiler?.Print(watch.Elapsed);
            (store as IDisposable)?.Dispose();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {total} messages in {watch.Elapsed.TotalSeconds:F1} s = {total / watch.Elapsed.TotalSeconds:F0} msg/s"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task IngestAsync(ConversationIngestor ingestor, List<InboundParseResult> batch)
    {
        if (batch.Count == 1)
        {
            await ingestor.IngestAsync(batch[0]);
        }
        else
        {
            await ingestor.IngestBatchAsync(batch);
        }
    }
}
