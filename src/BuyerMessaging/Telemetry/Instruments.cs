using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BuyerMessaging.Internal;

/// <summary>The ActivitySource and instruments of the core; the Meter comes from IMeterFactory when the host has one.</summary>
internal sealed class Instruments
{
    public static readonly ActivitySource ActivitySource = new(BuyerMessagingTelemetry.ActivitySourceName);

    private static readonly Meter FallbackMeter = new(BuyerMessagingTelemetry.MeterName);

    public Instruments(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(BuyerMessagingTelemetry.MeterName) ?? FallbackMeter;
        IngestedMessages = meter.CreateCounter<long>(
            "buyer_messaging.ingest.messages", "{message}", "Inputs ingested, by outcome (created, appended, duplicate, quarantined).");
        WorkItems = meter.CreateCounter<long>(
            "buyer_messaging.work.items", "{item}", "Work items a worker ran, by kind and outcome (succeeded, retried, failed, lease_lost).");
    }

    public static Instruments Default { get; } = new();

    public Counter<long> WorkItems { get; }

    public Counter<long> IngestedMessages { get; }

    public void RecordIngest(IngestOutcome outcome) =>
        IngestedMessages.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeTag(outcome)));

    public void RecordWork(string kind, string outcome) => WorkItems.Add(
        1,
        new KeyValuePair<string, object?>("kind", KindTag(kind)),
        new KeyValuePair<string, object?>("outcome", outcome));

    private static string KindTag(string kind) => kind switch
    {
        WorkKinds.AutoReply or WorkKinds.SmartMatch or WorkKinds.SmartReply or WorkKinds.SlaDueSoon or WorkKinds.SlaBreach or WorkKinds.Send or WorkKinds.Event => kind,
        _ => "other",
    };

    private static string OutcomeTag(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Created => "created",
        IngestOutcome.Appended => "appended",
        IngestOutcome.Duplicate => "duplicate",
        _ => "quarantined",
    };
}
