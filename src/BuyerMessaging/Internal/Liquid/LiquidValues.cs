using System.Globalization;
using NodaTime;

namespace BuyerMessaging.Internal.Liquid;

/// <summary>
/// The values a template can see: <see langword="null"/> (nil), string, decimal, bool, <see cref="Instant"/>,
/// <see cref="LiquidMoney"/>, <see cref="HtmlSafe"/>, lists (<see cref="IReadOnlyList{T}"/>) and objects
/// (<see cref="IReadOnlyDictionary{TKey, TValue}"/>). Nothing else ever enters the model, which is the sandbox: there is
/// no reflection and no member of a CLR object can be reached.
/// </summary>
internal static class LiquidValues
{
    /// <summary>The literal <c>empty</c>/<c>blank</c>.</summary>
    public static readonly object Empty = new EmptyValue();

    public static bool IsTruthy(object? value) => value is not (null or false or LiquidMissing);

    public static bool IsBlank(object? value) => value switch
    {
        null or LiquidMissing or false => true,
        string s => string.IsNullOrWhiteSpace(s),
        HtmlSafe h => string.IsNullOrWhiteSpace(h.Html),
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        _ => false,
    };

    public static decimal? ToNumber(object? value) => value switch
    {
        decimal d => d,
        LiquidMoney m => m.Amount,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool AreEqual(object? left, object? right)
    {
        if (ReferenceEquals(left, Empty) || ReferenceEquals(right, Empty))
        {
            return IsBlank(ReferenceEquals(left, Empty) ? right : left);
        }

        if (left is LiquidMissing)
        {
            left = null;
        }

        if (right is LiquidMissing)
        {
            right = null;
        }

        if (ToNumber(left) is { } l && ToNumber(right) is { } r && left is not string && right is not string)
        {
            return l == r;
        }

        return Equals(left is HtmlSafe hl ? hl.Html : left, right is HtmlSafe hr ? hr.Html : right);
    }

    private sealed class EmptyValue
    {
        public override string ToString() => string.Empty;
    }
}

/// <summary>A value the model lacks, with the path the template used for it.</summary>
internal sealed record LiquidMissing(string Path);

/// <summary>Text already escaped for HTML (the <c>escape</c> filter's result), never escaped twice.</summary>
internal sealed record HtmlSafe(string Html);

/// <summary>An amount in a currency (ISO 4217), formatted in the channel's language.</summary>
internal sealed record LiquidMoney(decimal Amount, string Currency)
{
    public string Format(CultureInfo culture, bool withCode = false)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Currency.ToUpperInvariant() switch
        {
            "JPY" => "￥",
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "CAD" => "CA$",
            "AUD" => "A$",
            "MXN" => "MX$",
            "INR" => "₹",
            "CNY" => "CN¥",
            var other => other + " ",
        };
        format.CurrencyDecimalDigits = Currency.ToUpperInvariant() is "JPY" or "KRW" ? 0 : 2;
        var text = Amount.ToString("C", format);
        return withCode ? $"{text} {Currency.ToUpperInvariant()}" : text;
    }
}
