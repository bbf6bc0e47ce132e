namespace BuyerMessaging;

/// <summary>The buyer of a conversation.</summary>
/// <param name="Name">The buyer's name as the channel gives it, or <see langword="null"/>.</param>
/// <param name="Address">The buyer's address: the anonymised Amazon relay alias or the real address.</param>
/// <param name="IsRelayAlias"><see langword="true"/> when <paramref name="Address"/> is an Amazon relay alias.</param>
public sealed record Buyer(string? Name, string Address, bool IsRelayAlias);
