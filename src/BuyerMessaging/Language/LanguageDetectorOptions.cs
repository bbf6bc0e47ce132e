namespace BuyerMessaging;

/// <summary>Options of <see cref="NgramLanguageDetector"/>.</summary>
public sealed class LanguageDetectorOptions
{
    /// <summary>Gets or sets the fewest letters of the main script needed to detect a language (a Han, kana or Hangul character counts twice).</summary>
    /// <value>The default value is 6.</value>
    public int MinimumLetters { get; set; } = 6;

    /// <summary>Gets or sets the share of the letters the main script must have; below it the text is too mixed.</summary>
    /// <value>The default value is 0.6.</value>
    public double MinimumScriptShare { get; set; } = 0.6;

    /// <summary>Gets or sets the confidence below which the language is reported as unknown.</summary>
    /// <value>The default value is 0.5.</value>
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Gets or sets how many characters of the text are read at most.</summary>
    /// <value>The default value is 4,000.</value>
    public int MaximumLength { get; set; } = 4000;
}
