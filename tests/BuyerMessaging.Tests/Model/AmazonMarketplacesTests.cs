namespace BuyerMessaging.Tests;

public sealed class AmazonMarketplacesTests
{
    [Theory]
    [InlineData("abc@marketplace.amazon.com", "US")]
    [InlineData("abc@marketplace.amazon.co.jp", "JP")]
    [InlineData("abc+TOKEN@m.marketplace.amazon.co.jp", "JP")]
    [InlineData("abc@MARKETPLACE.AMAZON.DE", "DE")]
    [InlineData("abc@marketplace.amazon.com.mx", "MX")]
    [InlineData("abc@marketplace.amazon.co.uk", "UK")]
    [InlineData("abc@marketplace.amazon.com.be", "BE")]
    [InlineData("abc@marketplace.amazon.com.au", "AU")]
    [InlineData("abc@marketplace.amazon.de.", "DE")]
    public void TryGetByRelayAddress_KnownDomains(string address, string country)
    {
        Assert.True(AmazonMarketplaces.TryGetByRelayAddress(address, out var m));
        Assert.Equal(country, m.CountryCode);
    }

    [Theory]
    [InlineData("abc@amazon.com")]
    [InlineData("abc@marketplace.amazon.com.evil.example")]
    [InlineData("abc@notmarketplace.amazon.com")]
    [InlineData("abc@marketplace.amazon.com.xx")]
    [InlineData("abc@arketplace.amazon.com")]
    [InlineData("abc@marketplace.amazon.co")]
    [InlineData("abc@")]
    [InlineData("marketplace.amazon.com")]
    [InlineData(null)]
    public void TryGetByRelayAddress_OtherAddresses_AreNotRelay(string? address) =>
        Assert.False(AmazonMarketplaces.TryGetByRelayAddress(address, out _));

    /// <summary>The look-up compares the domain in parts; it must agree with the plain definition (the relay domain or a subdomain of it).</summary>
    [Fact]
    public void TryGetByRelayAddress_AgreesWithRelayDomainDefinition()
    {
        var domains = AmazonMarketplaces.All.SelectMany(m => new[]
        {
            m.RelayDomain, "m." + m.RelayDomain, "a.b." + m.RelayDomain, "x" + m.RelayDomain, m.RelayDomain[1..], m.RelayDomain.ToUpperInvariant(),
            m.RelayDomain + ".", m.RelayDomain + ".example", m.Domain, "." + m.RelayDomain, m.RelayDomain[..^1], "marketplace" + m.Domain,
        });
        foreach (var domain in domains)
        {
            var trimmed = domain.TrimEnd('.');
            var expected = AmazonMarketplaces.All.FirstOrDefault(m =>
                trimmed.Equals(m.RelayDomain, StringComparison.OrdinalIgnoreCase)
                || (trimmed.Length > m.RelayDomain.Length && trimmed[trimmed.Length - m.RelayDomain.Length - 1] == '.'
                    && trimmed.EndsWith(m.RelayDomain, StringComparison.OrdinalIgnoreCase)));
            var found = AmazonMarketplaces.TryGetByRelayAddress("buyer+t@" + domain, out var actual);
            Assert.True(found == (expected is not null), domain);
            Assert.Equal(expected?.CountryCode, actual?.CountryCode);
        }
    }

    [Fact]
    public void TryGetByCountry_AcceptsIsoGbForUk()
    {
        Assert.True(AmazonMarketplaces.TryGetByCountry("gb", out var m));
        Assert.Equal("UK", m.CountryCode);
        Assert.True(AmazonMarketplaces.TryGetById("A1VC38T7YXB528", out var jp));
        Assert.Equal("Asia/Tokyo", jp.TimeZoneId);
    }

    [Fact]
    public void All_EveryZoneIsAnIanaZone() =>
        Assert.All(AmazonMarketplaces.All, m => Assert.NotNull(NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(m.TimeZoneId)));
}
