namespace BuyerMessaging;

/// <summary>What a forced delete (<see cref="TemplateBook.ForceDeleteAsync"/>) did.</summary>
/// <param name="Deleted">Whether the template existed and was deleted.</param>
/// <param name="RemovedFrom">The policy members the template was taken out of, by channel.</param>
/// <param name="Paused">
/// The policies paused because they were left with no template to send (<see cref="TemplateUse.Member"/> is
/// <c>AutoReply</c> or <c>SmartReply</c>); resume them after giving them a template.
/// </param>
public sealed record TemplateDeletion(bool Deleted, IReadOnlyList<TemplateUse> RemovedFrom, IReadOnlyList<TemplateUse> Paused);
