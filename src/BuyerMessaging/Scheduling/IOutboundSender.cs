namespace BuyerMessaging;

/// <summary>
/// Sends outgoing messages for a channel (SMTP, the Amazon relay, a folder of .eml files). Called by the worker for
/// each outbox item, possibly more than once for the same item after a crash or a lost lease: an implementation must
/// send each idempotency key at most once (for example by remembering the keys it sent, or by
/// sending with the message's fixed Message-ID to a server that de-duplicates), and return the same receipt again.
/// </summary>
public interface IOutboundSender
{
    /// <summary>Sends a message.</summary>
    /// <param name="channel">The channel it leaves by.</param>
    /// <param name="message">The message.</param>
    /// <param name="idempotencyKey">The outbox item's key; the same on every attempt.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The channel's id of the sent message.</returns>
    Task<SendReceipt> SendAsync(Channel channel, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken);
}
