namespace BuyerMessaging;

/// <summary>A conversation changed between read and write (optimistic concurrency); read it again and retry.</summary>
public sealed class ConcurrencyException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="ConcurrencyException"/> class.</summary>
    /// <param name="conversationId">The conversation.</param>
    public ConcurrencyException(ConversationId conversationId)
        : base($"Conversation {conversationId} was changed by someone else; read it again and retry.") => ConversationId = conversationId;

    /// <summary>Gets the conversation.</summary>
    public ConversationId ConversationId { get; }
}
