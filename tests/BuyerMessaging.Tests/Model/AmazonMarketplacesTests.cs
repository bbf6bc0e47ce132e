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
    public void TryGetByRelayAddress_KnownDomains(string address, string country)
    {
        Assert.True(AmazonMarketplaces.TryGetByRelayAddress(address, out var m));
        Assert.Equal(country, m.CountryCode);
    }

    [Theory]
    [InlineData("abc@amazon.com")]
    [InlineData("abc@marketplace.amazon.com.evil.example")]
    [InlineData("abc@notmarketplace.amazon.com")]
    [InlineData("abc@")]
    [InlineData("marketplace.amazon.com")]
    [InlineData(null)]
    public void TryGetByRelayAddress_OtherAddresses_AreNotRelay(string? address) =>
        Assert.False(AmazonMarketplaces.TryGetByRelayAddress(address, out _));

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
