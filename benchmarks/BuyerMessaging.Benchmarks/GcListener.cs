using System.Diagnostics.Tracing;
using System.Globalization;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Counts the runtime's garbage collections by generation and reason, and what they promoted (the soak's <c>--gc</c>):
/// enough to see why collections are frequent or deep without a trace tool.
/// </summary>
internal sealed class GcListener : EventListener
{
    private readonly Dictionary<string, int> _reasons = [];
    private readonly Lock _gate = new();
    private long _promoted0;
    private long _promoted1;
    private long _finalizationPromoted;
    private long _largeObjects;
    private DateTime _suspendStart;
    private DateTime _gcStart;
    private TimeSpan _suspending;
    private TimeSpan _collecting;
    private int _depth;
    private readonly Dictionary<int, (int Count, TimeSpan Time)> _byDepth = [];

    public void Print()
    {
        lock (_gate)
        {
            var count = Math.Max(_reasons.Values.Sum(), 1);
            foreach (var (key, value) in _reasons.OrderByDescending(p => p.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}: {value}"));
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  suspending threads {_suspending.TotalMilliseconds:F0} ms, collecting {_collecting.TotalMilliseconds:F0} ms in all; by generation: {string.Join(", ", _byDepth.OrderBy(p => p.Key).Select(p => $"gen{p.Key} {p.Value.Count} x {p.Value.Time.TotalMilliseconds / p.Value.Count:F2} ms"))}"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  per collection: promoted from gen0 {_promoted0 / count / 1024} KB, from gen1 {_promoted1 / count / 1024} KB, kept for finalization {_finalizationPromoted / count / 1024} KB; large-object heap {_largeObjects / count / 1024} KB"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1); // GC
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var payload = eventData.Payload;
        var names = eventData.PayloadNames;
        if (payload is null || names is null)
        {
            return;
        }

        long Value(string name) => Convert.ToInt64(payload[names.IndexOf(name)], CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) == true)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"gen{Value("Depth")} {(GcReason)Value("Reason")}");
                _reasons[key] = _reasons.GetValueOrDefault(key) + 1;
                _gcStart = eventData.TimeStamp;
                _depth = (int)Value("Depth");
            }
            else if (eventData.EventName?.StartsWith("GCEnd", StringComparison.Ordinal) == true)
            {
                var took = eventData.TimeStamp - _gcStart;
                _collecting += took;
                var (count, time) = _byDepth.GetValueOrDefault(_depth);
                _byDepth[_depth] = (count + 1, time + took);
            }
            else if (eventData.EventName?.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal) == true)
            {
                _suspendStart = eventData.TimeStamp;
            }
            else if (eventData.EventName?.StartsWith("GCSuspendEEEnd", StringComparison.Ordinal) == true)
            {
                _suspending += eventData.TimeStamp - _suspendStart;
            }
            else if (eventData.EventName?.StartsWith("GCHeapStats", StringComparison.Ordinal) == true)
            {
                _promoted0 += Value("TotalPromotedSize0");
                _promoted1 += Value("TotalPromotedSize1");
                _finalizationPromoted += Value("FinalizationPromotedSize");
                _largeObjects += Value("GenerationSize3");
            }
        }
    }

    private enum GcReason
    {
        AllocSmall = 0,
        Induced = 1,
        LowMemory = 2,
        Empty = 3,
        AllocLarge = 4,
        OutOfSpaceSmall = 5,
        OutOfSpaceLarge = 6,
        InducedNotForced = 7,
        Internal = 8,
        InducedLowMemory = 9,
        InducedCompacting = 10,
        LowMemoryHost = 11,
        PMFullGC = 12,
        LowMemoryHostBlocking = 13,
    }
}
