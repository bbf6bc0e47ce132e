using Microsoft.Extensions.Options;
using NodaTime;

namespace BuyerMessaging.Tests.Differential;

/// <summary>
/// One store under the differential test with the SDK's public operations wired to it: the real ingestor, editor,
/// folder editor and directory, all on the scenario's shared clock.
/// </summary>
internal sealed class StoreSide : IAsyncDisposable
{
    private readonly TempDatabase? _database;

    private StoreSide(string name, IConversationStore store, IClock clock, TempDatabase? database)
    {
        Name = name;
        Store = store;
        _database = database;
        Ingestor = new ConversationIngestor(store, clock, Options.Create(new IngestionOptions()));
        Editor = new ConversationEditor(store, clock);
        Folders = new FolderEditor(store, clock);
        Directory = new StoreDirectory(store);
    }

    public string Name { get; }

    public IConversationStore Store { get; }

    public ConversationIngestor Ingestor { get; }

    public ConversationEditor Editor { get; }

    public FolderEditor Folders { get; }

    public StoreDirectory Directory { get; }

    public static StoreSide InMemory(IClock clock) => new("in-memory", new InMemoryConversationStore(), clock, null);

    /// <summary>Opens a SQLite store on a fresh file; <paramref name="searchBatchSize"/> decides when queued texts move into the full-text index.</summary>
    public static async Task<StoreSide> SqliteAsync(IClock clock, int searchBatchSize)
    {
        var database = new TempDatabase();
        var store = await SqliteConversationStore.OpenAsync(database.Path);
        store.SearchBatchSize = searchBatchSize;
        return new StoreSide("sqlite", store, clock, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database?.Dispose();
    }
}
