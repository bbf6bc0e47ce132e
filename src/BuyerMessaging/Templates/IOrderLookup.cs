namespace BuyerMessaging;

/// <summary>
/// Looks an order up for template rendering (<c>order.date</c>, <c>order.items</c>, …). None is registered by default:
/// templates then see only the order id of the conversation. The Amazon SP-API package implements it.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IOrderLookup
{
    /// <summary>Gets an order.</summary>
    /// <param name="channel">The channel (marketplace) the order was placed on.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The order, or <see langword="null"/> when it is not known.</returns>
    Task<OrderDetails?> GetOrderAsync(Channel channel, string orderId, CancellationToken cancellationToken = default);
}
