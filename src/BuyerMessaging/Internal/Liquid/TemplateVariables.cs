using NodaTime;

namespace BuyerMessaging.Internal.Liquid;

/// <summary>Turns a <see cref="TemplateModel"/> into the plain values a template sees, and describes their shape for validation.</summary>
internal static class TemplateVariables
{
    /// <summary>Every variable a template may use; keep in step with <see cref="ToValues"/>.</summary>
    public static readonly LiquidSchema Schema = LiquidSchema.Object(
        ("buyer", Fields("name", "address")),
        ("order", LiquidSchema.Object(
            ("id", LiquidSchema.Scalar),
            ("date", LiquidSchema.Scalar),
            ("items", LiquidSchema.ListOf(Fields("title", "asin", "sku", "quantity", "price"))),
            ("item_count", LiquidSchema.Scalar),
            ("currency", LiquidSchema.Scalar),
            ("subtotal", LiquidSchema.Scalar),
            ("shipping", LiquidSchema.Scalar),
            ("tax", LiquidSchema.Scalar),
            ("total", LiquidSchema.Scalar),
            ("delivery", Fields("earliest", "latest")))),
        ("store", Fields("id", "name")),
        ("channel", Fields("id", "name", "country", "marketplace", "language", "time_zone")),
        ("agent", Fields("id", "name")),
        ("conversation", Fields("id", "subject")),
        ("now", LiquidSchema.Scalar),
        ("buyer_name", LiquidSchema.Scalar),
        ("order_id", LiquidSchema.Scalar),
        ("store_name", LiquidSchema.Scalar),
        ("channel_name", LiquidSchema.Scalar));

    public static Dictionary<string, object?> ToValues(TemplateModel model, Instant now)
    {
        var order = model.Order;
        return new(StringComparer.Ordinal)
        {
            ["buyer"] = model.Buyer is { } b ? Map(("name", Blank(b.Name)), ("address", Blank(b.Address))) : null,
            ["order"] = order is null ? null : Map(
                ("id", order.Id),
                ("date", order.PurchasedAt),
                ("items", order.Items.Select(i => (object?)Map(
                    ("title", i.Title),
                    ("asin", i.Asin),
                    ("sku", i.Sku),
                    ("quantity", (decimal)i.Quantity),
                    ("price", Money(i.Price, order.Currency)))).ToList()),
                ("item_count", (decimal)order.Items.Sum(i => i.Quantity)),
                ("currency", order.Currency),
                ("subtotal", Money(order.Subtotal, order.Currency)),
                ("shipping", Money(order.ShippingTotal, order.Currency)),
                ("tax", Money(order.Tax, order.Currency)),
                ("total", Money(order.Total, order.Currency)),
                ("delivery", Map(("earliest", order.EarliestDelivery), ("latest", order.LatestDelivery)))),
            ["store"] = model.Store is { } s ? Map(("id", s.Id.Value), ("name", s.Name)) : null,
            ["channel"] = model.Channel is { } c ? Map(
                ("id", c.Id.Value), ("name", c.Name), ("country", c.CountryCode), ("marketplace", c.MarketplaceId),
                ("language", c.Language), ("time_zone", c.TimeZoneId)) : null,
            ["agent"] = model.Agent is { } a ? Map(("id", a.Id.Value), ("name", a.Name)) : null,
            ["conversation"] = model.Conversation is { } v ? Map(("id", v.Id.Value), ("subject", Blank(v.Subject))) : null,
            ["now"] = now,

            // The flat names of the first, simple renderer; kept so that templates written for it render the same
            // (an unknown value is empty, as it was there).
            ["buyer_name"] = model.Buyer?.Name ?? string.Empty,
            ["order_id"] = order?.Id ?? model.Conversation?.OrderId ?? string.Empty,
            ["store_name"] = model.Store?.Name ?? model.Channel?.StoreName ?? model.Channel?.Name ?? string.Empty,
            ["channel_name"] = model.Channel?.Name ?? string.Empty,
        };
    }

    private static LiquidSchema Fields(params string[] names) =>
        LiquidSchema.Object([.. names.Select(n => (n, LiquidSchema.Scalar))]);

    private static Dictionary<string, object?> Map(params (string Name, object? Value)[] members) =>
        members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static object? Money(decimal? amount, string? currency) =>
        amount is not { } a ? null : currency is { Length: > 0 } ? new LiquidMoney(a, currency) : a;
}
