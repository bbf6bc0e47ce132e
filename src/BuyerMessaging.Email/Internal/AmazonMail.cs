using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>Amazon facts that are not wording: sender domains and the order id pattern.</summary>
internal static partial class AmazonMail
{
    /// <summary>Whether an address belongs to an Amazon retail domain (amazon.com, amazon.de…) or a subdomain of one.</summary>
    public static bool IsAmazonSender(string? address) => MarketplaceOfSender(address, exact: false) is not null;

    /// <summary>The marketplace whose retail domain is exactly the address's domain ("no-reply@amazon.de" is DE).</summary>
    public static AmazonMarketplace? MarketplaceOfSender(string? address) => MarketplaceOfSender(address, exact: true);

    /// <summary>The first Amazon order id (NNN-NNNNNNN-NNNNNNN) in a text.</summary>
    public static string? FindOrderId(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = OrderId().Match(text);
        return match.Success ? match.Value : null;
    }

    private static AmazonMarketplace? MarketplaceOfSender(string? address, bool exact)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1)
        {
            return null;
        }

        var domain = address.AsSpan(at + 1).TrimEnd('.');
        var all = AmazonMarketplaces.All;
        for (var i = 0; i < all.Count; i++)
        {
            var marketplace = all[i];
            var retail = marketplace.Domain.AsSpan();
            if (domain.Equals(retail, StringComparison.OrdinalIgnoreCase))
            {
                return marketplace;
            }

            if (!exact
                && domain.Length > retail.Length
                && domain[domain.Length - retail.Length - 1] == '.'
                && domain.EndsWith(retail, StringComparison.OrdinalIgnoreCase))
            {
                return marketplace;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex OrderId();
}
