namespace BuyerMessaging.Internal;

/// <summary>The templates a smart-reply policy matches against: its templates that exist and are enabled, in its order.</summary>
internal static class SmartReplyTemplates
{
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
