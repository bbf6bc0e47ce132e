using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// Wraps a store so that every call of it and of its transactions is timed (soak <c>--profile</c>): a coarse profile of
/// the store's share of an ingest, without a profiler. The stores complete synchronously, so timing the call is timing
/// the work.
/// </summary>
internal class StoreProfiler : DispatchProxy
{
    private readonly Dictionary<string, (long Calls, long Ticks)> _totals = new(StringComparer.Ordinal);
    private object _target = null!;
    private StoreProfiler _root = null!;

    public static IConversationStore Wrap(IConversationStore store, out StoreProfiler profiler)
    {
        var proxy = Create<IConversationStore, StoreProfiler>();
        profiler = (StoreProfiler)(object)proxy;
        profiler._target = store;
        profiler._root = profiler;
        return proxy;
    }

    public void Print(TimeSpan total)
    {
        Console.WriteLine("method                                   calls      ms   % of run");
        foreach (var (name, (calls, ticks)) in _totals.OrderByDescending(t => t.Value.Ticks))
        {
            var ms = ticks * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-38} {calls,8} {ms,8:F0} {100 * ms / total.TotalMilliseconds,8:F1}"));
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var start = Stopwatch.GetTimestamp();
        var result = targetMethod!.Invoke(_target, args);
        var elapsed = Stopwatch.GetTimestamp() - start;
        var name = targetMethod.Name;
        _root._totals[name] = _root._totals.TryGetValue(name, out var t) ? (t.Calls + 1, t.Ticks + elapsed) : (1, elapsed);
        if (result is Task<IStoreTransaction> begin)
        {
            var proxy = Create<IStoreTransaction, StoreProfiler>();
            var profiler = (StoreProfiler)(object)proxy;
            profiler._target = begin.GetAwaiter().GetResult();
            profiler._root = _root;
            return Task.FromResult(proxy);
        }

        return result;
    }
}
