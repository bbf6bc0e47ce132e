namespace BuyerMessaging;

/// <summary>The findings of a content check.</summary>
/// <param name="Findings">Every finding, ordered by part and position.</param>
public sealed record ContentCheckResult(IReadOnlyList<ContentFinding> Findings)
{
    /// <summary>Gets a result without findings.</summary>
    public static ContentCheckResult Clean { get; } = new([]);

    /// <summary>Gets a value indicating whether a finding blocks the send.</summary>
    public bool IsBlocked => Findings.Any(f => f.Severity == ContentSeverity.Block);

    /// <summary>Gets the blocking findings.</summary>
    public IReadOnlyList<ContentFinding> Blocks => [.. Findings.Where(f => f.Severity == ContentSeverity.Block)];

    /// <summary>Gets the warnings.</summary>
    public IReadOnlyList<ContentFinding> Warnings => [.. Findings.Where(f => f.Severity == ContentSeverity.Warn)];

    /// <summary>Throws when a finding blocks the send; otherwise returns the warnings for the caller to show.</summary>
    /// <returns>The warnings.</returns>
    /// <exception cref="ContentBlockedException">A finding blocks the send.</exception>
    public IReadOnlyList<ContentFinding> ThrowIfBlocked() => IsBlocked ? throw new ContentBlockedException(Blocks, Warnings) : Warnings;
}
