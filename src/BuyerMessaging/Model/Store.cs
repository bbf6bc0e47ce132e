namespace BuyerMessaging;

/// <summary>A seller account (店舗): the owner of channels and conversations.</summary>
public sealed record Store
{
    /// <summary>Gets the store's identifier.</summary>
    public required StoreId Id { get; init; }

    /// <summary>Gets the store's name.</summary>
    public required string Name { get; init; }
}
