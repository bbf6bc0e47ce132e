namespace BuyerMessaging.Tests;

/// <summary>The work queue contract suite against <see cref="SqliteConversationStore"/>, one temporary file per test.</summary>
public sealed class SqliteWorkQueueTests : WorkQueueContractTests
{
    private readonly TempDatabase _database = new();

    protected override Task<IConversationStore> CreateStoreAsync() => _database.OpenStoreAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
