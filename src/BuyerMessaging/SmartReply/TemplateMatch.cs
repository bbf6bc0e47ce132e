namespace BuyerMessaging;

/// <summary>A template an <see cref="ITemplateMatcher"/> chose for a buyer message.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="Score">How well it matches, from 0 to 1.</param>
public sealed record TemplateMatch(TemplateId TemplateId, double Score);
