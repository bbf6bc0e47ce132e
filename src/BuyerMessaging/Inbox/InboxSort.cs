namespace BuyerMessaging;

/// <summary>The order of an inbox query. Ties are broken by conversation id, descending (ordinal).</summary>
public enum InboxSort
{
    /// <summary>Most recently updated first (<see cref="Conversation.UpdatedAt"/>).</summary>
    LastUpdated,

    /// <summary>Most recently received first (<see cref="Conversation.LastInboundAt"/>).</summary>
    Received,

    /// <summary>Earliest SLA due instant first (<see cref="Conversation.SlaDueAt"/>); conversations with none come last.</summary>
    SlaDue,
}
