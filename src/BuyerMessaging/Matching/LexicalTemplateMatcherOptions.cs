namespace BuyerMessaging;

/// <summary>Options of <see cref="LexicalTemplateMatcher"/>.</summary>
/// <remarks>The default thresholds were chosen by measurement on the development parts of three English intent data
/// sets (Banking77, CLINC150 with its out-of-scope queries, Bitext customer support) and checked on their test parts:
/// see "Smart-reply matching" in benchmarks/README.md.</remarks>
public sealed class LexicalTemplateMatcherOptions
{
    /// <summary>Gets or sets the confidence at or above which the best template may be sent automatically.</summary>
    /// <value>The default value is 0.96: 98.7 % precision on the development questions, at least 98.7 % on every test set
    /// (one template per intent). With 10 templates and mostly unrelated questions, precision is lower (73–87 % on the
    /// English sets): see benchmarks/README.md, "Smart-reply matching".</value>
    public double AutoSendThreshold { get; set; } = 0.96;

    /// <summary>Gets or sets the confidence at or above which the best template is suggested to a person.</summary>
    /// <value>The default value is 0.6 (about 89 % of suggestions are right on the development questions).</value>
    public double SuggestThreshold { get; set; } = 0.6;

    /// <summary>Gets or sets how many ranked candidates a match returns at most.</summary>
    /// <value>The default value is 5.</value>
    public int MaxCandidates { get; set; } = 5;

    /// <summary>Gets or sets BM25's term-frequency saturation, k1.</summary>
    /// <value>The default value is 1.2.</value>
    public double K1 { get; set; } = 1.2;

    /// <summary>Gets or sets the largest number of templates (of one language) for which a classifier is trained on the
    /// templates' names and example questions; above it, or when set to 0, BM25 ranks alone.</summary>
    /// <value>The default value is 200.</value>
    /// <remarks>The classifier (a softmax over words, word pairs and character n-grams) adds 2 to 6 points of top-1
    /// accuracy on the evaluation data. It is trained once per template list and language, on first use, in time and
    /// memory proportional to examples × features × templates: about 50 ms and 0.4 MB for 10 templates of 10 examples,
    /// about a second and 8 MB for 150, hence the bound.</remarks>
    public int ClassifierTemplateLimit { get; set; } = 200;

    /// <summary>Gets or sets BM25's length normalisation, b (0 for none, 1 for full).</summary>
    /// <value>The default value is 0.75.</value>
    public double B { get; set; } = 0.75;
}
