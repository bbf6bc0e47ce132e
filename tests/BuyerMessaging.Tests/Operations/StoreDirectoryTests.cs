namespace BuyerMessaging.Tests;

public sealed class StoreDirectoryTests
{
    [Fact]
    public async Task SaveAsync_InvalidChannels_ListsEveryFailingMember()
    {
        var store = new InMemoryConversationStore();
        var bad = new Channel[]
        {
            TestMail.AmazonUsChannel with { CountryCode = "XX", MarketplaceId = null },
            TestMail.SupportChannel with { Address = null, TimeZoneId = "Mars/Olympus" },
            TestMail.SupportChannel with { Id = new("other"), StoreId = new("someone-else"), Address = "not an address" },
        };

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => new StoreDirectory(store).SaveAsync(new Store { Id = TestMail.Northwind, Name = "" }, bad));

        Assert.Equal(
            ["Name", "Channels[0].CountryCode", "Channels[1].Address", "Channels[1].TimeZoneId", "Channels[2].StoreId", "Channels[2].Address"],
            ex.Errors.Select(e => e.Path));
        Assert.Empty(await store.GetStoresAsync());
    }

    [Fact]
    public async Task SaveAsync_ChannelOfAnotherStore_IsRefused()
    {
        var store = new InMemoryConversationStore();
        await TestMail.ConfigureAsync(store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() =>
            new StoreDirectory(store).SaveAsync(new Store { Id = TestMail.Sakura, Name = "Sakura" }, [TestMail.SupportChannel with { StoreId = TestMail.Sakura }]));

        Assert.Equal("Channels[0].Id", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task SaveAsync_TwoChannelsWithOneId_IsRefused()
    {
        var store = new InMemoryConversationStore();

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => new StoreDirectory(store).SaveAsync(
            new Store { Id = TestMail.Northwind, Name = "Northwind" },
            [TestMail.SupportChannel, TestMail.SupportChannel with { Address = "help@northwind.example" }]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Channels[1].Id", error.Path);
        Assert.Contains("Channels[0]", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetChannelsAsync());
    }

    [Fact]
    public async Task SaveAsync_AddressOfAChannelOfAnotherStore_IsRefused()
    {
        var store = new InMemoryConversationStore();
        await TestMail.ConfigureAsync(store);
        var sakuraSupport = TestMail.SupportChannel with { Id = new("sakura-support"), StoreId = TestMail.Sakura, Address = "SUPPORT@northwind.example" };

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() =>
            new StoreDirectory(store).SaveAsync(new Store { Id = TestMail.Sakura, Name = "Sakura" }, [sakuraSupport]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Channels[0].Address", error.Path);
        Assert.Contains($"'{TestMail.Support}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateChannels_SameMailForTwoChannels_NamesTheLaterOne()
    {
        var errors = StoreDirectory.ValidateChannels(
        [
            TestMail.AmazonUsChannel,
            TestMail.AmazonUsChannel with { Id = new("us-2") },
            TestMail.AmazonUsChannel with { Id = new("us-open"), Address = null },
            TestMail.AmazonUsChannel with { Id = new("us-open-2"), Address = null },
            TestMail.SupportChannel with { Address = TestMail.AmazonUsChannel.Address },
            TestMail.AmazonUsChannel with { Id = new("ca"), CountryCode = "CA", MarketplaceId = "A2EUQ1WTGCTBG2" },
        ]);

        // Amazon.com twice on one address, and twice for any address; a mailbox and Amazon.ca may share the address.
        Assert.Equal(["Channels[1].Address", "Channels[3].Address"], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("US", null)]
    [InlineData("UK", null)]
    [InlineData("GB", null)]
    [InlineData("XX1", "CountryCode")]
    [InlineData("us", "CountryCode")]
    [InlineData("ZZ", "CountryCode")]
    public void ValidateChannel_MailboxCountry_IsAnIso3166Alpha2Code(string country, string? path)
    {
        var errors = StoreDirectory.ValidateChannel(TestMail.SupportChannel with { CountryCode = country });

        Assert.Equal(path is null ? [] : [path], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("en-US", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("klingon!", false)]
    [InlineData("english", false)]
    public void ValidateChannel_Language_IsABcp47Tag(string language, bool valid)
    {
        var errors = StoreDirectory.ValidateChannel(TestMail.SupportChannel with { Language = language });

        Assert.Equal(valid ? [] : ["Language"], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(24, null)]
    [InlineData(8760, null)]
    [InlineData(8761, "PromisedResponseTime")]
    [InlineData(100_000_000, "PromisedResponseTime")]
    [InlineData(0, "PromisedResponseTime")]
    public void ValidateChannel_PromisedResponseTime_IsPositiveAndAtMostTheMaximum(int hours, string? path)
    {
        var errors = StoreDirectory.ValidateChannel(TestMail.SupportChannel with { PromisedResponseTime = NodaTime.Duration.FromHours(hours) });

        Assert.Equal(path is null ? [] : [path], errors.Select(e => e.Path));
    }

    [Fact]
    public async Task SetEnabledAsync_UnknownChannel_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new StoreDirectory(new InMemoryConversationStore()).SetEnabledAsync(new ChannelId("x"), false));
        Assert.Equal("id", ex.ParamName);
    }
}
