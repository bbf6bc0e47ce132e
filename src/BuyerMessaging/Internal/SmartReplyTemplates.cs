namespace BuyerMessaging.Internal;

/// <summary>
/// The templates a smart-reply policy matches against: its templates that exist and are enabled, in its order; and the
/// library they compete with: the store's other enabled templates (the matcher keeps those in the buyer's language),
/// so that a question another template answers better fails instead of being sent its nearest eligible neighbour.
/// </summary>
internal static class SmartReplyTemplates
{
    /// <summary>The policy's templates followed by the store's other enabled templates.</summary>
    public static async Task<List<Template>> LibraryAsync(IConversationStore store, StoreId storeId, IReadOnlyList<Template> candidates, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.Id).ToHashSet();
        var library = new List<Template>(candidates);
        foreach (var template in await store.GetTemplatesAsync(storeId, cancellationToken).ConfigureAwait(false))
        {
            if (template.Enabled && ids.Add(template.Id))
            {
                library.Add(template);
            }
        }

        return library;
    }

    public static async Task<List<Template>> LoadAsync(ITemplateSource source, SmartReplyPolicy policy, CancellationToken cancellationToken)
    {
        var candidates = new List<Template>(policy.Templates.Count);
        foreach (var id in policy.Templates)
        {
            if (await source.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false) is { Enabled: true } template)
            {
                candidates.Add(template);
            }
        }

        return candidates;
    }
}
