namespace BuyerMessaging.Tests;

/// <summary>The rule ingestion contract suite against <see cref="SqliteConversationStore"/>, a new temporary file per store.</summary>
public sealed class SqliteRuleIngestionTests : RuleIngestionContractTests
{
    private readonly List<TempDatabase> _databases = [];

    /// <summary>Opens a store on a new file: the round-trip test asks for a second, empty store.</summary>
    protected override Task<IConversationStore> CreateStoreAsync()
    {
        var database = new TempDatabase();
        _databases.Add(database);
        return database.OpenStoreAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
