namespace BuyerMessaging;

/// <summary>The names hosts use to collect BuyerMessaging's traces and metrics (see docs/telemetry.md).</summary>
public static class BuyerMessagingTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "BuyerMessaging";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "BuyerMessaging";
}
