using System.Globalization;
using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>A validated condition, ready to evaluate: values folded, sets built, regular expression compiled.</summary>
internal abstract class CompiledCondition(RuleCondition source)
{
    private const int MaxQuoted = 80;

    public RuleCondition Source { get; } = source;

    public abstract bool Evaluate(RuleFacts facts);

    public abstract string Explain(RuleFacts facts, bool held);

    public static CompiledCondition Create(RuleCondition c, TimeSpan regexTimeout) => c.Field switch
    {
        RuleField.Subject or RuleField.Sender or RuleField.Body => c.Operator == RuleOperator.Matches
            ? new RegexCondition(c, new Regex(TextFolding.Fold(c.Value!), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, regexTimeout))
            : new TextCondition(c, TextFolding.Fold(c.Value!)),
        RuleField.MessageType => new MessageTypeCondition(c),
        RuleField.Language => new LanguageCondition(c),
        RuleField.Channel => new IdCondition(c, static f => f.Input.Channel.Value, "channel"),
        RuleField.Store => new IdCondition(c, static f => f.Input.Store.Value, "store"),
        RuleField.Marketplace => new MarketplaceCondition(c),
        RuleField.HasOrder => new FlagCondition(c, static f => f.Input.HasOrder, "the conversation has an order", "the conversation has no order"),
        _ => new FlagCondition(c, static f => f.Input.IsFirstContact, "the message is a first contact", "the message is a follow-up"),
    };

