namespace BuyerMessaging;

/// <summary>A store already has <see cref="TemplateBookOptions.MaxFavourites"/> favourite templates and another was added.</summary>
public sealed class TemplateFavouritesFullException : BuyerMessagingException
{
    /// <summary>Initializes a new instance of the <see cref="TemplateFavouritesFullException"/> class.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="templateId">The template that was not added.</param>
    public TemplateFavouritesFullException(StoreId storeId, TemplateId templateId)
        : base($"Store '{storeId}' already has {TemplateBookOptions.MaxFavourites} favourite templates, the most allowed; remove one before adding '{templateId}'.")
    {
        StoreId = storeId;
        TemplateId = templateId;
    }

    /// <summary>Gets the store.</summary>
    public StoreId StoreId { get; }

    /// <summary>Gets the template that was not added.</summary>
    public TemplateId TemplateId { get; }
}
