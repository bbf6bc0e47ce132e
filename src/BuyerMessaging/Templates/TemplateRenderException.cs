namespace BuyerMessaging;

/// <summary>
/// A template could not be rendered: values it needs are missing (all of them are listed in <see cref="Missing"/>), its
/// markup does not parse, or it hit a sandbox bound (loop iterations, output length).
/// </summary>
public sealed class TemplateRenderException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="TemplateRenderException"/> class.</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="missing">The variables that had no value, as "Member: path" (for example "Body: order.date").</param>
    public TemplateRenderException(TemplateId templateId, string message, IReadOnlyList<string>? missing = null)
        : base($"Template '{templateId}' cannot be rendered: {message}")
    {
        TemplateId = templateId;
        Missing = missing ?? [];
    }

    /// <summary>Gets the template.</summary>
    public TemplateId TemplateId { get; }

    /// <summary>Gets the variables that had no value, as "Member: path"; empty when something else went wrong.</summary>
    public IReadOnlyList<string> Missing { get; }
}
