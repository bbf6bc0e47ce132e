namespace BuyerMessaging.Tests;

public sealed class InMemoryRuleIngestionTests : RuleIngestionContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
