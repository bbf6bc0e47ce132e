using System.Collections.Concurrent;

namespace BuyerMessaging;

/// <summary>An <see cref="ITemplateSource"/> over templates held in memory (for example imported with <see cref="TemplateJson"/>). Thread-safe.</summary>
public sealed class InMemoryTemplateSource : ITemplateSource
{
    private readonly ConcurrentDictionary<TemplateId, Template> _templates = new();

    /// <summary>Initializes a new instance of the <see cref="InMemoryTemplateSource"/> class.</summary>
    /// <param name="templates">The initial templates; a later one replaces an earlier one with the same id.</param>
    public InMemoryTemplateSource(IEnumerable<Template>? templates = null)
    {
        foreach (var template in templates ?? [])
        {
            Set(template);
        }
    }

    /// <summary>Adds or replaces a template.</summary>
    /// <param name="template">The template.</param>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    public void Set(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _templates[template.Id] = template;
    }

    /// <inheritdoc />
    public Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken) =>
        Task.FromResult(_templates.GetValueOrDefault(id));
}
