using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Tests;

/// <summary>
/// Scheduled work and the outbox rows of a store: idempotent scheduling, leasing, lease take-over, ending, cancelling,
/// queries and rollback. Part of the store contract: every store implementation derives from this class.
/// </summary>
public abstract class WorkQueueContractTests : IAsyncLifetime
{
    private static readonly Duration Lease = Duration.FromMinutes(2);

    protected FakeClock Clock { get; } = new(TestMail.Start);

    protected IConversationStore Store { get; private set; } = null!;

    protected abstract Task<IConversationStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await TestMail.ConfigureAsync(Store);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Instant Now => Clock.GetCurrentInstant();

    private async Task<T> InTransactionAsync<T>(Func<IStoreTransaction, ValueTask<T>> work, bool commit = true)
    {
        var tx = await Store.BeginTransactionAsync();
        await using (tx)
        {
            var result = await work(tx);
            if (commit)
            {
                await tx.CommitAsync();
            }

            return result;
        }
    }

    private Task<WorkItem> EnqueueAsync(string key, Duration dueIn, string kind = WorkKinds.AutoReply, ConversationId? conversation = null, string? correlation = null) =>
        InTransactionAsync(tx => tx.EnqueueWorkAsync(
            new NewWorkItem(kind, key, "{\"k\":\"" + key + "\"}", Now + dueIn) { ConversationId = conversation, CorrelationKey = correlation }, Now));

    private Task<IReadOnlyList<WorkItem>> LeaseAsync(string owner, int max = 10) =>
        InTransactionAsync(tx => tx.LeaseDueWorkAsync(Now, owner, Lease, max));

