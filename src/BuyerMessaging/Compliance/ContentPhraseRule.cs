namespace BuyerMessaging;

/// <summary>
/// A data-driven content rule: regular expressions matched against the folded text (<see cref="TextFolding.Fold"/>: NFKC
/// and lower case, so write patterns in lower case and half-width; full-width input still matches). Add, remove or
/// replace phrase rules in <see cref="ContentCheckOptions.PhraseRules"/>.
/// </summary>
public sealed record ContentPhraseRule
{
    /// <summary>Gets the rule's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the severity of its findings.</summary>
    public required ContentSeverity Severity { get; init; }

    /// <summary>Gets the patterns (.NET regular expressions on folded text, matched case-insensitively).</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>Gets what is wrong, in English.</summary>
    public required string Message { get; init; }

    /// <summary>Gets what is wrong, in Japanese.</summary>
    public required string MessageJa { get; init; }

    /// <summary>Gets the parts it checks; empty for the subject and the body.</summary>
    public IReadOnlyList<ContentPart> Parts { get; init; } = [];
}
