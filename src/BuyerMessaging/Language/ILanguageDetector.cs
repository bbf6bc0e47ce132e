namespace BuyerMessaging;

/// <summary>Detects the language of a buyer's text, offline.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ILanguageDetector
{
    /// <summary>Detects the language of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The language, with <see cref="LanguageDetection.Unknown"/> when the text is too short or too mixed.</returns>
    LanguageDetection Detect(string text);

    /// <summary>
    /// Detects the language of <paramref name="text"/> written where one language is likely: mail relayed by an
    /// Amazon marketplace, most of whose buyers write its language. The likely language only decides between languages
    /// the text itself cannot tell apart; the default implementation ignores it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="likelyLanguage">The language the context makes likely (BCP-47 primary tag), or <see langword="null"/>.</param>
    /// <returns>The language, with <see cref="LanguageDetection.Unknown"/> when the text is too short or too mixed.</returns>
    LanguageDetection Detect(string text, string? likelyLanguage) => Detect(text);
}
