using NodaTime;

namespace BuyerMessaging.Internal;

// TEMPORARY (integration branch only): the rule, agent, template, policy and work-queue tables are not in the SQLite
// schema yet. Reads answer "none"; writes refuse. Replaced by the real implementation before this reaches main.
internal sealed partial class SqliteStoreTransaction
{
    private static NotSupportedException Pending() => new("Not yet supported by the SQLite store.");

    public ValueTask<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(RuleSet.Empty);

    public ValueTask SaveRuleAsync(Rule rule, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<bool> DeleteRuleAsync(RuleId id, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<Agent>>([]);

    public ValueTask SaveAgentAsync(Agent agent, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) => ValueTask.FromResult<Template?>(null);

    public ValueTask<IReadOnlyList<Template>> GetTemplatesAsync(StoreId? storeId = null, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<Template>>([]);

    public ValueTask SaveTemplateAsync(Template template, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<bool> DeleteTemplateAsync(TemplateId id, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<IReadOnlyList<TemplateId>> GetFavouritesAsync(StoreId storeId, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<TemplateId>>([]);

    public ValueTask SetFavouritesAsync(StoreId storeId, IReadOnlyList<TemplateId> templateIds, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<WorkItem> EnqueueWorkAsync(NewWorkItem item, Instant now, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<WorkItem?> GetWorkItemAsync(long id, CancellationToken cancellationToken = default) => ValueTask.FromResult<WorkItem?>(null);

    public ValueTask<IReadOnlyList<WorkItem>> QueryWorkAsync(WorkItemQuery query, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<WorkItem>>([]);

    public ValueTask<IReadOnlyList<WorkItem>> LeaseDueWorkAsync(Instant now, string owner, Duration leaseDuration, int max, CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<WorkItem>>([]);

    public ValueTask<bool> EndLeaseAsync(long id, string owner, WorkItemState outcome, Instant now, string? resultOrError, Instant? retryAt = null, CancellationToken cancellationToken = default) => throw Pending();

    public ValueTask<int> CancelWorkAsync(ConversationId conversationId, IReadOnlyCollection<string> kinds, Instant now, string reason, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);

    public ValueTask<ChannelPolicies?> GetChannelPoliciesAsync(ChannelId channelId, CancellationToken cancellationToken = default) => ValueTask.FromResult<ChannelPolicies?>(null);

    public ValueTask SaveChannelPoliciesAsync(ChannelPolicies policies, CancellationToken cancellationToken = default) => throw Pending();
}
