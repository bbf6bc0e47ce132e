namespace BuyerMessaging;

/// <summary>
/// Matches a buyer's question to the best of a set of templates (スマートカスタマーサービス), or fails so that a person
/// answers. The default, <see cref="LexicalTemplateMatcher"/>, needs no network; a semantic matcher (for example one built
/// on an embedding generator) can re-rank the candidates of a first matcher passed in
/// <see cref="TemplateMatchRequest.Previous"/>.
/// </summary>
/// <remarks>Implementations are thread-safe, consider only enabled templates in the buyer's language, and never send
/// anything: the outcome is a decision for the caller.</remarks>
public interface ITemplateMatcher
{
    /// <summary>Matches a buyer's question to the templates of the request.</summary>
    /// <param name="request">The question, its language if known, and the templates.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The outcome with the ranked candidates and the terms that decided it.</returns>
    ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default);
}
