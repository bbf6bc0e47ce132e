namespace BuyerMessaging;

/// <summary>
/// Renders a template for a conversation (subject, text, HTML) before an auto-reply or smart reply is sent. The
/// default is <see cref="LiquidTemplateRenderer"/> (Liquid subset, sandboxed, dates in the channel's language and
/// zone); a renderer must refuse rather than send anything half-rendered.
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
