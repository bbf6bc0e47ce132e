using NodaTime;

namespace BuyerMessaging.Internal;

/// <content>Work items and channel policies.</content>
internal sealed partial class InMemoryStoreTransaction
{
    public ValueTask<WorkItem> EnqueueWorkAsync(NewWorkItem item, Instant now, CancellationToken cancellationToken = default)
    {
        WorkItemArguments.ThrowIfInvalid(item);
        ThrowIfDone();
        if (state.WorkByKey.TryGetValue(item.IdempotencyKey, out var existingId))
        {
            return ValueTask.FromResult(state.Work[existingId]);
        }

        var id = ++state.LastWorkId;
        var stored = new WorkItem
        {
            Id = id,
            Kind = item.Kind,
            IdempotencyKey = item.IdempotencyKey,
            Payload = item.Payload,
            DueAt = item.DueAt,
            ConversationId = item.ConversationId,
            CorrelationKey = item.CorrelationKey,
            State = WorkItemState.Pending,
            CreatedAt = now,
        };
        state.Work.Set(stored);
        state.WorkByKey[item.IdempotencyKey] = id;
        _undo.Add(UndoEntry.RemoveWork(id, item.IdempotencyKey));
        return ValueTask.FromResult(stored);
    }

    public ValueTask<WorkItem?> GetWorkItemAsync(long id, CancellationToken cancellationToken = default) => Done(state.Work.GetValueOrDefault(id));

    public ValueTask<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default) => Done(state.QueryWork(query));

    public ValueTask<IReadOnlyList<WorkItem>> LeaseDueWorkAsync(Instant now, string owner, Duration leaseDuration, int max, CancellationToken cancellationToken = default)
    {
        WorkItemArguments.ThrowIfInvalidLease(owner, leaseDuration, max);
        ThrowIfDone();
        var due = state.Work.Values
            .Where(w => WorkItemRules.IsLeasable(w, now))
            .OrderBy(w => w.DueAt)
            .ThenBy(w => w.Id)
            .Take(max)
            .ToList();
        var leased = new List<WorkItem>(due.Count);
        foreach (var item in due)
        {
            var updated = item with { State = WorkItemState.Leased, LeaseOwner = owner, LeaseExpiresAt = now + leaseDuration, Attempts = item.Attempts + 1 };
            Replace(item, updated);
            leased.Add(updated);
        }

        return ValueTask.FromResult<IReadOnlyList<WorkItem>>(leased);
    }

    public ValueTask<bool> EndLeaseAsync(long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt = null, CancellationToken cancellationToken = default)
    {
        WorkItemArguments.ThrowIfInvalidEnd(outcome, retryAt);
        ThrowIfDone();
        if (!state.Work.TryGetValue(id, out var item) || item.State != WorkItemState.Leased || !string.Equals(item.LeaseOwner, owner, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(false);
        }

        Replace(item, WorkItemRules.End(item, outcome, now, resultOrError, retryAt));
        return ValueTask.FromResult(true);
    }

    public ValueTask<bool> ReplaceFinishedWorkPayloadAsync(long id, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ThrowIfDone();
        if (!state.Work.TryGetValue(id, out var item) || item.State is WorkItemState.Pending or WorkItemState.Leased)
        {
            return ValueTask.FromResult(false);
        }

        Replace(item, item with { Payload = payload });
        return ValueTask.FromResult(true);
    }

    public ValueTask<int> CancelWorkAsync(ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(reason);
        ThrowIfDone();
        var cancelled = state.Work.Values
            .Where(w => w.ConversationId == conversationId && w.State is WorkItemState.Pending or WorkItemState.Leased && kinds.Contains(w.Kind))
            .ToList();
        foreach (var item in cancelled)
        {
            Replace(item, item with { State = WorkItemState.Cancelled, LastError = reason, CompletedAt = now, LeaseExpiresAt = null });
        }

        return ValueTask.FromResult(cancelled.Count);
    }

    public ValueTask<ChannelPolicies?> GetChannelPoliciesAsync(ChannelId channelId, CancellationToken cancellationToken = default) =>
        Done(state.Policies.GetValueOrDefault(channelId));

    public ValueTask SaveChannelPoliciesAsync(ChannelPolicies policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Replace(state.Policies, policies.ChannelId, policies);
        return ValueTask.CompletedTask;
    }

    private void Replace(WorkItem old, WorkItem updated)
    {
        state.Work.Set(updated);
        _undo.Add(UndoEntry.RestoreWork(old));
    }
}
