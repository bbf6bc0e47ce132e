namespace BuyerMessaging;

/// <summary>One failing member of a definition: its path (for example "Channels[1].Address") and what is wrong.</summary>
/// <param name="Path">The member's path.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
