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

    /// <summary>Gets the result of a first matcher whose candidates a re-ranking matcher should reorder, if any.</summary>
    public TemplateMatch? Previous { get; init; }
}
