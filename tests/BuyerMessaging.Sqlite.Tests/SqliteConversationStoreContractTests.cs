namespace BuyerMessaging.Tests;

/// <summary>The store contract suite against <see cref="SqliteConversationStore"/>, one temporary file per test.</summary>
public sealed class SqliteConversationStoreContractTests : ConversationStoreContractTests
{
    private readonly TempDatabase _database = new();

    protected override async Task<IConversationStore> CreateStoreAsync() => await SqliteConversationStore.OpenAsync(_database.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
