namespace BuyerMessaging;

/// <summary>One ranked template of a match.</summary>
public sealed record TemplateCandidate
{
    /// <summary>Gets the template.</summary>
    public required TemplateId TemplateId { get; init; }

    /// <summary>Gets the matcher's raw score (for the lexical matcher, the classifier's probability plus the weighted BM25
    /// score relative to the best, or BM25 alone when no classifier is trained; comparable only within one match).</summary>
    public required double Score { get; init; }

    /// <summary>Gets the calibrated confidence from 0 to 1 that this template answers the question.</summary>
    public required double Confidence { get; init; }

    /// <summary>Gets the question's terms found in the template, the heaviest first.</summary>
    public IReadOnlyList<MatchedTerm> Terms { get; init; } = [];

    /// <summary>Gets the share of the question's information (IDF) the template explains; a calibration feature.</summary>
    internal double Coverage { get; init; }

    /// <summary>Gets the score margin over the next template, relative to the best score; a calibration feature.</summary>
    internal double Margin { get; init; }

    /// <summary>Gets the classifier's probability for this template above chance, scaled to 0..1, or -1 when no classifier was used; a calibration feature.</summary>
    internal double Probability { get; init; } = -1;

    /// <summary>Gets the share of the closest example's information (IDF) the question contains; a calibration feature.</summary>
    internal double ExampleCoverage { get; init; }
}
