namespace BuyerMessaging;

/// <summary>No conversation has the given id.</summary>
public sealed class ConversationNotFoundException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="ConversationNotFoundException"/> class.</summary>
    /// <param name="conversationId">The id.</param>
    public ConversationNotFoundException(ConversationId conversationId)
        : base($"There is no conversation {conversationId}.") => ConversationId = conversationId;

    /// <summary>Gets the id that was not found.</summary>
    public ConversationId ConversationId { get; }
}
