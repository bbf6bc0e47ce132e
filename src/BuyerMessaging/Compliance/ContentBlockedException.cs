namespace BuyerMessaging;

/// <summary>An outbound text breaks Amazon's buyer-seller messaging rules and must not be sent as written.</summary>
public sealed class ContentBlockedException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="ContentBlockedException"/> class.</summary>
    /// <param name="blocks">The blocking findings; at least one.</param>
    /// <param name="warnings">The warnings found with them.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ContentBlockedException(IReadOnlyList<ContentFinding> blocks, IReadOnlyList<ContentFinding> warnings)
        : base(Describe(blocks))
    {
        ArgumentNullException.ThrowIfNull(warnings);
        Blocks = blocks;
        Warnings = warnings;
    }

    /// <summary>Gets the blocking findings.</summary>
    public IReadOnlyList<ContentFinding> Blocks { get; }

    /// <summary>Gets the warnings.</summary>
    public IReadOnlyList<ContentFinding> Warnings { get; }

    private static string Describe(IReadOnlyList<ContentFinding> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return "The message breaks Amazon's buyer-seller messaging rules and was not sent: "
            + string.Join("; ", blocks.Select(b => $"[{b.RuleId}] {b.Message} ({b.Part.ToString().ToLowerInvariant()} at {b.Start}: \"{b.Text}\")"));
    }
}
