using System.ComponentModel.DataAnnotations;

namespace BuyerMessaging;

/// <summary>Options of <see cref="SemanticTemplateMatcher"/>.</summary>
public sealed class SemanticMatchingOptions
{
    /// <summary>
    /// Gets or sets how much the meaning counts against the words: a candidate's final score is its lexical score
    /// relative to the best candidate's (0 to 1) plus this weight times its semantic similarity (the mean of its closest
    /// example's and its examples' centroid's cosine with the question). Default 10, chosen on the development questions
    /// of the English evaluation suites with all-MiniLM-L6-v2 (see benchmarks/README.md); at 10 the meaning decides
    /// between candidates and the words break near-ties.
    /// </summary>
    [Range(0, 1000)]
    public double Weight { get; set; } = 10;

    /// <summary>
    /// Gets or sets the languages (BCP-47 primary tags) the embedding model understands; questions in other languages
    /// keep the lexical result. Default English only, as all-MiniLM-L6-v2 (an English model) measured on the Japanese
    /// suite ranked worse than the words alone; empty means every language (a multilingual model or provider).
    /// </summary>
    public IList<string> Languages { get; } = ["en"];

    /// <summary>
    /// Gets or sets the semantic similarity (as in <see cref="Weight"/>, from -1 to 1) the best template needs for an
    /// automatic answer: below it, a match the words alone would send is only suggested
    /// (<see cref="MatchFailureReason.MeaningTooFar"/>). Most buyer mail is about something none of a seller's few
    /// smart-reply templates answers, and a question that merely shares a template's words is not close in meaning to
    /// any of its examples. Default 0.7, chosen on the development questions (benchmarks/README.md, "Semantic
    /// re-ranking"): with ten templates of an intent suite it raised precision at auto-send from 85-93 % to 90-99 %; on
    /// the whole suites it costs up to 6 points of coverage. -1 turns the check off.
    /// </summary>
    [Range(-1, 1)]
    public double MinimumSimilarity { get; set; } = 0.7;

    /// <summary>Gets or sets how many of the lexical matcher's best candidates are re-ranked (default 10).</summary>
    [Range(2, 100)]
    public int Candidates { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many templates' example embeddings are kept in memory (default 10,000); above, the cache starts
    /// again empty. A template's embeddings are reused while its name and examples stay the same.
    /// </summary>
    [Range(1, 10_000_000)]
    public int CacheSize { get; set; } = 10_000;
}
