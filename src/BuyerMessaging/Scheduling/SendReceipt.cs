namespace BuyerMessaging;

/// <summary>What an <see cref="IOutboundSender"/> returns for a sent message.</summary>
/// <param name="ChannelMessageId">The channel's id of the message (an SMTP queue id, a file name, an API id).</param>
public sealed record SendReceipt(string ChannelMessageId);
