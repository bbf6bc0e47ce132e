using BuyerMessaging.Internal;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// What a template can see when it is rendered: <c>buyer</c>, <c>order</c>, <c>store</c>, <c>channel</c>, <c>agent</c>,
/// <c>conversation</c> and <c>now</c>. Dates are formatted in the channel's language and time zone. A value left
/// <see langword="null"/> is missing: rendering names it unless the template gives a default.
/// </summary>
public sealed record TemplateModel
{
    /// <summary>Gets the buyer (<c>buyer.name</c>, <c>buyer.address</c>).</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>Gets the order (<c>order.*</c>).</summary>
    public OrderDetails? Order { get; init; }

    /// <summary>Gets the store (<c>store.id</c>, <c>store.name</c>).</summary>
    public Store? Store { get; init; }

    /// <summary>Gets the channel the reply leaves by (<c>channel.*</c>); its language and zone format dates.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Gets the agent who answers (<c>agent.id</c>, <c>agent.name</c>).</summary>
    public Agent? Agent { get; init; }

    /// <summary>Gets the conversation (<c>conversation.id</c>, <c>conversation.subject</c>).</summary>
    public Conversation? Conversation { get; init; }

    /// <summary>
    /// Gets a complete made-up model for previews and tests: a buyer, a two-item order with a delivery window, a store, an
    /// Amazon channel of the language's marketplace (JP for "ja", DE for "de", US otherwise) and an agent.
    /// </summary>
    /// <param name="language">The language (BCP-47).</param>
    /// <returns>The model.</returns>
    public static TemplateModel Sample(string language)
    {
        var lang = LanguageTags.Primary(language ?? "en");
        var (country, zone, currency, buyer, agent, item1, item2, price1, price2) = lang switch
        {
            "ja" => ("JP", "Asia/Tokyo", "JPY", "山田 花子", "佐藤", "ステンレス 電気ケトル 1.0L", "交換用フィルター", 4980m, 980m),
            "de" => ("DE", "Europe/Berlin", "EUR", "Erika Mustermann", "Jonas", "Wasserkocher Edelstahl 1,0 l", "Ersatzfilter", 34.99m, 6.99m),
            _ => ("US", "America/Los_Angeles", "USD", "Alex Example", "Sam", "Stainless Electric Kettle 1.0L", "Replacement Filter", 39.99m, 7.99m),
        };
        AmazonMarketplaces.TryGetByCountry(country, out var marketplace);
        var storeId = new StoreId("sample-store");
        var purchased = Instant.FromUtc(2026, 11, 14, 1, 30);
        return new TemplateModel
        {
            Buyer = new Buyer(buyer, "buyer@marketplace.example", IsRelayAlias: true),
            Order = new OrderDetails
            {
                Id = "250-1234567-1234567",
                PurchasedAt = purchased,
                Currency = currency,
                Items =
                [
                    new OrderItem { Title = item1, Asin = "B000SAMPLE1", Sku = "KETTLE-10", Quantity = 1, Price = price1 },
                    new OrderItem { Title = item2, Asin = "B000SAMPLE2", Sku = "FILTER-2", Quantity = 2, Price = price2 * 2 },
                ],
                Subtotal = price1 + (price2 * 2),
                ShippingTotal = 0,
                Total = price1 + (price2 * 2),
                EarliestDelivery = purchased + Duration.FromDays(3),
                LatestDelivery = purchased + Duration.FromDays(6),
            },
            Store = new Store { Id = storeId, Name = "Sample Store" },
            Channel = new Channel
            {
                Id = new ChannelId("sample-amazon-" + country.ToLowerInvariant()),
                StoreId = storeId,
                Kind = ChannelKind.Amazon,
                Name = marketplace?.Domain ?? "Amazon",
                CountryCode = country,
                MarketplaceId = marketplace?.MarketplaceId,
                Language = lang is "ja" or "de" ? lang : "en",
                TimeZoneId = zone,
            },
            Agent = new Agent { Id = new AgentId("sample-agent"), Name = agent },
        };
    }
}
