namespace BuyerMessaging.Internal;

/// <summary>The matcher used when none is registered: nothing matches, so a person answers.</summary>
internal sealed class NoTemplateMatcher : ITemplateMatcher
{
    public static readonly NoTemplateMatcher Instance = new();

    public Task<TemplateMatch?> MatchAsync(string text, string? language, IReadOnlyList<Template> candidates, CancellationToken cancellationToken) =>
        Task.FromResult<TemplateMatch?>(null);
}