    [Fact]
    public async Task LeaseDueWorkAsync_DueFinerThanATick_IsNeverLeasedEarly_NorARetry()
    {
        // A store may keep instants to the 100 ns tick; a due instant finer than that must not fall due before it.
        var due = Now + Duration.FromMinutes(5) + Duration.FromNanoseconds(50);
        await InTransactionAsync(tx => tx.EnqueueWorkAsync(new NewWorkItem(WorkKinds.Send, "fine", "{}", due), Now));
        Assert.True((await Store.QueryWorkAsync(new WorkItemQuery())).Single().DueAt >= due);

        Clock.Reset(due - Duration.FromNanoseconds(1));
        Assert.Empty(await LeaseAsync("w1"));
        Clock.Reset(due + Duration.FromTicks(1));
        var leased = Assert.Single(await LeaseAsync("w1"));

        var retryAt = Now + Duration.FromSeconds(30) + Duration.FromNanoseconds(30);
        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(leased.Id, "w1", WorkItemState.Pending, Now, "later", retryAt)));
        Clock.Reset(retryAt - Duration.FromNanoseconds(1));
        Assert.Empty(await LeaseAsync("w1"));
        Clock.Reset(retryAt + Duration.FromTicks(1));
        Assert.Single(await LeaseAsync("w1"));
    }

    [Fact]
    public async Task EnqueueWorkAsync_StoresEveryField()
    {
        var item = await EnqueueAsync("a", Duration.FromMinutes(5), WorkKinds.Send, new("c1"), "buyer:x");

        var stored = Assert.Single(await Store.QueryWorkAsync(new WorkItemQuery()));
        Assert.Equal(item, stored);
        Assert.True(stored.Id > 0);
        Assert.Equal(WorkKinds.Send, stored.Kind);
        Assert.Equal("a", stored.IdempotencyKey);
        Assert.Equal("{\"k\":\"a\"}", stored.Payload);
        Assert.Equal(Now + Duration.FromMinutes(5), stored.DueAt);
        Assert.Equal(new ConversationId("c1"), stored.ConversationId);
        Assert.Equal("buyer:x", stored.CorrelationKey);
        Assert.Equal(WorkItemState.Pending, stored.State);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAt);
        Assert.Null(stored.LastError);
        Assert.Null(stored.Result);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Null(stored.CompletedAt);
    }

    [Fact]
    public async Task EnqueueWorkAsync_SameKey_KeepsTheFirst()
    {
        var first = await EnqueueAsync("same", Duration.FromMinutes(5));
        Clock.Advance(Duration.FromMinutes(1));
        var second = await EnqueueAsync("same", Duration.FromHours(5), WorkKinds.Send);

        Assert.Equal(first, second);
        Assert.Single(await Store.QueryWorkAsync(new WorkItemQuery()));
    }

    [Fact]
    public async Task Rollback_UndoesEnqueueAndLease()
    {
        await InTransactionAsync(tx => tx.EnqueueWorkAsync(new NewWorkItem(WorkKinds.Event, "gone", "{}", Now), Now), commit: false);
        await EnqueueAsync("kept", Duration.Zero);
        await InTransactionAsync(tx => tx.LeaseDueWorkAsync(Now, "w1", Lease, 10), commit: false);

        var item = Assert.Single(await Store.QueryWorkAsync(new WorkItemQuery()));
        Assert.Equal("kept", item.IdempotencyKey);
        Assert.Equal(WorkItemState.Pending, item.State);
        Assert.Equal(0, item.Attempts);
        // The rolled-back key can be scheduled again.
        await EnqueueAsync("gone", Duration.Zero);
        Assert.Equal(2, (await Store.QueryWorkAsync(new WorkItemQuery())).Count);
    }

    [Fact]
    public async Task LeaseDueWorkAsync_TakesDueItemsEarliestFirstUpToMax()
    {
        await EnqueueAsync("later", Duration.FromMinutes(10));
        await EnqueueAsync("second", Duration.FromMinutes(-1));
        await EnqueueAsync("first", Duration.FromMinutes(-5));
        await EnqueueAsync("third", Duration.Zero);

        var leased = await LeaseAsync("w1", max: 2);

        Assert.Equal(["first", "second"], leased.Select(w => w.IdempotencyKey));
        Assert.All(leased, w =>
        {
            Assert.Equal(WorkItemState.Leased, w.State);
            Assert.Equal("w1", w.LeaseOwner);
            Assert.Equal(Now + Lease, w.LeaseExpiresAt);
            Assert.Equal(1, w.Attempts);
        });
        var third = Assert.Single(await LeaseAsync("w2"));
        Assert.Equal("third", third.IdempotencyKey);
        Assert.Empty(await LeaseAsync("w3"));
        foreach (var (item, owner) in leased.Select(w => (w, "w1")).Append((third, "w2")))
        {
            Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, owner, WorkItemState.Succeeded, Now, null)));
        }

        Clock.Advance(Duration.FromMinutes(10));
        Assert.Equal(["later"], (await LeaseAsync("w3")).Select(w => w.IdempotencyKey));
    }

    [Fact]
    public async Task LeaseDueWorkAsync_ExpiredLease_IsTakenOverAndCountsAnAttempt()
    {
        var item = await EnqueueAsync("a", Duration.Zero);
        await LeaseAsync("dead-worker");
        Clock.Advance(Lease - Duration.FromSeconds(1));
        Assert.Empty(await LeaseAsync("w2"));

        Clock.Advance(Duration.FromSeconds(1));
        var taken = Assert.Single(await LeaseAsync("w2"));

        Assert.Equal(item.Id, taken.Id);
        Assert.Equal("w2", taken.LeaseOwner);
        Assert.Equal(2, taken.Attempts);
        // The dead worker can no longer end it.
        Assert.False(await InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, "dead-worker", WorkItemState.Succeeded, Now, "late")));
        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, "w2", WorkItemState.Succeeded, Now, "msg-1")));
        var done = (await InTransactionAsync(tx => tx.GetWorkItemAsync(item.Id)))!;
        Assert.Equal(WorkItemState.Succeeded, done.State);
        Assert.Equal("msg-1", done.Result);
        Assert.Equal(Now, done.CompletedAt);
        Assert.Null(done.LeaseExpiresAt);
    }

    [Fact]
    public async Task EndLeaseAsync_RetryAndFail()
    {
        var retried = await EnqueueAsync("retry", Duration.Zero);
        var failed = await EnqueueAsync("fail", Duration.Zero);
        await LeaseAsync("w1");

        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(retried.Id, "w1", WorkItemState.Pending, Now, "timeout", Now + Duration.FromMinutes(1))));
        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(failed.Id, "w1", WorkItemState.Failed, Now, "boom")));

        var r = (await InTransactionAsync(tx => tx.GetWorkItemAsync(retried.Id)))!;
        Assert.Equal((WorkItemState.Pending, "timeout", Now + Duration.FromMinutes(1), 1), (r.State, r.LastError, r.DueAt, r.Attempts));
        var f = (await InTransactionAsync(tx => tx.GetWorkItemAsync(failed.Id)))!;
        Assert.Equal((WorkItemState.Failed, "boom", Now), (f.State, f.LastError, f.CompletedAt));
        Assert.Empty(await LeaseAsync("w2"));
        Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(2, Assert.Single(await LeaseAsync("w2")).Attempts);
    }

    [Fact]
    public async Task EndLeaseAsync_NotLeased_ReturnsFalse()
    {
        var item = await EnqueueAsync("a", Duration.Zero);

        Assert.False(await InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, "w1", WorkItemState.Succeeded, Now, null)));
        Assert.False(await InTransactionAsync(tx => tx.EndLeaseAsync(999_999, "w1", WorkItemState.Succeeded, Now, null)));
        await Assert.ThrowsAsync<ArgumentException>("outcome", () => InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, "w1", WorkItemState.Cancelled, Now, null)));
        await Assert.ThrowsAsync<ArgumentException>("retryAt", () => InTransactionAsync(tx => tx.EndLeaseAsync(item.Id, "w1", WorkItemState.Pending, Now, null)));
    }

    [Fact]
    public async Task ReplaceFinishedWorkPayloadAsync_OnlyFinishedItems_AndRollsBack()
    {
        var pending = await EnqueueAsync("pending", Duration.FromHours(1));
        var leased = await EnqueueAsync("leased", Duration.Zero);
        var succeeded = await EnqueueAsync("succeeded", Duration.Zero);
        var failed = await EnqueueAsync("failed", Duration.Zero);
        var cancelled = await EnqueueAsync("cancelled", Duration.FromHours(1), conversation: new ConversationId("c9"));
        await LeaseAsync("w1");
        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(succeeded.Id, "w1", WorkItemState.Succeeded, Now, "sent")));
        Assert.True(await InTransactionAsync(tx => tx.EndLeaseAsync(failed.Id, "w1", WorkItemState.Failed, Now, "boom")));
        Assert.Equal(1, await InTransactionAsync(tx => tx.CancelWorkAsync(new ConversationId("c9"), [WorkKinds.AutoReply], Now, "closed")));

        Assert.False(await InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(pending.Id, "{}")));
        Assert.False(await InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(leased.Id, "{}")));
        Assert.False(await InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(999_999, "{}")));
        Assert.True(await InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(succeeded.Id, "{\"rolled\":1}"), commit: false));
        Assert.Equal(succeeded.Payload, (await InTransactionAsync(tx => tx.GetWorkItemAsync(succeeded.Id)))!.Payload);
        foreach (var item in new[] { succeeded, failed, cancelled })
        {
            Assert.True(await InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(item.Id, "{\"small\":" + item.Id + "}")));
        }

        await Assert.ThrowsAsync<ArgumentNullException>("payload", () => InTransactionAsync(tx => tx.ReplaceFinishedWorkPayloadAsync(succeeded.Id, null!)));
        var all = (await Store.QueryWorkAsync(new WorkItemQuery())).ToDictionary(w => w.Id);
        Assert.Equal(pending.Payload, all[pending.Id].Payload);
        Assert.Equal(leased.Payload, all[leased.Id].Payload);
        Assert.Equal((WorkItemState.Leased, "w1"), (all[leased.Id].State, all[leased.Id].LeaseOwner));
        foreach (var item in new[] { succeeded, failed, cancelled })
        {
            Assert.Equal("{\"small\":" + item.Id + "}", all[item.Id].Payload);
        }

        // Only the payload changes: state, result and error stay as the item ended.
        Assert.Equal((WorkItemState.Succeeded, "sent"), (all[succeeded.Id].State, all[succeeded.Id].Result));
        Assert.Equal((WorkItemState.Failed, "boom"), (all[failed.Id].State, all[failed.Id].LastError));
        Assert.Equal((WorkItemState.Cancelled, "closed"), (all[cancelled.Id].State, all[cancelled.Id].LastError));
    }

    [Fact]
    public async Task CancelWorkAsync_CancelsPendingAndLeasedOfTheKindsAndConversation()
    {
        var c1 = new ConversationId("c1");
        var pending = await EnqueueAsync("pending", Duration.FromHours(1), WorkKinds.AutoReply, c1);
        var leased = await EnqueueAsync("leased", Duration.Zero, WorkKinds.SmartReply, c1);
        var otherKind = await EnqueueAsync("send", Duration.FromHours(1), WorkKinds.Send, c1);
        var otherConversation = await EnqueueAsync("other", Duration.FromHours(1), WorkKinds.AutoReply, new("c2"));
        await LeaseAsync("w1");

        var count = await InTransactionAsync(tx => tx.CancelWorkAsync(c1, WorkKinds.AutomaticReplies, Now, "a person replied"));

        Assert.Equal(2, count);
        var items = (await Store.QueryWorkAsync(new WorkItemQuery())).ToDictionary(w => w.IdempotencyKey);
        Assert.Equal((WorkItemState.Cancelled, "a person replied", Now), (items["pending"].State, items["pending"].LastError, items["pending"].CompletedAt));
        Assert.Equal(WorkItemState.Cancelled, items["leased"].State);
        Assert.Equal(WorkItemState.Pending, items["send"].State);
        Assert.Equal(WorkItemState.Pending, items["other"].State);
        // The worker that leased the cancelled item cannot end it.
        Assert.False(await InTransactionAsync(tx => tx.EndLeaseAsync(leased.Id, "w1", WorkItemState.Succeeded, Now, null)));
        Assert.Equal(0, await InTransactionAsync(tx => tx.CancelWorkAsync(c1, WorkKinds.AutomaticReplies, Now, "again")));
        _ = (pending, otherKind, otherConversation);
    }

    [Fact]
    public async Task QueryWorkAsync_Filters()
    {
        await EnqueueAsync("a", Duration.Zero, WorkKinds.AutoReply, new("c1"), "buyer:1");
        Clock.Advance(Duration.FromHours(1));
        await EnqueueAsync("b", Duration.Zero, WorkKinds.AutoReply, new("c2"), "buyer:1");
        await EnqueueAsync("c", Duration.FromHours(1), WorkKinds.Send, new("c1"));
        await LeaseAsync("w1", max: 1);

        async Task<string[]> Keys(WorkItemQuery q) => [.. (await Store.QueryWorkAsync(q)).Select(w => w.IdempotencyKey)];

        Assert.Equal(["a", "b", "c"], await Keys(new WorkItemQuery()));
        Assert.Equal(["c", "b", "a"], await Keys(new WorkItemQuery { NewestFirst = true }));
        Assert.Equal(["a", "b"], await Keys(new WorkItemQuery { Kinds = [WorkKinds.AutoReply] }));
        Assert.Equal(["a", "c"], await Keys(new WorkItemQuery { ConversationId = new("c1") }));
        Assert.Equal(["a", "b"], await Keys(new WorkItemQuery { CorrelationKey = "buyer:1" }));
        Assert.Equal(["b", "c"], await Keys(new WorkItemQuery { CreatedAtOrAfter = Now }));
        Assert.Equal(["a"], await Keys(new WorkItemQuery { States = [WorkItemState.Leased] }));
        Assert.Equal(["b"], await Keys(new WorkItemQuery { States = [WorkItemState.Pending], CorrelationKey = "buyer:1" }));
        Assert.Equal(["a"], await Keys(new WorkItemQuery { Limit = 1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryWorkAsync(new WorkItemQuery { Limit = 0 }));
    }

    [Fact]
    public async Task ChannelPolicies_SaveReplaceAndRead()
    {
        var policies = new ChannelPolicies
        {
            ChannelId = TestMail.AmazonJp,
            Sla = SlaPolicy.Amazon with { DueSoonThreshold = Duration.FromHours(1) },
            AutoReply = new AutoReplyPolicy
            {
                Schedule = new AutoReplySchedule(TestZones.Tokyo, WeeklySchedule.Parse("Mon-Fri 18:00-09:00,Sat-Sun")),
                FirstContact = TemplateSelection.Always(new("closed")),
            },
        };
        await InTransactionAsync(async tx =>
        {
            await tx.SaveChannelPoliciesAsync(policies);
            return 0;
        });
        await InTransactionAsync(async tx =>
        {
            await tx.SaveChannelPoliciesAsync(policies with { ChannelId = TestMail.AmazonUs, AutoReply = null });
            return 0;
        });
        await InTransactionAsync(async tx =>
        {
            await tx.SaveChannelPoliciesAsync(policies with { ChannelId = TestMail.AmazonUs, SmartReply = new SmartReplyPolicy { Templates = [new("t")] } });
            return 0;
        });

        var all = await Store.GetChannelPoliciesAsync();
        Assert.Equal([TestMail.AmazonUs, TestMail.AmazonJp], all.Select(p => p.ChannelId));
        var jp = (await InTransactionAsync(tx => tx.GetChannelPoliciesAsync(TestMail.AmazonJp)))!;
        Assert.Equal(Duration.FromHours(1), jp.Sla!.DueSoonThreshold);
        Assert.Equal("Asia/Tokyo Mon-Fri 18:00-09:00,Sat-Sun", jp.AutoReply!.Schedule.ToString());
        Assert.NotNull(all[0].SmartReply);
        Assert.Null(await InTransactionAsync(tx => tx.GetChannelPoliciesAsync(TestMail.Support)));
    }
}

public sealed class InMemoryWorkQueueTests : WorkQueueContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}
