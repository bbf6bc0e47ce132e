namespace BuyerMessaging;

/// <summary>
/// One breach (or possible breach) of Amazon's buyer-seller messaging rules found in an outbound text: which rule, how
/// serious, where (part, start and length in UTF-16 code units of the original text), and what is wrong in English
/// and Japanese.
/// </summary>
/// <param name="RuleId">The rule's id (see <see cref="ContentRuleIds"/>), for example "email-address".</param>
/// <param name="Severity">Block or warn.</param>
/// <param name="Part">The part of the message.</param>
/// <param name="Start">Where the offending text starts in the part.</param>
/// <param name="Length">How long it is.</param>
/// <param name="Text">The offending text (for an attachment, its file name).</param>
/// <param name="Message">What is wrong, in English.</param>
/// <param name="MessageJa">What is wrong, in Japanese.</param>
public sealed record ContentFinding(
    string RuleId, ContentSeverity Severity, ContentPart Part, int Start, int Length, string Text, string Message, string MessageJa);
