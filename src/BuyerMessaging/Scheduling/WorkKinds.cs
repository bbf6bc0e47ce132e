namespace BuyerMessaging;

/// <summary>The kinds of <see cref="WorkItem"/> the SDK schedules.</summary>
public static class WorkKinds
{
    /// <summary>Sends an auto-reply (renders its template and puts it in the outbox) when due.</summary>
    public const string AutoReply = "auto-reply";

    /// <summary>Matches a buyer message against the smart-reply templates.</summary>
    public const string SmartMatch = "smart-match";

    /// <summary>Sends a matched smart reply when due (18 hours after the message by default).</summary>
    public const string SmartReply = "smart-reply";

    /// <summary>Raises "SLA breach soon" if the due instant has not changed.</summary>
    public const string SlaDueSoon = "sla-due-soon";

    /// <summary>Raises "SLA breached" if the due instant has not changed.</summary>
    public const string SlaBreach = "sla-breach";

    /// <summary>An outgoing message in the outbox: sent through the <see cref="IOutboundSender"/> with the item's idempotency key.</summary>
    public const string Send = "send";

    /// <summary>An <see cref="InboxEvent"/> to deliver to the registered <see cref="IInboxEventHandler"/>s.</summary>
    public const string Event = "event";

    /// <summary>Gets the kinds a person's answer, a resolve or "no reply needed" cancels.</summary>
    public static IReadOnlyList<string> AutomaticReplies { get; } = [AutoReply, SmartMatch, SmartReply];

    /// <summary>Gets the kinds that watch the SLA due instant.</summary>
    public static IReadOnlyList<string> SlaChecks { get; } = [SlaDueSoon, SlaBreach];
}
