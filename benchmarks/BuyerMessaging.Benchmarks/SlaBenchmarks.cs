using BenchmarkDotNet.Attributes;
using NodaTime;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// SLA due-instant computations: <see cref="SlaPolicy.ComputeDueAt"/> on Amazon's 24-hour wall clock, on a 24x7 business
/// calendar, and on a support mailbox's business calendar (Europe/Berlin, split shift Mon-Fri 09:00-12:00,13:00-18:00,
/// a year of public holidays), against plain NodaTime arithmetic as the baseline: <c>Instant.Plus(Duration)</c> and the
/// conversion to the zone that any due-instant display needs. Each invocation computes <see cref="Starts"/> due instants
/// from arrival instants spread over a year (nights, weekends, holidays and both DST changes included).
/// </summary>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    private const int Starts = 1_024;

    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private readonly Instant[] _starts = new Instant[Starts];
    private readonly Duration _day = Duration.FromHours(24);
    private SlaPolicy _amazon = SlaPolicy.Amazon;
    private SlaPolicy _alwaysOpen = SlaPolicy.Amazon;
    private SlaPolicy _mailbox8h = SlaPolicy.Amazon;
    private SlaPolicy _mailbox40h = SlaPolicy.Amazon;
    private BusinessCalendar _calendar = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        // Deterministic arrivals over 2026: a fixed seed, so every run measures the same inputs.
        var random = new Random(4);
        var year = Instant.FromUtc(2026, 1, 1, 0, 0);
        for (var i = 0; i < Starts; i++)
        {
            _starts[i] = year + Duration.FromSeconds(random.NextInt64(365L * 24 * 3600));
        }

        _calendar = new BusinessCalendar(
            Berlin,
            WeeklySchedule.Parse("Mon-Fri 09:00-12:00,13:00-18:00"),
            ScheduleSyntax.ParseHolidays("2026-01-01,2026-04-03/2026-04-06,2026-05-01,2026-05-14,2026-05-25,2026-10-03,2026-12-24/2026-12-26,2026-12-31"));
        _amazon = SlaPolicy.Amazon;
        _alwaysOpen = SlaPolicy.BusinessHours(BusinessCalendar.AlwaysOpen(Berlin), _day);
        _mailbox8h = SlaPolicy.BusinessHours(_calendar, Duration.FromHours(8));
        _mailbox40h = SlaPolicy.BusinessHours(_calendar, Duration.FromHours(40));
    }

    /// <summary>The baseline: <c>start.Plus(24 h)</c> and its local time in the zone, with NodaTime alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    public long NodaTimePlusDurationInZone()
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += start.Plus(_day).InZone(Berlin).Hour;
        }

        return sum;
    }

    /// <summary>Amazon's clock: 24 hours of wall-clock time (<see cref="SlaClockKind.WallClock"/>).</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public long AmazonWallClock24h() => Sum(_amazon);

    /// <summary>Business time on a 24x7 calendar without holidays (the calendar's fast path).</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public long BusinessCalendar24x7() => Sum(_alwaysOpen);

    /// <summary>8 business hours on the split-shift calendar with holidays: up to a few days' walk.</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public long SplitShiftHolidays8h() => Sum(_mailbox8h);

    /// <summary>40 business hours (a working week) on the split-shift calendar with holidays.</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public long SplitShiftHolidays40h() => Sum(_mailbox40h);

    /// <summary>The business time inside 24 wall-clock hours (what the remaining time of a business-time SLA asks).</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public long SplitShiftBusinessTimeIn24h()
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.GetBusinessTime(start, start + _day).BclCompatibleTicks;
        }

        return sum;
    }

    private long Sum(SlaPolicy policy)
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += policy.ComputeDueAt(start).InZone(Berlin).Hour;
        }

        return sum;
    }
}
