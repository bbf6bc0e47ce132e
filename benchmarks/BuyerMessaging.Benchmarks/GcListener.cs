using System.Diagnostics.Tracing;
using System.Globalization;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Counts the runtime's garbage collections by generation and reason, and what they promoted (the soak's <c>--gc</c>):
/// enough to see why collections are frequent or deep without a trace tool. With <c>allocations</c> (<c>--alloc</c>) it
/// also samples what is allocated: the runtime reports the type of the object that crosses each ~100 KB of allocation,
/// so the counts are proportional to the bytes each type takes.
/// </summary>
internal sealed class GcListener(bool allocations = false) : EventListener
{
    private readonly Dictionary<string, long> _allocated = [];
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

    /// <summary>The listener a command asked for: <c>--gc</c> for collections, <c>--alloc</c> for them and allocations; otherwise none.</summary>
    public static GcListener? FromArgs(string[] args) =>
        CommandLine.Flag(args, "--gc") || CommandLine.Flag(args, "--alloc") ? new GcListener(CommandLine.Flag(args, "--alloc")) : null;

    /// <summary>Gets the bytes that collections have copied out of gen 0 and gen 1 so far: what a collection costs grows with it.</summary>
    public long Promoted
    {
        get
        {
            lock (_gate)
            {
                return _promoted0 + _promoted1;
            }
        }
    }

    /// <summary>Forgets the allocations sampled so far (the set-up's), so that <see cref="Print"/> shows the measured part.</summary>
    public void ResetAllocations()
    {
        lock (_gate)
        {
            _allocated.Clear();
        }
    }

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
            var sampled = Math.Max(_allocated.Values.Sum(), 1);
            foreach (var (type, bytes) in _allocated.OrderByDescending(p => p.Value).Take(_allocated.Count == 0 ? 0 : 40))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * bytes / sampled,5:F1} % of allocated bytes: {type}"));
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GC events; at Verbose also GCAllocationTick, one per ~100 KB allocated.
            EnableEvents(eventSource, allocations ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);
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
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true)
            {
                var type = payload[names.IndexOf("TypeName")] as string ?? "?";
                _allocated[type] = _allocated.GetValueOrDefault(type) + Value("AllocationAmount64");
            }
            else if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) == true)
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
