namespace BuyerMessaging;

/// <summary>Detects the language of a buyer's text, offline.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ILanguageDetector
{
    /// <summary>Detects the language of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The language, with <see cref="LanguageDetection.Unknown"/> when the text is too short or too mixed.</returns>
    LanguageDetection Detect(string text);
}
