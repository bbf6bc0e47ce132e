namespace BuyerMessaging;

/// <summary>
/// Where a stored message is: its id, its conversation and its channel. What de-duplication and threading need of a
/// message they find, without its text or attachments (a store reads three columns, not the message).
/// </summary>
/// <param name="Id">The message.</param>
/// <param name="ConversationId">The conversation the message is in.</param>
/// <param name="ChannelId">The channel the message came in on or went out through.</param>
public readonly record struct MessageLocation(MessageId Id, ConversationId ConversationId, ChannelId ChannelId)
{
    /// <summary>Gets the location of a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>Its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public static MessageLocation Of(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.ConversationId, message.ChannelId);
    }
}
