using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>
/// The store contract: the documented semantics of <see cref="IConversationStore"/> and <see cref="IStoreTransaction"/>.
/// Every store implementation runs this suite by deriving from it and creating an empty store in
/// <see cref="CreateStoreAsync"/>. Data is created directly through <see cref="IStoreTransaction"/>.
/// </summary>
public abstract partial class ConversationStoreContractTests : IAsyncLifetime
{
    protected static readonly Instant T0 = Instant.FromUtc(2026, 11, 20, 9, 0);
    protected static readonly StoreId StoreA = new("store-a");
    protected static readonly StoreId StoreB = new("store-b");
    protected static readonly ChannelId ChannelA1 = new("store-a-amazon-us");
    protected static readonly ChannelId ChannelA2 = new("store-a-support");
    protected static readonly ChannelId ChannelB1 = new("store-b-amazon-jp");

    /// <summary>Gets the store under test, created empty for each test.</summary>
    protected IConversationStore Store { get; private set; } = null!;

    /// <summary>Creates an empty store.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IConversationStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>A conversation of <see cref="StoreA"/> on <see cref="ChannelA1"/> with the required fields only.</summary>
    protected static Conversation NewConversation(ConversationId id) => new()
    {
        Id = id,
        StoreId = StoreA,
        ChannelId = ChannelA1,
        Buyer = new Buyer("Jane Doe", "jane@example.com", IsRelayAlias: false),
        Subject = "Where is my parcel?",
        Status = ConversationStatus.Open,
        FirstInboundAt = T0,
        LastInboundAt = T0,
        UpdatedAt = T0,
        Version = 1,
    };

    /// <summary>An inbound message with the required fields only.</summary>
    protected static Message NewMessage(MessageId id, ConversationId conversationId) => new()
    {
        Id = id,
        ConversationId = conversationId,
        ChannelId = ChannelA1,
        Direction = MessageDirection.Inbound,
        From = new MailParticipant("Jane Doe", "jane@example.com"),
        Subject = "Where is my parcel?",
        Text = "It has not arrived yet.",
        At = T0,
    };

    /// <summary>Runs <paramref name="action"/> in a transaction and commits it.</summary>
    protected async Task InTransactionAsync(Func<IStoreTransaction, Task> action)
    {
        var transaction = await Store.BeginTransactionAsync();
        await using (transaction)
        {
            await action(transaction);
            await transaction.CommitAsync();
        }
    }

    /// <summary>Inserts a conversation with a new id, changed by <paramref name="configure"/>, and commits.</summary>
    protected async Task<Conversation> AddConversationAsync(Func<Conversation, Conversation>? configure = null)
    {
        Conversation? conversation = null;
        await InTransactionAsync(async tx =>
        {
            var fresh = NewConversation(await tx.NewConversationIdAsync());
            conversation = configure is null ? fresh : configure(fresh);
            await tx.InsertConversationAsync(conversation);
        });
        return conversation!;
    }

    /// <summary>Inserts <paramref name="count"/> conversations in one transaction.</summary>
    protected async Task<IReadOnlyList<Conversation>> AddConversationsAsync(int count, Func<int, Conversation, Conversation> configure)
    {
        var conversations = new List<Conversation>(count);
        await InTransactionAsync(async tx =>
        {
            for (var i = 0; i < count; i++)
            {
                var conversation = configure(i, NewConversation(await tx.NewConversationIdAsync()));
                await tx.InsertConversationAsync(conversation);
                conversations.Add(conversation);
            }
        });
        return conversations;
    }

    /// <summary>Inserts a message with a new id into a conversation, changed by <paramref name="configure"/>, and commits.</summary>
    protected async Task<Message> AddMessageAsync(ConversationId conversationId, Func<Message, Message>? configure = null)
    {
        Message? message = null;
        await InTransactionAsync(async tx =>
        {
            var fresh = NewMessage(await tx.NewMessageIdAsync(), conversationId);
            message = configure is null ? fresh : configure(fresh);
            await tx.InsertMessageAsync(message);
        });
        return message!;
    }

    /// <summary>Asserts that a stored conversation equals the one written, list properties compared by content.</summary>
    protected static void AssertEquivalent(Conversation expected, Conversation? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected, actual with { Tags = expected.Tags });
    }

    /// <summary>Asserts that a stored message equals the one written, list properties and attachment bytes compared by content.</summary>
    protected static void AssertEquivalent(Message expected, Message? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Cc, actual.Cc);
        Assert.Equal(expected.Attachments.Count, actual.Attachments.Count);
        for (var i = 0; i < expected.Attachments.Count; i++)
        {
            Assert.Equal(expected.Attachments[i].FileName, actual.Attachments[i].FileName);
            Assert.Equal(expected.Attachments[i].ContentType, actual.Attachments[i].ContentType);
            Assert.Equal(expected.Attachments[i].Content.ToArray(), actual.Attachments[i].Content.ToArray());
            Assert.Equal(expected.Attachments[i].Defect, actual.Attachments[i].Defect);
        }

        Assert.Equal(expected, actual with { References = expected.References, To = expected.To, Cc = expected.Cc, Attachments = expected.Attachments });
    }

    /// <summary>Gets the ids of the first page of a query.</summary>
    protected async Task<IReadOnlyList<ConversationId>> QueryIdsAsync(InboxQuery query) =>
        [.. (await Store.QueryAsync(query)).Items.Select(c => c.Id)];
}
