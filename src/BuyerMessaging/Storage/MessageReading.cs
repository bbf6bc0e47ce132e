namespace BuyerMessaging;

/// <summary>How much of each message <see cref="IConversationStore.GetMessagesAsync(ConversationId, MessageReading, CancellationToken)"/> reads.</summary>
public enum MessageReading
{
    /// <summary>The whole message: its attachments with their content.</summary>
    Whole,

    /// <summary>
    /// Every field but the attachments, which are not read (<see cref="Message.Attachments"/> is empty): for the texts
    /// and the threading headers, as replies and automatic answers need them, without reading the buyer's photos.
    /// </summary>
    WithoutAttachments,
}
