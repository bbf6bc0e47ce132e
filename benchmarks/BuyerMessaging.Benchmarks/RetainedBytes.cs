using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime.Testing;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// What stays reachable a message (<c>retained [--messages N]</c>): the parse results, and the in-memory store after an
/// ingest, measured as the managed heap after a full collection. What a collection promotes is at most this, a message.
/// </summary>
internal static class RetainedBytes
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = CommandLine.Number(args, "--messages", 5_000);
        var parser = new MimeMessageParser(null, NgramLanguageDetector.Default);
        var raws = SyntheticMail.CreateMany(messages);
        var rawBytes = raws.Sum(r => (long)r.Length);

        // Warm up (statics, the detector's tables, the JIT) before the first reading.
        for (var i = 0; i < 50; i++)
        {
            _ = parser.Parse(raws[i], null);
        }

        var empty = Heap();
        var parsed = ParseAll(parser, raws);
        var withParsed = Heap();
        Print("parse results (their raw bytes not counted: held already)", withParsed - empty, messages);
        Print("raw bytes (for scale)", rawBytes, messages);

        var store = new InMemoryConversationStore();
        await SyntheticMail.ConfigureAsync(store);
        var configured = Heap();
        await IngestAsync(store, parsed);
        var withStore = Heap();
        Print("in-memory store after the ingest, beyond the parse results it shares", withStore - configured, messages);
        parsed.Value = null;
        var storeOnly = Heap();
        Print("in-memory store, the parse results let go", storeOnly - empty - (configured - withParsed), messages);
        GC.KeepAlive(store);
        GC.KeepAlive(raws);
        if (CommandLine.Flag(args, "--wait"))
        {
            Console.WriteLine($"pid {Environment.ProcessId}: waiting for Enter (take a heap dump now)");
            Console.ReadLine();
        }

        GC.KeepAlive(store);
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StrongBox<InboundParseResult[]?> ParseAll(MimeMessageParser parser, byte[][] raws)
    {
        var results = new InboundParseResult[raws.Length];
        for (var i = 0; i < raws.Length; i++)
        {
            results[i] = parser.Parse(raws[i], null);
        }

        return new(results);
    }

    private static async Task IngestAsync(InMemoryConversationStore store, StrongBox<InboundParseResult[]?> parsed)
    {
        var ingestor = new ConversationIngestor(store, new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 0, 0)));
        var inputs = parsed.Value!;
        for (var i = 0; i < inputs.Length; i += 500)
        {
            await ingestor.IngestBatchAsync(inputs[i..Math.Min(i + 500, inputs.Length)]);
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static void Print(string what, long bytes, int messages) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {bytes / 1024.0 / messages:F2} KB a message ({bytes / 1048576.0:F1} MB)"));
}
