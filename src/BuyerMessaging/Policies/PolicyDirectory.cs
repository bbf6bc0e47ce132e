using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>Reads and saves the channels' time policies (SLA rule, auto-reply, smart reply), validating them first.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PolicyDirectory
{
    private readonly IConversationStore _store;
    private readonly ITemplateSource _templates;

    /// <summary>Initializes a new instance of the <see cref="PolicyDirectory"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="templates">
    /// Where the automatic replies find their templates, to check the ones a policy names; the store's template library
    /// when <see langword="null"/>. Give the <see cref="ITemplateSource"/> the <see cref="WorkQueueWorker"/> uses (DI does).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public PolicyDirectory(IConversationStore store, ITemplateSource? templates = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _templates = templates ?? new StoreTemplateSource(store);
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

    /// <summary>
    /// Validates and saves a channel's policies, replacing the saved ones. Besides each policy's own checks
    /// (<see cref="ChannelPolicies.Validate"/>), every template an auto-reply or smart reply names must exist in the
    /// <see cref="ITemplateSource"/> and be usable on the channel (<see cref="AutoReplyPolicy.Validate(IReadOnlyDictionary{TemplateId, Template}, Channel, string)"/>,
    /// <see cref="SmartReplyPolicy.Validate(IReadOnlyDictionary{TemplateId, Template}, Channel, string)"/>). A paused
    /// policy's templates are checked only when they change, so that a policy whose template was deleted since can still
    /// be paused; resuming it checks them again. A stored template deleted while the policies are checked is caught again
    /// in the saving transaction, so a saved policy never names a template deleted before it was saved.
    /// </summary>
    /// <param name="policies">The policies.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">
    /// A policy is invalid, names a template that does not exist or cannot be used on the channel
    /// ("AutoReply.FirstContact.Default: Template 'x' does not exist."), or the channel does not exist; every failing
    /// member is listed. Nothing was saved.
    /// </exception>
    public async Task SaveAsync(ChannelPolicies policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var channel = (await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Id == policies.ChannelId);
        List<ValidationError> errors;
        var templates = new Dictionary<TemplateId, Template>();
        var stored = new List<TemplateId>();
        if (channel is null)
        {
            errors = [new(nameof(ChannelPolicies.ChannelId), "There is no such channel."), .. policies.Errors(null, null, null)];
        }
        else
        {
            foreach (var id in policies.TemplateIds().Distinct())
            {
                // The store first: a stored template deleted after this look-up is caught again under the write lock.
                var inStore = await _store.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) is not null;
                if (await _templates.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) is { } template)
                {
                    templates[id] = template;
                    if (inStore)
                    {
                        stored.Add(id);
                    }
                }
            }

            errors = policies.Errors(templates, channel, await GetAsync(policies.ChannelId, cancellationToken).ConfigureAwait(false));
        }

        ThrowIfAny(policies, errors);
        var tx = await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var channels = await tx.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
            if (!channels.Any(c => c.Id == policies.ChannelId))
            {
                // Removed since the check above.
                ThrowIfAny(policies, [new(nameof(ChannelPolicies.ChannelId), "There is no such channel.")]);
            }

            // A stored template the policies name may have been deleted since the check above (TemplateBook refuses to
            // delete one a saved policy names, but these are not saved yet): checked again under the write lock.
            if (stored.Count > 0)
            {
                var gone = new List<TemplateId>();
                foreach (var id in stored)
                {
                    if (await tx.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) is null)
                    {
                        gone.Add(id);
                    }
                }

                if (gone.Count > 0)
                {
                    var remaining = templates.Where(t => !gone.Contains(t.Key)).ToDictionary();
                    var saved = await tx.GetChannelPoliciesAsync(policies.ChannelId, cancellationToken).ConfigureAwait(false);
                    ThrowIfAny(policies, policies.Errors(remaining, channel, saved));
                }
            }

            await tx.SaveChannelPoliciesAsync(policies, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ThrowIfAny(ChannelPolicies policies, List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException($"Policies of channel '{policies.ChannelId}'", errors);
        }
    }
}
