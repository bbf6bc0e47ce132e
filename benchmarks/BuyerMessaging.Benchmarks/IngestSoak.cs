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
        var total = CommandLine.Number(args, "--messages", 200_000);
        var target = CommandLine.Text(args, "--store", "sqlite");
        var batchSize = CommandLine.Number(args, "--batch", 1);
        var profile = CommandLine.Flag(args, "--profile");
        var preparsed = CommandLine.Flag(args, "--preparsed");
        var pipeline = CommandLine.Flag(args, "--pipeline");
        using var gc = GcListener.FromArgs(args);

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
            var parser = new MimeMessageParser(null, NgramLanguageDetector.Default);
            var step = Math.Max(total / 10, 1);

            // --preparsed: parse everything first and time the store stage alone (threading, rules, SLA, store).
            var parsedUpFront = preparsed ? Enumerable.Range(0, total).Select(i => parser.Parse(SyntheticMail.Create(i), null)).ToArray() : null;
            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var batch = new List<InboundParseResult>(batchSize);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {target}, batch: {batchSize}"));
            Console.WriteLine("messages  msg/s(step)  managed MB  working set MB  GCs(step)  GC pause ms(step)");
            var failures = 0;
            var lastCollections = 0;
            var lastPause = TimeSpan.Zero;
            void Progress(int done)
            {
                if (done % step == 0)
                {
                    var elapsed = watch.Elapsed;
                    var rate = step / (elapsed - last).TotalSeconds;
                    last = elapsed;
                    var managed = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                    var working = Environment.WorkingSet / 1048576.0;
                    var collections = GC.CollectionCount(0) - lastCollections;
                    var pause = GC.GetTotalPauseDuration() - lastPause;
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{done,8}  {rate,11:F0}  {managed,10:F1}  {working,14:F1}  {collections,9}  {pause.TotalMilliseconds,17:F0}"));
                    lastCollections = GC.CollectionCount(0);
                    lastPause = GC.GetTotalPauseDuration();
                }
            }

            if (pipeline)
            {
                // --pipeline: parse on the other cores while this flow ingests (ConversationIngestor.IngestPipelineAsync).
                var done = 0;
                var options = new IngestPipelineOptions { BatchSize = batchSize };
                await foreach (var result in ingestor.IngestPipelineAsync(Enumerable.Range(0, total), i => parser.Parse(SyntheticMail.Create(i), null), options))
                {
                    failures += result.Outcome == IngestOutcome.Quarantined ? 1 : 0;
                    Progress(++done);
                }
            }

            for (var i = 0; i < total && !pipeline; i++)
            {
                var parsed = parsedUpFront?[i] ?? parser.Parse(SyntheticMail.Create(i), null);
                failures += parsed.Message is null ? 1 : 0;
                if (target != "parse")
                {
                    batch.Add(parsed);
                    if (batch.Count == batchSize || i == total - 1)
                    {
                        await IngestAsync(ingestor, batch);
                        batch.Clear();
                    }
                }

                Progress(i + 1);
            }

            // Every synthetic message is well formed: a failure means the code under measurement is broken (and fast).
            if (failures > 0)
            {
                throw new InvalidOperationException($"{failures} of {total} messages failed to parse or were quarantined");
            }

            profiler?.Print(watch.Elapsed);
            (store as IDisposable)?.Dispose();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {total} messages in {watch.Elapsed.TotalSeconds:F1} s = {total / watch.Elapsed.TotalSeconds:F0} msg/s"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s, allocated {GC.GetTotalAllocatedBytes() / (double)total / 1024:F1} KB a message"));
            gc?.Print();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The store stage alone, repeated (<c>stage [--rounds N] [--messages N] [--batch N] [--store sqlite|memory|parse]</c>;
    /// <c>parse</c> times the parse stage alone): the messages are parsed
    /// once, then ingested into a fresh SQLite file each round, printing µs per message. A quick check between
    /// BenchmarkDotNet runs, and a steady loop to attach a sampling profiler (<c>perf record</c>) to. With
    /// <c>--pipeline</c> each round runs the whole pipeline instead (<see cref="ConversationIngestor.IngestPipelineAsync"/>
    /// from the raw messages), so the two can be compared round by round.
    /// </summary>
    public static async Task<int> RunStageAsync(string[] args)
    {
        var rounds = CommandLine.Number(args, "--rounds", 10);
        var messages = CommandLine.Number(args, "--messages", 5_000);
        var batchSize = CommandLine.Number(args, "--batch", 500);
        var pipeline = CommandLine.Flag(args, "--pipeline");
        var ahead = CommandLine.Number(args, "--ahead", 0);
        var target = CommandLine.Text(args, "--store", "sqlite");
        using var gc = GcListener.FromArgs(args);

        var parser = new MimeMessageParser(null, NgramLanguageDetector.Default);
        var raws = SyntheticMail.CreateMany(messages);
        var parsed = raws.Select(raw => parser.Parse(raw, null)).ToArray();
        var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 0, 0));
        var directory = Directory.CreateTempSubdirectory("bm-stage-").FullName;
        gc?.ResetAllocations();
        try
        {
            var best = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                using var sqlite = target != "sqlite" ? null : await SqliteConversationStore.OpenAsync($"Data Source={Path.Combine(directory, $"stage-{round}.db")}");
                IConversationStore store = sqlite is null ? new InMemoryConversationStore() : sqlite;
                await SyntheticMail.ConfigureAsync(store);
                var ingestor = new ConversationIngestor(store, clock);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var pauseBefore = GC.GetTotalPauseDuration();
                var collectionsBefore = GC.CollectionCount(0);
                var promotedBefore = gc?.Promoted ?? 0;
                var watch = Stopwatch.StartNew();
                var stored = 0;
                long parseTicks = 0;
                if (target == "parse")
                {
                    // --store parse: the parse stage alone, to set beside the store stage and the pipeline.
                    foreach (var raw in raws)
                    {
                        stored += parser.Parse(raw, null).Message is null ? 0 : 1;
                    }
                }
                else if (pipeline)
                {
                    // The time each parse takes on the parsing thread, to compare with the parse stage alone: on a
                    // machine whose cores slow each other down, the pipeline's stages run slower than they do alone.
                    InboundParseResult Parse(byte[] raw)
                    {
                        var start = Stopwatch.GetTimestamp();
                        var result = parser.Parse(raw, null);
                        Interlocked.Add(ref parseTicks, Stopwatch.GetTimestamp() - start);
                        return result;
                    }

                    await foreach (var result in ingestor.IngestPipelineAsync(raws, Parse, new IngestPipelineOptions { BatchSize = batchSize, BatchesAhead = ahead }))
                    {
                        stored += result.Outcome is IngestOutcome.Created or IngestOutcome.Appended ? 1 : 0;
                    }
                }
                else
                {
                    for (var i = 0; i < parsed.Length; i += batchSize)
                    {
                        foreach (var result in await ingestor.IngestBatchAsync(new ArraySegment<InboundParseResult>(parsed, i, Math.Min(batchSize, parsed.Length - i))))
                        {
                            stored += result.Outcome is IngestOutcome.Created or IngestOutcome.Appended ? 1 : 0;
                        }
                    }
                }

                // Every synthetic message is distinct and well formed: a message quarantined here means the code under
                // measurement is broken, and a broken pipeline is quickly fast.
                if (stored != messages)
                {
                    throw new InvalidOperationException($"round {round + 1}: {messages - stored} of {messages} messages were not stored (quarantined or taken for duplicates)");
                }

                var perMessage = watch.Elapsed.TotalMicroseconds / messages;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / messages;

                // CPU time of the whole process (the GC's and the JIT's threads too): on a shared host it moves less
                // than the elapsed time when neighbours take the cores.
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / messages;
                best = Math.Min(best, perMessage);
                var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round + 1,3}: {perMessage,7:F1} µs/msg = {1e6 / perMessage,7:F0} msg/s, {allocated:F2} KB/msg allocated, {cpu:F1} µs/msg of CPU; {GC.CollectionCount(0) - collectionsBefore} GCs, paused {pause:F0} ms of {watch.Elapsed.TotalMilliseconds:F0}{(gc is null ? "" : $", promoted {((gc.Promoted - promotedBefore) / 1024.0 / messages):F2} KB/msg")}{(pipeline && target != "parse" ? $"; parsing took {Stopwatch.GetElapsedTime(0, parseTicks).TotalMicroseconds / messages:F1} µs/msg" : "")}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: {best:F1} µs/msg = {1e6 / best:F0} msg/s"));
            gc?.Print();
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
