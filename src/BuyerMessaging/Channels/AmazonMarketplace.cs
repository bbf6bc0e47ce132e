namespace BuyerMessaging;

/// <summary>An Amazon marketplace: its ids, the relay mail domain and its defaults.</summary>
/// <param name="CountryCode">Amazon's country code ("UK" for the United Kingdom).</param>
/// <param name="MarketplaceId">The marketplace id, for example "ATVPDKIKX0DER".</param>
/// <param name="Domain">The retail domain, for example "amazon.com".</param>
/// <param name="Language">The marketplace's default language (BCP-47).</param>
/// <param name="TimeZoneId">The IANA zone the marketplace's seller tools show times in.</param>
public sealed record AmazonMarketplace(string CountryCode, string MarketplaceId, string Domain, string Language, string TimeZoneId)
{
    /// <summary>Gets the domain relay aliases use, for example "marketplace.amazon.com".</summary>
    public string RelayDomain => AmazonMarketplaces.RelayPrefix + Domain;
}
