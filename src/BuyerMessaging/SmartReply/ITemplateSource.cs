namespace BuyerMessaging;

/// <summary>Looks templates up by id for auto-replies and smart replies.</summary>
public interface ITemplateSource
{
    /// <summary>Gets a template.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The template, or <see langword="null"/> when there is none with that id.</returns>
    Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken);
}
