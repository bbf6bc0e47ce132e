namespace BuyerMessaging.Tests;

public sealed class InMemoryRuleStoreTests : RuleStoreContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
