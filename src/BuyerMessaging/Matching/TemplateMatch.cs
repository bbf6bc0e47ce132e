namespace BuyerMessaging;

/// <summary>The result of matching a buyer's question to templates.</summary>
public sealed record TemplateMatch
{
    /// <summary>Gets the outcome.</summary>
    public required MatchOutcome Outcome { get; init; }

    /// <summary>Gets the best template when <see cref="Outcome"/> is matched or suggested; otherwise <see langword="null"/>.</summary>
    public TemplateId? TemplateId { get; init; }

    /// <summary>Gets the best candidate's confidence, from 0 to 1 (0 when there is no candidate).</summary>
    public required double Confidence { get; init; }

    /// <summary>Gets the buyer's language used ("unknown" when it could not be detected).</summary>
    public required string Language { get; init; }

    /// <summary>Gets why the outcome is not <see cref="MatchOutcome.Matched"/>, or <see cref="MatchFailureReason.None"/>.</summary>
    public MatchFailureReason FailureReason { get; init; }

    /// <summary>Gets the ranked candidates, best first, with the terms that decided each.</summary>
    public IReadOnlyList<TemplateCandidate> Candidates { get; init; } = [];

    /// <summary>Gets the auto-send threshold the outcome was decided with.</summary>
    public double AutoSendThreshold { get; init; }

    /// <summary>Gets the suggest threshold the outcome was decided with.</summary>
    public double SuggestThreshold { get; init; }
}
