namespace BuyerMessaging;

/// <summary>
/// Renders a template for a conversation (subject, text, HTML) before an auto-reply or smart reply is sent. The
/// default renderer fills the simple variables <c>{{ buyer_name }}</c>, <c>{{ order_id }}</c>, <c>{{ store_name }}</c>
/// and <c>{{ channel_name }}</c> and refuses a template that holds anything else, so that nothing half-rendered
/// reaches a buyer; the templates package replaces it with full Liquid.
/// </summary>
public interface ITemplateRenderer
{
    /// <summary>Renders a template.</summary>
    /// <param name="template">The template.</param>
    /// <param name="conversation">The conversation it answers.</param>
    /// <param name="channel">The channel it leaves by.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The rendered reply.</returns>
    Task<RenderedTemplate> RenderAsync(Template template, Conversation conversation, Channel channel, CancellationToken cancellationToken);
}
