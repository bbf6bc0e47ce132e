using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddBuyerMessaging_RegistersSingletonsWithInMemoryDefaults()
    {
        using var provider = new ServiceCollection().AddBuyerMessaging().Services.BuildServiceProvider();

        Assert.IsType<InMemoryConversationStore>(provider.GetRequiredService<IConversationStore>());
        Assert.Same(provider.GetRequiredService<ConversationIngestor>(), provider.GetRequiredService<ConversationIngestor>());
        Assert.NotNull(provider.GetRequiredService<ConversationEditor>());
        Assert.NotNull(provider.GetRequiredService<FolderEditor>());
        Assert.NotNull(provider.GetRequiredService<StoreDirectory>());
        Assert.NotNull(provider.GetRequiredService<IClock>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBuyerMessaging_HostRegistrationsWin()
    {
        var clock = new FakeClock(TestMail.Start);
        var store = new InMemoryConversationStore();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IConversationStore>(store);

        using var provider = services.AddBuyerMessaging().Services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(store, provider.GetRequiredService<IConversationStore>());
    }

    [Fact]
    public void AddBuyerMessaging_InvalidOptions_FailOnFirstAccess()
    {
        using var provider = new ServiceCollection()
            .AddBuyerMessaging(o => o.DefaultStoreId = " ")
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Assert.Contains("DefaultStoreId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBuyerMessaging_NullServices_Throws() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => BuyerMessagingServiceCollectionExtensions.AddBuyerMessaging(null!)).ParamName);
}
