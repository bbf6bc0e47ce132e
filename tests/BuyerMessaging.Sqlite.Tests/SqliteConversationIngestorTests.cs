namespace BuyerMessaging.Tests;

/// <summary>The ingestion contract suite against <see cref="SqliteConversationStore"/>, one temporary file per test.</summary>
public sealed class SqliteConversationIngestorTests : ConversationIngestorContractTests
{
    private readonly TempDatabase _database = new();

    protected override async Task<IConversationStore> CreateStoreAsync() => await SqliteConversationStore.OpenAsync(_database.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database.Dispose();
    }
}
