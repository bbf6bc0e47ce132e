namespace BuyerMessaging;

/// <summary>Checks outbound text (replies, auto-replies, smart replies, AI drafts, templates) against Amazon's messaging rules.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IContentChecker
{
    /// <summary>Checks a text.</summary>
    /// <param name="request">The text and its context.</param>
    /// <returns>The findings; block findings must stop the send (see <see cref="ContentCheckResult.ThrowIfBlocked"/>).</returns>
    ContentCheckResult Check(ContentCheckRequest request);
}
