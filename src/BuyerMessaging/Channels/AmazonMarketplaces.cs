using System.Diagnostics.CodeAnalysis;

namespace BuyerMessaging;

/// <summary>The catalogue of Amazon marketplaces, and the relay-address rules that follow from it.</summary>
public static class AmazonMarketplaces
{
    /// <summary>What a marketplace's domain is prefixed with in its relay domain (<see cref="AmazonMarketplace.RelayDomain"/>).</summary>
    internal const string RelayPrefix = "marketplace.";

    /// <summary>The marketplaces; the look-ups loop over the array itself (a loop over the interface allocates an enumerator, several times a message at ingest).</summary>
    private static readonly AmazonMarketplace[] Marketplaces =
    [
        new("US", "ATVPDKIKX0DER", "amazon.com", "en", "America/Los_Angeles"),
        new("CA", "A2EUQ1WTGCTBG2", "amazon.ca", "en", "America/Toronto"),
        new("MX", "A1AM78C64UM0Y8", "amazon.com.mx", "es", "America/Mexico_City"),
        new("BR", "A2Q3Y263D00KWC", "amazon.com.br", "pt", "America/Sao_Paulo"),
        new("UK", "A1F83G8C2ARO7P", "amazon.co.uk", "en", "Europe/London"),
        new("DE", "A1PA6795UKMFR9", "amazon.de", "de", "Europe/Berlin"),
        new("FR", "A13V1IB3VIYZZH", "amazon.fr", "fr", "Europe/Paris"),
        new("IT", "APJ6JRA9NG5V4", "amazon.it", "it", "Europe/Rome"),
        new("ES", "A1RKKUPIHCS9HS", "amazon.es", "es", "Europe/Madrid"),
        new("NL", "A1805IZSGTT6HS", "amazon.nl", "nl", "Europe/Amsterdam"),
        new("SE", "A2NODRKZP88ZB9", "amazon.se", "sv", "Europe/Stockholm"),
        new("PL", "A1C3SOZRARQ6R3", "amazon.pl", "pl", "Europe/Warsaw"),
        new("BE", "AMEN7PMS3EDWL", "amazon.com.be", "fr", "Europe/Brussels"),
        new("TR", "A33AVAJ2PDY3EV", "amazon.com.tr", "tr", "Europe/Istanbul"),
        new("AE", "A2VIGQ35RCS4UG", "amazon.ae", "ar", "Asia/Dubai"),
        new("SA", "A17E79C6D8DWNP", "amazon.sa", "ar", "Asia/Riyadh"),
        new("EG", "ARBP9OOSHTCHU", "amazon.eg", "ar", "Africa/Cairo"),
        new("IN", "A21TJRUUN4KGV", "amazon.in", "en", "Asia/Kolkata"),
        new("JP", "A1VC38T7YXB528", "amazon.co.jp", "ja", "Asia/Tokyo"),
        new("AU", "A39IBJ37TRP1C6", "amazon.com.au", "en", "Australia/Sydney"),
        new("SG", "A19VAU5U5O7RUS", "amazon.sg", "en", "Asia/Singapore"),
    ];

    /// <summary>Gets every known marketplace.</summary>
    public static IReadOnlyList<AmazonMarketplace> All { get; } = Array.AsReadOnly(Marketplaces);

    /// <summary>Finds a marketplace by country code ("UK" and ISO "GB" both name the United Kingdom), case-insensitive.</summary>
    /// <param name="countryCode">The country code.</param>
    /// <param name="marketplace">The marketplace when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGetByCountry(string? countryCode, [NotNullWhen(true)] out AmazonMarketplace? marketplace)
    {
        if (string.Equals(countryCode, "GB", StringComparison.OrdinalIgnoreCase))
        {
            countryCode = "UK";
        }

        foreach (var m in Marketplaces)
        {
            if (string.Equals(m.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase))
            {
                marketplace = m;
                return true;
            }
        }

        marketplace = null;
        return false;
    }

    /// <summary>Finds a marketplace by its marketplace id, for example "A1VC38T7YXB528".</summary>
    /// <param name="marketplaceId">The marketplace id.</param>
    /// <param name="marketplace">The marketplace when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGetById(string? marketplaceId, [NotNullWhen(true)] out AmazonMarketplace? marketplace)
    {
        foreach (var m in Marketplaces)
        {
            if (string.Equals(m.MarketplaceId, marketplaceId, StringComparison.Ordinal))
            {
                marketplace = m;
                return true;
            }
        }

        marketplace = null;
        return false;
    }

    /// <summary>
    /// Finds the marketplace of an Amazon relay address: any address whose domain is
    /// <c>marketplace.amazon.&lt;tld&gt;</c> or a subdomain of it (for example <c>m.marketplace.amazon.co.jp</c>).
    /// </summary>
    /// <param name="address">The e-mail address.</param>
    /// <param name="marketplace">The marketplace when the address is a relay address.</param>
    /// <returns><see langword="true"/> when the address is a relay address of a known marketplace.</returns>
    public static bool TryGetByRelayAddress(string? address, [NotNullWhen(true)] out AmazonMarketplace? marketplace)
    {
        marketplace = null;
        if (address is null)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return false;
        }

        // The domain is RelayPrefix + the marketplace's domain, or a subdomain of that; compared in parts, so that a
        // look-up (several per message at ingest) builds no string.
        var domain = address.AsSpan(at + 1).TrimEnd('.');
        foreach (var m in Marketplaces)
        {
            if (domain.Length < RelayPrefix.Length + m.Domain.Length || !domain.EndsWith(m.Domain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var head = domain[..^m.Domain.Length];
            if (head.EndsWith(RelayPrefix, StringComparison.OrdinalIgnoreCase)
                && (head.Length == RelayPrefix.Length || head[head.Length - RelayPrefix.Length - 1] == '.'))
            {
                marketplace = m;
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether an address is an Amazon relay address (see <see cref="TryGetByRelayAddress"/>).</summary>
    /// <param name="address">The e-mail address.</param>
    /// <returns><see langword="true"/> for a relay address.</returns>
    public static bool IsRelayAddress(string? address) => TryGetByRelayAddress(address, out _);
}
