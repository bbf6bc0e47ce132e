namespace BuyerMessaging;

/// <summary>
/// A content rule written in code, added to the checker through <see cref="ContentCheckOptions.CustomRules"/> (phrase
/// rules need no code: see <see cref="ContentPhraseRule"/>).
/// </summary>
public interface IContentRule
{
    /// <summary>Gets the rule's id, used in findings and by <see cref="ContentCheckOptions.DisabledRules"/>.</summary>
    string Id { get; }

    /// <summary>Checks a text.</summary>
    /// <param name="request">The text and its context.</param>
    /// <returns>The findings.</returns>
    IEnumerable<ContentFinding> Check(ContentCheckRequest request);
}
