namespace BuyerMessaging.Internal;

/// <summary>The sender used when none is registered: every send fails with the reason, so the outbox keeps the message and reports it.</summary>
internal sealed class UnconfiguredOutboundSender : IOutboundSender
{
    public Task<SendReceipt> SendAsync(Channel channel, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No IOutboundSender is registered: register one (SMTP, the Amazon relay, a folder of .eml files) to send replies.");
}
