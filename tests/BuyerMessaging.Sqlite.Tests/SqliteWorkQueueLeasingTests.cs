using System.Collections.Concurrent;
using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary>Leasing scheduled work from two store objects on one file, as two worker processes would.</summary>
public sealed class SqliteWorkQueueLeasingTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 20, 9, 0);
    private static readonly Duration Lease = Duration.FromMinutes(2);
    private readonly TempDatabase _database = new();
    private IConversationStore _first = null!;
    private IConversationStore _second = null!;

    public async Task InitializeAsync()
    {
        _first = await _database.OpenStoreAsync();
        _second = await _database.OpenStoreAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task LeaseDueWorkAsync_TwoStoresOnOneFile_NeverLeaseTheSameItemTwice()
    {
        const int Items = 600;
        await InTransactionAsync(_first, async tx =>
        {
            for (var i = 0; i < Items; i++)
            {
                await tx.EnqueueWorkAsync(new NewWorkItem(WorkKinds.Event, $"item-{i}", "{}", T0 + Duration.FromSeconds(i % 7)), T0);
            }

            return 0;
        });
        var leases = new ConcurrentBag<(long Id, string Owner)>();

        async Task WorkAsync(IConversationStore store, string owner)
        {
            while (true)
            {
                var leased = await InTransactionAsync(store, tx => tx.LeaseDueWorkAsync(T0 + Duration.FromMinutes(1), owner, Lease, 3));
                if (leased.Count == 0)
                {
                    return;
                }

                foreach (var item in leased)
                {
                    leases.Add((item.Id, owner));
                    Assert.True(await InTransactionAsync(store, tx => tx.EndLeaseAsync(item.Id, owner, WorkItemState.Succeeded, T0 + Duration.FromMinutes(1), owner)));
                }
            }
        }

        // One thread per worker, released together: the store runs SQLite synchronously, so pool tasks would run one by one.
        const int Workers = 6;
        using var start = new Barrier(Workers);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                WorkAsync(i % 2 == 0 ? _first : _second, $"worker-{i}").GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        Assert.Equal(Items, leases.Count);
        Assert.Equal(Items, leases.Select(l => l.Id).Distinct().Count());
        var done = await _second.QueryWorkAsync(new WorkItemQuery { Limit = Items + 1 });
        Assert.Equal(Items, done.Count);
        Assert.All(done, w => Assert.Equal((WorkItemState.Succeeded, 1), (w.State, w.Attempts)));
        Assert.True(leases.Select(l => l.Owner).Distinct().Count() > 1, "Both stores should have taken part.");
    }

    [Fact]
    public async Task LeaseDueWorkAsync_LeaseOfAnotherStoreExpired_IsTakenOverAndTheStaleOwnerCannotEndIt()
    {
        var item = await InTransactionAsync(_first, tx => tx.EnqueueWorkAsync(new NewWorkItem(WorkKinds.Send, "send-1", "{}", T0), T0));
        Assert.Single(await InTransactionAsync(_first, tx => tx.LeaseDueWorkAsync(T0, "worker-a", Lease, 10)));

        Assert.Empty(await InTransactionAsync(_second, tx => tx.LeaseDueWorkAsync(T0 + Lease - Duration.FromSeconds(1), "worker-b", Lease, 10)));
        var taken = Assert.Single(await InTransactionAsync(_second, tx => tx.LeaseDueWorkAsync(T0 + Lease, "worker-b", Lease, 10)));

        Assert.Equal((item.Id, "worker-b", 2), (taken.Id, taken.LeaseOwner, taken.Attempts));
        Assert.False(await InTransactionAsync(_first, tx => tx.EndLeaseAsync(item.Id, "worker-a", WorkItemState.Succeeded, T0 + Lease, "late")));
        Assert.True(await InTransactionAsync(_second, tx => tx.EndLeaseAsync(item.Id, "worker-b", WorkItemState.Succeeded, T0 + Lease, "sent")));
        var done = Assert.Single(await _first.QueryWorkAsync(new WorkItemQuery()));
        Assert.Equal((WorkItemState.Succeeded, "sent", "worker-b"), (done.State, done.Result, done.LeaseOwner));
    }

    private static async Task<T> InTransactionAsync<T>(IConversationStore store, Func<IStoreTransaction, ValueTask<T>> work)
    {
        var tx = await store.BeginTransactionAsync();
        await using (tx)
        {
            var result = await work(tx);
            await tx.CommitAsync();
            return result;
        }
    }
}
