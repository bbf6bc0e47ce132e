using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Tests;

/// <summary>The examples of src/BuyerMessaging.Sqlite/README.md, compiled and run (keep them in step).</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Readme_DependencyInjectionExample_Runs()
    {
        var path = _database.Path;
        var services = new ServiceCollection();
        services.AddBuyerMessaging().UseSqlite(path);
        await using var provider = services.BuildServiceProvider();

        var ingestor = provider.GetRequiredService<ConversationIngestor>();
        var store = provider.GetRequiredService<IConversationStore>();
        InboxPage page = await store.QueryAsync(new InboxQuery { Folder = SystemFolders.Open, Text = "配達" });

        Assert.NotNull(ingestor);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Readme_DirectExample_Runs()
    {
        await using var store = await SqliteConversationStore.OpenAsync(_database.Path);
        InboxCounts counts = await store.CountAsync();

        Assert.Equal(0, counts.Total);
    }
}
