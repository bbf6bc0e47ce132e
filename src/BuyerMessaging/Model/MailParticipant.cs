namespace BuyerMessaging;

/// <summary>A sender or recipient of a message: a display name and an address.</summary>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
/// <param name="Address">The e-mail address (for Amazon buyers, the anonymised relay alias).</param>
public sealed record MailParticipant(string? Name, string Address)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}
