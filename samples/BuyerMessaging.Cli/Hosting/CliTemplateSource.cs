namespace BuyerMessaging.Cli;

/// <summary>
/// The CLI's templates for auto-replies and smart replies: the database's template library first, then the built-in
/// templates in <c>SampleData/auto-reply-templates.json</c> (TemplateJson, read at the first lookup), so that the demo
/// and a fresh database can auto-reply before anyone has written a template.
/// </summary>
internal sealed class CliTemplateSource(IConversationStore store, string bundledPath) : ITemplateSource
{
    private readonly Lazy<InMemoryTemplateSource> _bundled = new(() => new InMemoryTemplateSource(
        File.Exists(bundledPath) ? TemplateJson.Import(File.ReadAllText(bundledPath)) : []));

    /// <summary>Gets the path of the built-in templates: next to the program.</summary>
    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "SampleData", "auto-reply-templates.json");

    /// <summary>Gets the built-in templates.</summary>
    public static IReadOnlyList<Template> Bundled() =>
        File.Exists(BundledPath) ? TemplateJson.Import(File.ReadAllText(BundledPath)) : [];

    public async Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken) =>
        await store.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false)
            ?? await _bundled.Value.GetTemplateAsync(id, cancellationToken).ConfigureAwait(false);
}
