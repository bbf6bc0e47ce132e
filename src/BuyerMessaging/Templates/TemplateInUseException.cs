namespace BuyerMessaging;

/// <summary>
/// A template was not deleted because an auto-reply or smart-reply policy still names it (see
/// <see cref="TemplateBook.DeleteAsync(TemplateId, CancellationToken)"/>); <see cref="Uses"/> lists each channel and policy member.
/// </summary>
public sealed class TemplateInUseException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="TemplateInUseException"/> class.</summary>
    /// <param name="templateId">The template that was not deleted.</param>
    /// <param name="uses">The policy members that name it; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="uses"/> is <see langword="null"/>.</exception>
    public TemplateInUseException(TemplateId templateId, IReadOnlyList<TemplateUse> uses)
        : base($"Template '{templateId}' is used by {string.Join(", ", uses ?? [])}; take it out of those policies first, or force the delete, which takes it out of them.")
    {
        ArgumentNullException.ThrowIfNull(uses);
        TemplateId = templateId;
        Uses = uses;
    }

    /// <summary>Gets the template that was not deleted.</summary>
    public TemplateId TemplateId { get; }

    /// <summary>Gets the policy members that name the template, by channel.</summary>
    public IReadOnlyList<TemplateUse> Uses { get; }
}
