using System.Net;
using NodaTime;

namespace BuyerMessaging.Internal.Liquid;

/// <summary>The filters templates may use, with the number of arguments each takes.</summary>
internal static class LiquidFilters
{
    /// <summary>Filter name → (fewest, most) arguments.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Known = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["default"] = (1, 1),
        ["date"] = (0, 1),
        ["upcase"] = (0, 0),
        ["downcase"] = (0, 0),
        ["capitalize"] = (0, 0),
        ["escape"] = (0, 0),
        ["strip"] = (0, 0),
        ["truncate"] = (1, 2),
        ["size"] = (0, 0),
        ["join"] = (0, 1),
        ["first"] = (0, 0),
        ["last"] = (0, 0),
        ["plus"] = (1, 1),
        ["minus"] = (1, 1),
        ["times"] = (1, 1),
        ["divided_by"] = (1, 1),
        ["round"] = (0, 1),
        ["money"] = (0, 0),
        ["money_with_currency"] = (0, 0),
        ["append"] = (1, 1),
        ["prepend"] = (1, 1),
        ["replace"] = (2, 2),
    };

    public static object? Apply(string name, object? input, IReadOnlyList<object?> args, LiquidEvaluator e, int line)
    {
        if (name == "default")
        {
            return LiquidValues.IsBlank(input) ? args[0] : input;
        }

        if (input is LiquidMissing)
        {
            return input; // stays missing so the caller can name it
        }

        object? Arg(int i) => i < args.Count ? args[i] : null;
        decimal Number(object? value) => LiquidValues.ToNumber(value)
            ?? throw new LiquidRenderLimitException($"filter '{name}' needs a number, not '{e.Text(value)}'", line);

        switch (name)
        {
            case "date":
                return input switch
                {
                    Instant instant => e.FormatDate(instant, Arg(0) as string),
                    string s when s is "now" or "today" => e.FormatDate(e.Now, Arg(0) as string),
                    _ => e.Text(input),
                };
            case "upcase":
                return e.Text(input).ToUpper(e.Culture);
            case "downcase":
                return e.Text(input).ToLower(e.Culture);
            case "capitalize":
            {
                var s = e.Text(input);
                return s.Length == 0 ? s : char.ToUpper(s[0], e.Culture) + s[1..];
            }

            case "escape":
                return input is HtmlSafe ? input : new HtmlSafe(WebUtility.HtmlEncode(e.Text(input)));
            case "strip":
                return e.Text(input).Trim();
            case "truncate":
            {
                var s = e.Text(input);
                var length = (int)Math.Clamp(Number(Arg(0)), 0, LiquidEvaluator.MaxOutputLength);
                var ellipsis = args.Count > 1 ? e.Text(Arg(1)) : "...";
                return s.Length <= length ? s : string.Concat(s.AsSpan(0, Math.Max(0, length - ellipsis.Length)), ellipsis);
            }

            case "size":
                return input switch
                {
                    IReadOnlyList<object?> list => (decimal)list.Count,
                    IReadOnlyDictionary<string, object?> map => (decimal)map.Count,
                    _ => (decimal)e.Text(input).Length,
                };
            case "join":
                return input is IReadOnlyList<object?> items ? string.Join(args.Count > 0 ? e.Text(Arg(0)) : " ", items.Select(e.Text)) : e.Text(input);
            case "first":
                return input is IReadOnlyList<object?> { Count: > 0 } f ? f[0] : null;
            case "last":
                return input is IReadOnlyList<object?> { Count: > 0 } l ? l[^1] : null;
            case "plus":
            case "minus":
            case "times":
            case "divided_by":
            {
                var left = Number(input);
                var right = Number(Arg(0));
                var result = name switch
                {
                    "plus" => left + right,
                    "minus" => left - right,
                    "times" => left * right,
                    _ => right == 0 ? throw new LiquidRenderLimitException("filter 'divided_by' divides by zero", line) : left / right,
                };
                return input is LiquidMoney money ? money with { Amount = result } : result;
            }

            case "round":
            {
                var digits = (int)Math.Clamp(args.Count > 0 ? Number(Arg(0)) : 0, 0, 10);
                return input is LiquidMoney m ? m with { Amount = Math.Round(m.Amount, digits) } : Math.Round(Number(input), digits, MidpointRounding.AwayFromZero);
            }

            case "money":
            case "money_with_currency":
                return input switch
                {
                    LiquidMoney money => money.Format(e.Culture, name == "money_with_currency"),
                    _ => Number(input).ToString("N2", e.Culture),
                };
            case "append":
                return e.Text(input) + e.Text(Arg(0));
            case "prepend":
                return e.Text(Arg(0)) + e.Text(input);
            case "replace":
                var search = e.Text(Arg(0));
                return search.Length == 0 ? e.Text(input) : e.Text(input).Replace(search, e.Text(Arg(1)), StringComparison.Ordinal);
            default:
                throw new LiquidRenderLimitException($"unknown filter '{name}'", line);
        }
    }
}