    protected static string Quote(string text)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= MaxQuoted ? $"\"{single}\"" : $"\"{single[..MaxQuoted]}…\"";
    }

    protected static string FieldName(RuleField field) => field switch
    {
        RuleField.Subject => "subject",
        RuleField.Sender => "sender",
        _ => "body",
    };

    protected string List() => "[" + string.Join(", ", Source.Values) + "]";

    private sealed class TextCondition(RuleCondition c, string value) : CompiledCondition(c)
    {
        public override bool Evaluate(RuleFacts facts)
        {
            var text = facts.Folded(Source.Field);
            return Source.Operator switch
            {
                RuleOperator.Contains => text.Contains(value, StringComparison.Ordinal),
                RuleOperator.DoesNotContain => !text.Contains(value, StringComparison.Ordinal),
                RuleOperator.StartsWith => text.StartsWith(value, StringComparison.Ordinal),
                RuleOperator.EndsWith => text.EndsWith(value, StringComparison.Ordinal),
                _ => string.Equals(text, value, StringComparison.Ordinal),
            };
        }

        public override string Explain(RuleFacts facts, bool held)
        {
            var verb = (Source.Operator, held) switch
            {
                (RuleOperator.Contains, true) or (RuleOperator.DoesNotContain, false) => "contains",
                (RuleOperator.Contains, false) or (RuleOperator.DoesNotContain, true) => "does not contain",
                (RuleOperator.StartsWith, true) => "starts with",
                (RuleOperator.StartsWith, false) => "does not start with",
                (RuleOperator.EndsWith, true) => "ends with",
                (RuleOperator.EndsWith, false) => "does not end with",
                (_, true) => "equals",
                _ => "does not equal",
            };
            return $"{FieldName(Source.Field)} {Quote(facts.Raw(Source.Field))} {verb} {Quote(Source.Value!)} (compared ignoring case and width)";
        }
    }

    private sealed class RegexCondition(RuleCondition c, Regex regex) : CompiledCondition(c)
    {
        public override bool Evaluate(RuleFacts facts) => TryMatch(facts, out var matched) && matched;

        public override string Explain(RuleFacts facts, bool held)
        {
            if (!TryMatch(facts, out _))
            {
                return $"{FieldName(Source.Field)}: the regular expression {Quote(Source.Value!)} timed out after {regex.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms and counts as no match";
            }

            return $"{FieldName(Source.Field)} {Quote(facts.Raw(Source.Field))} {(held ? "matches" : "does not match")} the regular expression {Quote(Source.Value!)}";
        }

        private bool TryMatch(RuleFacts facts, out bool matched)
        {
            try
            {
                matched = regex.IsMatch(facts.Folded(Source.Field));
                return true;
            }
            catch (RegexMatchTimeoutException)
            {
                matched = false;
                return false;
            }
        }
    }

    private sealed class MessageTypeCondition : CompiledCondition
    {
        private readonly ulong _mask;

        public MessageTypeCondition(RuleCondition c)
            : base(c)
        {
            foreach (var value in c.Values)
            {
                TemplateJson.TryParseMessageType(value, out var type);
                _mask |= 1UL << (int)type;
            }
        }

        public override bool Evaluate(RuleFacts facts) => (_mask & (1UL << (int)facts.Input.MessageType)) != 0;

        public override string Explain(RuleFacts facts, bool held) =>
            $"message type {TemplateJson.ToJsonName(facts.Input.MessageType)} is {(held ? string.Empty : "not ")}one of {List()}";
    }

    private sealed class LanguageCondition(RuleCondition c) : CompiledCondition(c)
    {
        private readonly string[] _languages = [.. c.Values.Select(v => v.Trim().ToLowerInvariant())];

        public override bool Evaluate(RuleFacts facts)
        {
            var language = facts.Language;
            if (language.Length == 0)
            {
                return false;
            }

            foreach (var candidate in _languages)
            {
                if (language.StartsWith(candidate, StringComparison.Ordinal)
                    && (language.Length == candidate.Length || language[candidate.Length] == '-'))
                {
                    return true;
                }
            }

            return false;
        }

        public override string Explain(RuleFacts facts, bool held) => facts.Language.Length == 0
            ? $"the language of the message is unknown, so it is not one of {List()}"
            : $"language {facts.Input.Language} is {(held ? string.Empty : "not ")}one of {List()}";
    }

    private sealed class IdCondition(RuleCondition c, Func<RuleFacts, string> value, string what) : CompiledCondition(c)
    {
        private readonly string[] _values = [.. c.Values.Select(v => v.Trim())];

        public override bool Evaluate(RuleFacts facts) => Array.IndexOf(_values, value(facts)) >= 0;

        public override string Explain(RuleFacts facts, bool held) =>
            $"{what} '{value(facts)}' is {(held ? string.Empty : "not ")}one of {List()}";
    }

    private sealed class MarketplaceCondition(RuleCondition c) : CompiledCondition(c)
    {
        private readonly string[] _values = [.. c.Values.Select(NormalizeMarketplace)];

        public override bool Evaluate(RuleFacts facts)
        {
            var country = facts.Input.MarketplaceCountry;
            var id = facts.Input.MarketplaceId;
            foreach (var v in _values)
            {
                if ((country is not null && string.Equals(v, country, StringComparison.OrdinalIgnoreCase))
                    || (id is not null && string.Equals(v, id, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        public override string Explain(RuleFacts facts, bool held) => facts.Input.MarketplaceCountry is null && facts.Input.MarketplaceId is null
            ? $"the channel is not an Amazon marketplace, so it is not one of {List()}"
            : $"marketplace {facts.Input.MarketplaceCountry ?? facts.Input.MarketplaceId} is {(held ? string.Empty : "not ")}one of {List()}";

        internal static string NormalizeMarketplace(string value)
        {
            var trimmed = value.Trim();
            if (AmazonMarketplaces.TryGetByCountry(trimmed, out var m) || AmazonMarketplaces.TryGetById(trimmed, out m))
            {
                return m.CountryCode;
            }

            return trimmed;
        }
    }

    private sealed class FlagCondition(RuleCondition c, Func<RuleFacts, bool> value, string whenTrue, string whenFalse) : CompiledCondition(c)
    {
        private readonly bool _expected = string.Equals(c.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        public override bool Evaluate(RuleFacts facts) => value(facts) == _expected;

        public override string Explain(RuleFacts facts, bool held) => held
            ? (value(facts) ? whenTrue : whenFalse)
            : $"{(value(facts) ? whenTrue : whenFalse)}; the condition wants: {(_expected ? whenTrue : whenFalse)}";
    }
}
