namespace BuyerMessaging;

/// <summary>
/// An extra check run by <see cref="TemplateBook.SaveAsync"/> after its own validation, for example the Amazon content
/// check (links, e-mail addresses, review requests…). Every error it returns blocks the save and is reported with the
/// others.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface ITemplateSaveCheck
{
    /// <summary>Checks a template about to be saved.</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The problems, each with the member it is in ("Body: …"); empty to allow the save.</returns>
    ValueTask<IReadOnlyList<ValidationError>> CheckAsync(Template template, CancellationToken cancellationToken = default);
}
