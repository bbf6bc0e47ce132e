namespace BuyerMessaging;

/// <summary>A term of the question found in a template, and how much it added to the template's score.</summary>
/// <param name="Term">The normalised term (a folded word stem, or a pair of Japanese or Chinese characters).</param>
/// <param name="Weight">Its contribution to the score.</param>
public sealed record MatchedTerm(string Term, double Weight);
