namespace BuyerMessaging.Internal;

/// <summary>The default <see cref="ITemplateSource"/>: the templates saved in the store (the template library).</summary>
internal sealed class StoreTemplateSource(IConversationStore store) : ITemplateSource
{
    public Task<Template?> GetTemplateAsync(TemplateId id, CancellationToken cancellationToken) =>
        store.GetTemplateAsync(id, cancellationToken);
}
