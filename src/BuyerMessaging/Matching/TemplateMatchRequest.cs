namespace BuyerMessaging;

/// <summary>A buyer's question to match against templates.</summary>
public sealed record TemplateMatchRequest
{
    /// <summary>Gets the buyer's question (the text of the message).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the buyer's language (BCP-47); when <see langword="null"/> the matcher detects it.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the templates to choose from; only enabled templates in the buyer's language are considered.</summary>
    /// <remarks>Pass the same list instance for repeated questions: matchers may cache what they compute from it.</remarks>
    public required IReadOnlyList<Template> Templates { get; init; }

    /// <summary>
    /// Gets the templates the outcome may name, or <see langword="null"/> for all of <see cref="Templates"/>. The others
    /// still compete: when one of them ranks first, the match fails with <see cref="MatchFailureReason.NotEligible"/>
    /// instead of naming its nearest eligible neighbour. Smart reply passes the store's whole template library in the
    /// buyer's language as <see cref="Templates"/> and its own templates here, so that a question another template
    /// answers better is left to a person.
    /// </summary>
    public IReadOnlyCollection<TemplateId>? Eligible { get; init; }

    /// <summary>Gets the result of a first matcher whose candidates a re-ranking matcher should reorder, if any.</summary>
    public TemplateMatch? Previous { get; init; }
}
