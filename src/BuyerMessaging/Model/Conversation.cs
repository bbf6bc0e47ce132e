using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// A thread of messages with one buyer on one channel. Conversations are immutable snapshots; changes go through
/// <see cref="ConversationEditor"/> and are recorded in the conversation's history (<see cref="ConversationChange"/>).
/// </summary>
public sealed record Conversation
{
    /// <summary>Gets the conversation's identifier.</summary>
    public required ConversationId Id { get; init; }

    /// <summary>Gets the store.</summary>
    public required StoreId StoreId { get; init; }

    /// <summary>Gets the channel.</summary>
    public required ChannelId ChannelId { get; init; }

    /// <summary>Gets the buyer.</summary>
    public required Buyer Buyer { get; init; }

    /// <summary>Gets the Amazon order id (NNN-NNNNNNN-NNNNNNN), if any.</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the subject of the first message.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the kind of inquiry.</summary>
    public BuyerMessageType MessageType { get; init; }

    /// <summary>Gets the buyer's language (BCP-47), if known.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the status.</summary>
    public ConversationStatus Status { get; init; }

    /// <summary>Gets the custom folder the conversation was moved to, or <see langword="null"/> for its status folder.</summary>
    public FolderId? FolderId { get; init; }

    /// <summary>Gets the agent the conversation is assigned to, if any.</summary>
    public AgentId? Assignee { get; init; }

    /// <summary>Gets the tags, in the order they were added.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets when a person last opened the conversation, or <see langword="null"/> if never.</summary>
    public Instant? ReadAt { get; init; }

    /// <summary>Gets how many replies the seller sent (返信数; buyer messages are not counted).</summary>
    public int SellerReplyCount { get; init; }

    /// <summary>Gets how many messages of any direction the conversation holds.</summary>
    public int MessageCount { get; init; }

    /// <summary>Gets when the buyer first wrote.</summary>
    public required Instant FirstInboundAt { get; init; }

    /// <summary>Gets when the buyer last wrote.</summary>
    public required Instant LastInboundAt { get; init; }

    /// <summary>Gets when the seller first replied, if ever.</summary>
    public Instant? FirstOutboundAt { get; init; }

    /// <summary>Gets when the seller last replied, if ever.</summary>
    public Instant? LastOutboundAt { get; init; }

    /// <summary>Gets when anything last changed (更新日).</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>Gets the instant the buyer is due an answer, or <see langword="null"/> when no answer is due.</summary>
    public Instant? SlaDueAt { get; init; }

    /// <summary>
    /// Gets the response time that was left when the SLA clock paused (the conversation awaits the buyer or was
    /// resolved while an answer was due); negative when it was overdue. <see langword="null"/> while the clock runs or
    /// when no answer is due. See <see cref="SlaPolicy"/>.
    /// </summary>
    public Duration? SlaPausedRemaining { get; init; }

    /// <summary>Gets a value indicating whether a person marked that no reply is needed.</summary>
    public bool NoReplyNeeded { get; init; }

    /// <summary>
    /// Gets a value indicating whether automatic replies (auto-replies and smart replies) are off for the conversation
    /// until the buyer writes again; set when smart-reply matching failed, so that a person answers.
    /// </summary>
    public bool NoAutoReply { get; init; }

    /// <summary>Gets the store's optimistic-concurrency version; incremented on every save.</summary>
    public long Version { get; init; }

    /// <summary>Gets a value indicating whether the conversation has an order id.</summary>
    public bool HasOrder => OrderId is not null;

    /// <summary>Gets a value indicating whether the buyer wrote since a person last opened the conversation.</summary>
    public bool IsUnread => ReadAt is null || ReadAt < LastInboundAt;

    /// <summary>Gets the read state shown in the list at <paramref name="now"/> (New, Read within the hour, or blank).</summary>
    /// <param name="now">The current instant, from the injected clock.</param>
    /// <returns>The read state.</returns>
    public ReadState GetReadState(Instant now) => IsUnread
        ? ReadState.New
        : now - ReadAt!.Value < ReadStateWindow ? ReadState.Read : ReadState.None;

    /// <summary>How long a conversation shows as <see cref="ReadState.Read"/> after it was opened: one hour.</summary>
    public static Duration ReadStateWindow { get; } = Duration.FromHours(1);
}
