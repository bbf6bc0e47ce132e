namespace BuyerMessaging.Internal;

/// <summary>
/// The templates a smart-reply policy matches against: its templates that exist and are enabled, in its order; and the
/// library they compete with: the store's other enabled templates (the matcher keeps those in the buyer's language),
/// so that a question another template answers better fails instead of being sent its nearest eligible neighbour.
/// </summary>
internal static class SmartReplyTemplates
{
    /// <summary>
    /// Matches a question against the policy's templates with the store's library competing; a result naming a library
    /// template (from a matcher that ignores <see cref="TemplateMatchRequest.Eligible"/>) is a failed match.
    /// </summary>
    /// <returns>The match, and the library it was made against (the candidates first).</returns>
    public static async Task<(TemplateMatch Match, List<Template> Library)> MatchAsync(
        ITemplateMatcher matcher, IConversationStore store, StoreId storeId, IReadOnlyList<Template> candidates, string text, string? language, CancellationToken cancellationToken)
    {
        var library = await LibraryAsync(store, storeId, candidates, cancellationToken).ConfigureAwait(false);
        var match = await matcher.MatchAsync(
            new TemplateMatchRequest { Text = text, Language = language, Templates = library, Eligible = [.. candidates.Select(c => c.Id)] },
            cancellationToken).ConfigureAwait(false);
        if (match.TemplateId is { } chosen && !candidates.Any(c => c.Id == chosen))
        {
            match = match with { Outcome = MatchOutcome.Failed, TemplateId = null, FailureReason = MatchFailureReason.NotEligible };
        }

        return (match, library);
    }

    /// <summary>The policy's templates followed by the store's other enabled templates.</summary>
    private static async Task<List<Template>> LibraryAsync(IConversationStore store, StoreId storeId, IReadOnlyList<Template> candidates, CancellationToken cancellationToken)
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
