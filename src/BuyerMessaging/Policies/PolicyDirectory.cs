namespace BuyerMessaging;

/// <summary>Reads and saves the channels' time policies (SLA rule, auto-reply, smart reply), validating them first.</summary>
public sealed class PolicyDirectory
{
    private readonly IConversationStore _store;

    /// <summary>Initializes a new instance of the <see cref="PolicyDirectory"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public PolicyDirectory(IConversationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Gets a channel's saved policies.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The policies, or <see langword="null"/> when none were saved (the channel's defaults apply).</returns>
    public async Task<ChannelPolicies?> GetAsync(ChannelId channelId, CancellationToken cancellationToken = default)
    {
        var all = await _store.GetChannelPoliciesAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(p => p.ChannelId == channelId);
    }

    /// <summary>Validates and saves a channel's policies, replacing the saved ones.</summary>
    /// <param name="policies">The policies.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A policy is invalid or the channel does not exist; every failing member is listed.</exception>
    public async Task SaveAsync(ChannelPolicies policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        policies.Validate();
        var tx = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            if (!channels.Any(c => c.Id == policies.ChannelId))
            {
                throw new DefinitionValidationException($"Policies of channel '{policies.ChannelId}'", [new(nameof(ChannelPolicies.ChannelId), "There is no such channel.")]);
            }

            await tx.SaveChannelPoliciesAsync(policies, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
