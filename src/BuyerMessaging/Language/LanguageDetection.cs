namespace BuyerMessaging;

/// <summary>The result of language detection.</summary>
/// <param name="Language">The BCP-47 primary tag (for example "ja"), or "unknown".</param>
/// <param name="Confidence">The confidence from 0 to 1.</param>
public sealed record LanguageDetection(string Language, double Confidence)
{
    /// <summary>The tag returned when the language cannot be told.</summary>
    public const string UnknownTag = "unknown";

    /// <summary>Gets the result for text whose language cannot be told.</summary>
    public static LanguageDetection Unknown { get; } = new(UnknownTag, 0);

    /// <summary>Gets a value indicating whether a language was detected.</summary>
    public bool IsKnown => Language != UnknownTag;
}
