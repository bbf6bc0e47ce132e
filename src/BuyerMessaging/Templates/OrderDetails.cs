using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// An order as templates see it (<c>order.*</c>): id, purchase date, items, totals and the promised delivery window.
/// Comes from an <see cref="IOrderLookup"/>; without one, only <see cref="Id"/> is known (from the conversation).
/// </summary>
public sealed record OrderDetails
{
    /// <summary>Gets the order id (<c>order.id</c>), for example "250-1234567-1234567".</summary>
    public required string Id { get; init; }

    /// <summary>Gets when the order was placed (<c>order.date</c>).</summary>
    public Instant? PurchasedAt { get; init; }

    /// <summary>Gets the items (<c>order.items</c>).</summary>
    public IReadOnlyList<OrderItem> Items { get; init; } = [];

    /// <summary>Gets the ISO 4217 currency of the amounts (<c>order.currency</c>), for example "JPY".</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the sum of the items (<c>order.subtotal</c>).</summary>
    public decimal? Subtotal { get; init; }

    /// <summary>Gets the shipping charged (<c>order.shipping</c>).</summary>
    public decimal? ShippingTotal { get; init; }

    /// <summary>Gets the tax (<c>order.tax</c>).</summary>
    public decimal? Tax { get; init; }

    /// <summary>Gets the order total (<c>order.total</c>).</summary>
    public decimal? Total { get; init; }

    /// <summary>Gets the start of the promised delivery window (<c>order.delivery.earliest</c>).</summary>
    public Instant? EarliestDelivery { get; init; }

    /// <summary>Gets the end of the promised delivery window (<c>order.delivery.latest</c>).</summary>
    public Instant? LatestDelivery { get; init; }
}

/// <summary>One line of an order (<c>order.items[n]</c>).</summary>
public sealed record OrderItem
{
    /// <summary>Gets the product title (<c>item.title</c>).</summary>
    public required string Title { get; init; }

    /// <summary>Gets the ASIN (<c>item.asin</c>).</summary>
    public string? Asin { get; init; }

    /// <summary>Gets the seller SKU (<c>item.sku</c>).</summary>
    public string? Sku { get; init; }

    /// <summary>Gets the quantity (<c>item.quantity</c>).</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>Gets the price of the line, in the order's currency (<c>item.price</c>).</summary>
    public decimal? Price { get; init; }
}
