using Microsoft.Extensions.Logging;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>What the work handlers share: the store, time, the worker's identity and the ports.</summary>
internal sealed class WorkContext(
    IConversationStore store,
    IClock clock,
    string workerId,
    InboxAutomation automation,
    IOutboundSender sender,
    IReadOnlyList<IInboxEventHandler> eventHandlers,
    ITemplateSource templates,
    ITemplateMatcher matcher,
    ITemplateRenderer renderer,
    ILogger logger,
    IContentChecker contentChecker)
{
    public IContentChecker ContentChecker => contentChecker;

    public IConversationStore Store => store;

    public IClock Clock => clock;

    public string WorkerId => workerId;

    public InboxAutomation Automation => automation;

    public IOutboundSender Sender => sender;

    public IReadOnlyList<IInboxEventHandler> EventHandlers => eventHandlers;

    public ITemplateSource Templates => templates;

    public ITemplateMatcher Matcher => matcher;

    public ITemplateRenderer Renderer => renderer;

    public ILogger Logger => logger;

    /// <summary>
    /// Ends a leased item as succeeded, applying its effects in the same transaction, but only while this worker still
    /// holds the lease: when the item was taken over or cancelled, nothing is applied.
    /// </summary>
    /// <returns><see langword="true"/> when committed; <see langword="false"/> when the lease was lost.</returns>
    public Task<bool> CompleteAsync(WorkItem item, string result, Func<IStoreTransaction, Instant, ValueTask>? effects, CancellationToken cancellationToken) =>
        CompleteAsync(item, result, effects, null, cancellationToken);

    /// <summary>
    /// Ends a leased item as <see cref="CompleteAsync(WorkItem, string, Func{IStoreTransaction, Instant, ValueTask}?, CancellationToken)"/>
    /// does, then keeps <paramref name="finishedPayload"/> as its payload.
    /// </summary>
    /// <param name="item">The leased item.</param>
    /// <param name="result">The item's result.</param>
    /// <param name="effects">What the item changes, in the same transaction.</param>
    /// <param name="finishedPayload">A smaller payload to keep once the item has succeeded (a sent reply without its files' contents), or <see langword="null"/> to keep it as it is.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when committed; <see langword="false"/> when the lease was lost.</returns>
    public async Task<bool> CompleteAsync(WorkItem item, string result, Func<IStoreTransaction, Instant, ValueTask>? effects, string? finishedPayload, CancellationToken cancellationToken)
    {
        var tx = await store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var now = clock.GetCurrentInstant();
            var current = await tx.GetWorkItemAsync(item.Id, cancellationToken).ConfigureAwait(false);
            if (current is not { State: WorkItemState.Leased } || !string.Equals(current.LeaseOwner, workerId, StringComparison.Ordinal))
            {
                Log.LeaseLost(logger, item.Id, item.Kind);
                return false;
            }

            if (effects is not null)
            {
                await effects(tx, now).ConfigureAwait(false);
            }

            await tx.EndLeaseAsync(item.Id, workerId, WorkItemState.Succeeded, now, result, null, cancellationToken).ConfigureAwait(false);
            if (finishedPayload is not null)
            {
                await tx.ReplaceFinishedWorkPayloadAsync(item.Id, finishedPayload, cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            Log.WorkSucceeded(logger, item.Id, item.Kind, result);
            return true;
        }
    }

    public async Task<Channel?> GetChannelAsync(ChannelId id, CancellationToken cancellationToken)
    {
        var channels = await store.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
        return channels.FirstOrDefault(c => c.Id == id);
    }

    public async Task<ChannelPolicies?> GetPoliciesAsync(ChannelId id, CancellationToken cancellationToken)
    {
        var all = await store.GetChannelPoliciesAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(p => p.ChannelId == id);
    }
}
