namespace BuyerMessaging.Tests;

/// <summary>The store contract suite against <see cref="InMemoryConversationStore"/>.</summary>
public sealed class InMemoryConversationStoreContractTests : ConversationStoreContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
