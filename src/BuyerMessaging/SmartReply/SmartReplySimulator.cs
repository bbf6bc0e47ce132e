using System.Globalization;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// Previews what a channel's smart reply (スマートカスタマーサービス) would do with a buyer question, as tool4seller's
/// preview does: the same templates (the policy's, enabled ones only), the same matcher and the same decision as the
/// worker's, with an explanation; nothing is sent, scheduled or changed.
/// </summary>
public sealed class SmartReplySimulator
{
    private readonly IConversationStore _store;
    private readonly ITemplateMatcher _matcher;
    private readonly ITemplateSource _templates;

    /// <summary>Initializes a new instance of the <see cref="SmartReplySimulator"/> class.</summary>
    /// <param name="store">The store holding the channel and its policy.</param>
    /// <param name="matcher">The matcher the worker uses; <see cref="LexicalTemplateMatcher.Default"/> when <see langword="null"/>.</param>
    /// <param name="templates">Where the worker takes templates from; the store's template library when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public SmartReplySimulator(IConversationStore store, ITemplateMatcher? matcher = null, ITemplateSource? templates = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _matcher = matcher ?? LexicalTemplateMatcher.Default;
        _templates = templates ?? new StoreTemplateSource(store);
    }

    /// <summary>Simulates the channel's smart reply on a buyer question.</summary>
    /// <param name="channelId">The channel whose smart-reply policy applies.</param>
    /// <param name="text">The buyer's question.</param>
    /// <param name="language">The buyer's language (BCP-47), as the conversation would have it; detected when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The decision, the match and the explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The channel does not exist.</exception>
    public async Task<SmartReplySimulation> SimulateAsync(ChannelId channelId, string text, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var channels = await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false);
        var channel = channels.FirstOrDefault(c => c.Id == channelId) ?? throw new KeyNotFoundException($"Channel '{channelId}' not found.");

        var all = await _store.GetChannelPoliciesAsync(cancellationToken).ConfigureAwait(false);
        var policy = all.FirstOrDefault(p => p.ChannelId == channelId)?.SmartReply;
        if (policy is null)
        {
            return Result(channelId, null, [], null, SmartReplyDecision.NoPolicy, [$"Channel {channelId} has no smart-reply policy: every buyer message is left to a person."]);
        }

        var candidates = await SmartReplyTemplates.LoadAsync(_templates, policy, cancellationToken).ConfigureAwait(false);
        var explanation = new List<string>
        {
            Invariant($"Smart reply on channel {channelId} is {(policy.Enabled ? "enabled" : "paused")}: {candidates.Count} of its {policy.Templates.Count} templates are enabled{(policy.Language is null ? string.Empty : $", language {policy.Language}")}."),
        };
        if (candidates.Count == 0 || text.Trim().Length == 0)
        {
            explanation.Add(candidates.Count == 0 ? "No template to match against: the match fails." : "The question is empty: the match fails.");
            return Result(channelId, policy, candidates, null, policy.Enabled ? SmartReplyDecision.MatchFailed : SmartReplyDecision.Paused, [.. explanation, Consequence(policy, null)]);
        }

        var (match, library) = await SmartReplyTemplates.MatchAsync(_matcher, _store, channel.StoreId, candidates, text, language, cancellationToken).ConfigureAwait(false);
        var inLanguage = candidates.Count(t => LanguageTags.Primary(t.Language) == match.Language);
        var others = library.Count(t => LanguageTags.Primary(t.Language) == match.Language) - inLanguage;
        explanation.Add(Invariant($"Buyer's language: {match.Language}{(language is null ? " (detected)" : string.Empty)}; {inLanguage} smart-reply template(s) in it, competing with {others} other template(s) of the store."));
        foreach (var c in match.Candidates)
        {
            explanation.Add(Invariant($"  {c.TemplateId}: confidence {c.Confidence:0.00}{(c.Terms.Count == 0 ? string.Empty : "; terms " + string.Join(", ", c.Terms.Take(6).Select(t => t.Term)))}"));
        }

        explanation.Add(match.Outcome switch
        {
            MatchOutcome.Matched => Invariant($"Matched '{match.TemplateId}': confidence {match.Confidence:0.00} is at or above the auto-send threshold {match.AutoSendThreshold:0.00}."),
            _ when match.FailureReason == MatchFailureReason.NotEligible => Invariant($"Failed: the best template{(match.Candidates.Count == 0 ? string.Empty : $", '{match.Candidates[0].TemplateId}',")} is not a smart-reply template: the question is about something smart reply does not answer."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.RankingsDisagree => Invariant($"Suggested '{match.TemplateId}' only: its meaning ranks it first, its words did not; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.MeaningTooFar => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but the question is far in meaning from its example questions; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.Negated => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but the question says \"not\" and none of its example questions does, so it may ask the opposite; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.ExampleNegated => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but its example question closest to this one says \"not\" and this one does not, so it may ask something else; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.UnknownWords => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but much of the question is words no template uses, so it may be about something else; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.SeveralTopics => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but a sentence of the message is about another template, so it answers only part of it; a suggestion is never sent automatically."),
            MatchOutcome.Suggested when match.FailureReason == MatchFailureReason.SingleTemplate => Invariant($"Suggested '{match.TemplateId}' only: its words match (confidence {match.Confidence:0.00}) but it is the only template in {match.Language}, so nothing tells a question about it from one about something else that shares some of its words; add templates for the store's other common questions; a suggestion is never sent automatically."),
            MatchOutcome.Suggested => Invariant($"Suggested '{match.TemplateId}' only: confidence {match.Confidence:0.00} is below the auto-send threshold {match.AutoSendThreshold:0.00} (suggest at {match.SuggestThreshold:0.00}); a suggestion is never sent automatically."),
            _ when match.FailureReason == MatchFailureReason.NoTemplateInLanguage => Invariant($"Failed: no smart-reply template is written in the buyer's language ({match.Language})."),
            _ when match.FailureReason == MatchFailureReason.LanguageUnknown => "Failed: the buyer's language could not be detected.",
            _ when match.FailureReason == MatchFailureReason.EmptyText => "Failed: the question has no words to match.",
            _ when match.FailureReason == MatchFailureReason.NoTermInCommon => "Failed: no template shares a word with the question.",
            _ => Invariant($"Failed ({match.FailureReason}): confidence {match.Confidence:0.00} is below the suggest threshold {match.SuggestThreshold:0.00}."),
        });
        var decision = !policy.Enabled ? SmartReplyDecision.Paused
            : match is { Outcome: MatchOutcome.Matched, TemplateId: not null } ? SmartReplyDecision.WouldSend
            : SmartReplyDecision.MatchFailed;
        explanation.Add(Consequence(policy, decision == SmartReplyDecision.WouldSend ? match.TemplateId : null));
        return Result(channelId, policy, candidates, match, decision, explanation);
    }

    private static string Consequence(SmartReplyPolicy policy, TemplateId? sent) => !policy.Enabled
        ? "Smart reply is paused: nothing would be matched or sent; a person answers."
        : sent is { } id
            ? Invariant($"Would send '{id}' {policy.ReplyAfter.TotalHours:0.##} h after the message arrived, unless a person replies or resolves first.")
            : "Would mark the conversation \"no auto-reply\" and move it to the \"match failed\" folder, so that a person answers.";

    private static SmartReplySimulation Result(ChannelId channelId, SmartReplyPolicy? policy, IReadOnlyList<Template> templates, TemplateMatch? match, SmartReplyDecision decision, IReadOnlyList<string> explanation) => new()
    {
        ChannelId = channelId,
        Policy = policy,
        Templates = templates,
        Match = match,
        Decision = decision,
        Explanation = explanation,
    };

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a channel's smart reply would do with a buyer question (see <see cref="SmartReplySimulator"/>).</summary>
public sealed record SmartReplySimulation
{
    /// <summary>Gets the channel.</summary>
    public required ChannelId ChannelId { get; init; }

    /// <summary>Gets the channel's smart-reply policy, or <see langword="null"/> when it has none.</summary>
    public SmartReplyPolicy? Policy { get; init; }

    /// <summary>Gets the templates matched against: the policy's templates that exist and are enabled.</summary>
    public IReadOnlyList<Template> Templates { get; init; } = [];

    /// <summary>Gets the match, or <see langword="null"/> when nothing was matched (no policy, no template, empty question).</summary>
    public TemplateMatch? Match { get; init; }

    /// <summary>Gets what the worker would do.</summary>
    public required SmartReplyDecision Decision { get; init; }

    /// <summary>Gets the explanation, one line per step, for a person (English).</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];
}

/// <summary>What smart reply would do with a buyer message.</summary>
public enum SmartReplyDecision
{
    /// <summary>The channel has no smart-reply policy: nothing happens; a person answers.</summary>
    NoPolicy,

    /// <summary>The policy is paused: nothing happens; a person answers.</summary>
    Paused,

    /// <summary>A template matched: it would be sent after the policy's delay unless a person answers first.</summary>
    WouldSend,

    /// <summary>No template matched well enough to send (a suggestion included): the conversation is marked for a person.</summary>
    MatchFailed,
}
