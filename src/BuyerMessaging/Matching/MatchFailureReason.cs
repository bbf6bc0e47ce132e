namespace BuyerMessaging;

/// <summary>Why a match did not reach <see cref="MatchOutcome.Matched"/>.</summary>
public enum MatchFailureReason
{
    /// <summary>The match succeeded.</summary>
    None = 0,

    /// <summary>The question has no words to match.</summary>
    EmptyText,

    /// <summary>The buyer's language was not given and could not be detected.</summary>
    LanguageUnknown,

    /// <summary>No enabled template is written in the buyer's language.</summary>
    NoTemplateInLanguage,

    /// <summary>No template shares a term with the question (or the question is written in hiragana alone, whose character pairs are particles and endings, not evidence).</summary>
    NoTermInCommon,

    /// <summary>The best template's confidence is below the auto-send threshold.</summary>
    BelowThreshold,

    /// <summary>The best template is not one of <see cref="TemplateMatchRequest.Eligible"/>: the question is about something the eligible templates do not answer.</summary>
    NotEligible,

    /// <summary>
    /// A re-ranking matcher (such as the semantic one in BuyerMessaging.AI) put another template first than the one the
    /// previous matcher chose: the result is at most suggested to a person, never sent automatically.
    /// </summary>
    RankingsDisagree,

    /// <summary>
    /// A semantic matcher found the question too far in meaning from the best template's examples for an automatic
    /// answer, though the words matched: the result is at most suggested.
    /// </summary>
    MeaningTooFar,

    /// <summary>
    /// The question says "not" (don't, nicht, ne… pas, しないで, 不…) and none of the best template's example questions
    /// does: though it shares the template's words it may ask the opposite ("don't cancel my order"), so the result is at
    /// most suggested.
    /// </summary>
    Negated,

    /// <summary>
    /// A large share of the question is words no template of the language uses ("please cancel my subscription" against
    /// templates that only know orders): the templates have never seen what it is about, so the result is at most
    /// suggested.
    /// </summary>
    UnknownWords,

    /// <summary>
    /// The message has several sentences and one of them is about another template than the best one ("Can I change the
    /// address? And how long is the warranty?"): one template answers only part of it, so the result is at most
    /// suggested.
    /// </summary>
    SeveralTopics,

    /// <summary>
    /// The buyer's language has a single enabled template: with no second template to compare with, a question that only
    /// shares some of its words cannot be told from one about it, so the result is at most suggested. Add templates (or
    /// example questions of other topics) in that language for automatic answers.
    /// </summary>
    SingleTemplate,

    /// <summary>
    /// The best template's example question closest to the question says "not" and the question does not: "Is the charger
    /// included in the box?" shares every word of "The charger was not included" and asks something else (before buying,
    /// not about a missing part), as "I received my refund, thanks" does of "I have not received my refund". The result is
    /// at most suggested.
    /// </summary>
    ExampleNegated,
}
