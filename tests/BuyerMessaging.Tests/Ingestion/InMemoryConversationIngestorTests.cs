namespace BuyerMessaging.Tests;

public sealed class InMemoryConversationIngestorTests : ConversationIngestorContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
