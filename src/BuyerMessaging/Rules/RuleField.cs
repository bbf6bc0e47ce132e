namespace BuyerMessaging;

/// <summary>What a <see cref="RuleCondition"/> looks at.</summary>
public enum RuleField
{
    /// <summary>The buyer message type (<see cref="BuyerMessageType"/>); operator <see cref="RuleOperator.IsOneOf"/>.</summary>
    MessageType,

    /// <summary>The subject of the message; any text operator.</summary>
    Subject,

    /// <summary>The sender's address; any text operator.</summary>
    Sender,

    /// <summary>The text of the message; any text operator.</summary>
    Body,

    /// <summary>The language of the message (BCP-47; "ja" also matches "ja-JP"); operator <see cref="RuleOperator.IsOneOf"/>.</summary>
    Language,

    /// <summary>The channel; operator <see cref="RuleOperator.IsOneOf"/> with channel ids.</summary>
    Channel,

    /// <summary>
    /// The Amazon marketplace of the channel, by country code ("JP") or marketplace id ("A1VC38T7YXB528"); operator
    /// <see cref="RuleOperator.IsOneOf"/>. A mailbox channel has no marketplace and never matches.
    /// </summary>
    Marketplace,

    /// <summary>The store; operator <see cref="RuleOperator.IsOneOf"/> with store ids.</summary>
    Store,

    /// <summary>Whether the conversation has an Amazon order id; operator <see cref="RuleOperator.Is"/> with "true" or "false".</summary>
    HasOrder,

    /// <summary>
    /// Whether the message is the buyer's first contact (it starts a new conversation) rather than a follow-up; operator
    /// <see cref="RuleOperator.Is"/> with "true" (first contact) or "false" (follow-up).
    /// </summary>
    FirstContact,
}
