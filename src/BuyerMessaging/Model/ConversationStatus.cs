namespace BuyerMessaging;

/// <summary>The handling status of a conversation (ステータス).</summary>
public enum ConversationStatus
{
    /// <summary>Open: the buyer waits for an answer (オープン).</summary>
    Open,

    /// <summary>Pending: in progress on the seller's side (処理待ち).</summary>
    Pending,

    /// <summary>Awaiting the buyer: the seller answered (回答待ち).</summary>
    AwaitingBuyer,

    /// <summary>Resolved (解決済み).</summary>
    Resolved,
}
