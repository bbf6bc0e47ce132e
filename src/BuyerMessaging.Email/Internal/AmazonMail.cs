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
        if (!match.Success)
        {
            return null;
        }

        // Japanese and Arabic mail may write it in full-width or Arabic-Indic digits, with a full-width or typographic dash.
        return string.Create(match.Length, match.Value, static (span, value) =>
        {
            for (var i = 0; i < value.Length; i++)
            {
                span[i] = char.IsDigit(value[i]) ? (char)('0' + (int)char.GetNumericValue(value[i])) : '-';
            }
        });
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

    /// <summary>
    /// An order id as buyers and Amazon write it: NNN-NNNNNNN-NNNNNNN in any decimal digits (ASCII, full-width,
    /// Arabic-Indic), the groups joined by a hyphen or a dash (full-width, minus, en and em dashes).
    /// </summary>
    internal const string OrderIdPattern = @"\d{3}" + Dash + @"\d{7}" + Dash + @"\d{7}";

    private const string Dash = "[-\u2010\u2011\u2012\u2013\u2014\u2212\uFF0D]";

    [GeneratedRegex(@"(?<![\d\-\u2010-\u2014\u2212\uFF0D])" + OrderIdPattern + @"(?![\d\-\u2010-\u2014\u2212\uFF0D])", RegexOptions.CultureInvariant)]
    private static partial Regex OrderId();
}
