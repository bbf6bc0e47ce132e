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
    public async Task SetEnabledAsync_UnknownChannel_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new StoreDirectory(new InMemoryConversationStore()).SetEnabledAsync(new ChannelId("x"), false));
        Assert.Equal("id", ex.ParamName);
    }
}
