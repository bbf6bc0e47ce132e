namespace BuyerMessaging;

/// <summary>
/// Finds the template that answers a buyer message, for smart reply. The SDK's lexical matcher and the AI package's
/// semantic matcher implement it; without one, every match fails (and a person answers).
/// </summary>
public interface ITemplateMatcher
{
    /// <summary>Matches a buyer's text against candidate templates.</summary>
    /// <param name="text">The buyer's own words.</param>
    /// <param name="language">The buyer's language (BCP-47), if known.</param>
    /// <param name="candidates">The templates to choose from (enabled, at most <see cref="SmartReplyPolicy.MaxTemplates"/>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The match, or <see langword="null"/> when no template answers the message.</returns>
    Task<TemplateMatch?> MatchAsync(string text, string? language, IReadOnlyList<Template> candidates, CancellationToken cancellationToken);
}
