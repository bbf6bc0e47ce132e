namespace BuyerMessaging.Tests;

/// <summary>The automation contract suite (with a second store on the same file for the crash tests) against <see cref="SqliteConversationStore"/>, one temporary file per test.</summary>
public sealed class SqliteAutomationTests : AutomationContractTests
{
    private readonly TempDatabase _database = new();

    protected override Task<IConversationStore> CreateStoreAsync() => _database.OpenStoreAsync();

    protected override Task<IConversationStore> OpenSecondStoreAsync() => _database.OpenStoreAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
