using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// Something an app may want to push to a person (new message, template matched, match failed, SLA breach soon,
/// breached, auto-reply or smart reply sent, an automatic reply skipped because the seller's settings changed, send or
/// work failed). Events are stored with the change that raises them and delivered at least
/// once to every <see cref="IInboxEventHandler"/>: a handler may see one twice and should de-duplicate by <see cref="Id"/>.
/// </summary>
public sealed record InboxEvent
{
    /// <summary>Gets the event's stable id (the same on every delivery).</summary>
    public required string Id { get; init; }

    /// <summary>Gets what happened.</summary>
    public required InboxEventKind Kind { get; init; }

    /// <summary>Gets when it happened.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the conversation, if any.</summary>
    public ConversationId? ConversationId { get; init; }

    /// <summary>Gets the channel, if any.</summary>
    public ChannelId? ChannelId { get; init; }

    /// <summary>Gets the message (the buyer message, or the reply that was sent), if any.</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>Gets the template (matched, sent, or only suggested to a person when a match failed), if any.</summary>
    public TemplateId? TemplateId { get; init; }

    /// <summary>Gets the instant an answer is due (SLA events) or a smart reply will go out (match), if any.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>Gets a detail: the reason of a failure, or the work item's kind. Never buyer content.</summary>
    public string? Detail { get; init; }
}
