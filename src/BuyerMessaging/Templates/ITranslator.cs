namespace BuyerMessaging;

/// <summary>
/// Translates text between languages (BCP-47 tags). Used to make a template's language variant
/// (<see cref="TemplateBook.TranslateAsync"/>); the AI package implements it. Text handed to it never contains Liquid
/// markup: each <c>{{ … }}</c> and <c>{% … %}</c> is replaced by a placeholder such as <c>⟦0⟧</c> that must come back
/// unchanged.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface ITranslator
{
    /// <summary>Translates text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourceLanguage">The language of <paramref name="text"/>.</param>
    /// <param name="targetLanguage">The language to translate into.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The translated text.</returns>
    Task<string> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken = default);
}
