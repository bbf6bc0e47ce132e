using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;

namespace BuyerMessaging.Internal.Liquid;

/// <summary>
/// Renders a parsed template against a model of plain values (see <see cref="LiquidValues"/>), bounded in loop
/// iterations and output length. Values the model lacks are collected, not thrown one at a time, so the caller can
/// name every one; conditions treat them as false without complaint.
/// </summary>
internal sealed class LiquidEvaluator
{
    public const int MaxOutputLength = 100_000;
    public const int MaxIterations = 10_000;

    private readonly IReadOnlyDictionary<string, object?> _model;
    private readonly Dictionary<string, object?> _locals = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private readonly CultureInfo _culture;
    private readonly DateTimeZone _zone;
    private readonly Instant _now;
    private readonly bool _html;
    private int _iterations;

    public LiquidEvaluator(IReadOnlyDictionary<string, object?> model, CultureInfo culture, DateTimeZone zone, Instant now, bool html)
    {
        _model = model;
        _culture = culture;
        _zone = zone;
        _now = now;
        _html = html;
    }

    public IReadOnlyList<string> Missing => _missing;

    public string Render(LiquidDocument document)
    {
        var output = new StringBuilder();
        Render(document.Nodes, output);
        return output.ToString();
    }

    private enum Flow
    {
        Next,
        Break,
        Continue,
    }

    private Flow Render(IReadOnlyList<LiquidNode> nodes, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            var flow = Render(node, output);
            if (output.Length > MaxOutputLength)
            {
                throw new LiquidRenderLimitException($"the output is longer than {MaxOutputLength} characters", node.Line);
            }

            if (flow != Flow.Next)
            {
                return flow;
            }
        }

        return Flow.Next;
    }

    private Flow Render(LiquidNode node, StringBuilder output)
    {
        switch (node)
        {
            case TextNode text:
                output.Append(text.Text);
                return Flow.Next;
            case OutputNode o:
                output.Append(ToOutput(Evaluate(o.Expression), record: true));
                return Flow.Next;
            case IfNode branches:
                foreach (var branch in branches.Branches)
                {
                    if (branch.Condition is null || Test(branch.Condition))
                    {
                        return Render(branch.Body, output);
                    }
                }

                return Flow.Next;
            case AssignNode assign:
                _locals[assign.Name] = Evaluate(assign.Expression);
                return Flow.Next;
            case CaptureNode capture:
            {
                var inner = new StringBuilder();
                var flow = Render(capture.Body, inner);
                _locals[capture.Name] = _html ? new HtmlSafe(inner.ToString()) : inner.ToString();
                return flow;
            }

            case LoopControlNode control:
                return control.Break ? Flow.Break : Flow.Continue;
            case ForNode loop:
                return RenderFor(loop, output);
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private Flow RenderFor(ForNode loop, StringBuilder output)
    {
        var source = Evaluate(loop.Source);
        if (source is LiquidMissing missing)
        {
            Record(missing);
        }

        IEnumerable<object?> items = source switch
        {
            IReadOnlyList<object?> list => list,
            IReadOnlyDictionary<string, object?> map => [map],
            string s when s.Length > 0 => [s],
            _ => [],
        };
        var offset = loop.Offset is null ? 0 : (int)Math.Clamp(LiquidValues.ToNumber(Evaluate(loop.Offset)) ?? 0, 0, MaxIterations);
        var limit = loop.Limit is null ? MaxIterations : (int)Math.Clamp(LiquidValues.ToNumber(Evaluate(loop.Limit)) ?? 0, 0, MaxIterations);
        var selected = items.Skip(offset).Take(limit).ToList();
        if (loop.Reversed)
        {
            selected.Reverse();
        }

        if (selected.Count == 0)
        {
            return loop.Else is null ? Flow.Next : Render(loop.Else, output);
        }

        var hadVariable = _locals.TryGetValue(loop.Variable, out var previous);
        var hadLoop = _locals.TryGetValue("forloop", out var previousLoop);
        try
        {
            for (var i = 0; i < selected.Count; i++)
            {
                if (++_iterations > MaxIterations)
                {
                    throw new LiquidRenderLimitException($"loops ran more than {MaxIterations} times", loop.Line);
                }

                _locals[loop.Variable] = selected[i];
                _locals["forloop"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["index"] = (decimal)(i + 1),
                    ["index0"] = (decimal)i,
                    ["rindex"] = (decimal)(selected.Count - i),
                    ["rindex0"] = (decimal)(selected.Count - i - 1),
                    ["first"] = i == 0,
                    ["last"] = i == selected.Count - 1,
                    ["length"] = (decimal)selected.Count,
                };
                if (Render(loop.Body, output) == Flow.Break)
                {
                    break;
                }
            }
        }
        finally
        {
            Restore(loop.Variable, hadVariable, previous);
            Restore("forloop", hadLoop, previousLoop);
        }

        return Flow.Next;
    }

    private void Restore(string name, bool had, object? value)
    {
        if (had)
        {
            _locals[name] = value;
        }
        else
        {
            _locals.Remove(name);
        }
    }

    private bool Test(LiquidCondition condition) => condition switch
    {
        NotCondition not => !Test(not.Inner),
        LogicCondition logic => logic.And ? Test(logic.Left) && Test(logic.Right) : Test(logic.Left) || Test(logic.Right),
        CompareCondition { Operator: null } c => Evaluate(c.Left) is var value && LiquidValues.IsTruthy(value) && !ReferenceEquals(value, LiquidValues.Empty),
        CompareCondition c => Compare(Evaluate(c.Left), c.Operator!, Evaluate(c.Right!)),
        _ => false,
    };

    private static bool Compare(object? left, string op, object? right)
    {
        switch (op)
        {
            case "==":
                return LiquidValues.AreEqual(left, right);
            case "!=":
                return !LiquidValues.AreEqual(left, right);
            case "contains":
                return (left, right) switch
                {
                    (string s, _) when right is not null and not LiquidMissing => s.Contains(Plain(right), StringComparison.Ordinal),
                    (IReadOnlyList<object?> list, _) => list.Any(item => LiquidValues.AreEqual(item, right)),
                    _ => false,
                };
        }

        int? order = (left, right) switch
        {
            (Instant a, Instant b) => a.CompareTo(b),
            _ when LiquidValues.ToNumber(left) is { } a && LiquidValues.ToNumber(right) is { } b => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => null,
        };
        return order is { } o && op switch
        {
            "<" => o < 0,
            ">" => o > 0,
            "<=" => o <= 0,
            ">=" => o >= 0,
            _ => false,
        };
    }

    private object? Evaluate(LiquidExpression expression)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case PathExpression path:
                return Resolve(path);
            case RangeExpression range:
            {
                var from = LiquidValues.ToNumber(Evaluate(range.From)) ?? 0;
                var to = LiquidValues.ToNumber(Evaluate(range.To)) ?? 0;
                if (to - from >= MaxIterations)
                {
                    throw new LiquidRenderLimitException($"a range may hold at most {MaxIterations} numbers", range.Line);
                }

                var list = new List<object?>();
                for (var i = decimal.Truncate(from); i <= to; i++)
                {
                    list.Add(i);
                }

                return list;
            }

            case FilterExpression filter:
                return LiquidFilters.Apply(filter.Name, Evaluate(filter.Input), [.. filter.Arguments.Select(Evaluate)], this, filter.Line);
            default:
                return null;
        }
    }

    private object? Resolve(PathExpression path)
    {
        object? value;
        if (_locals.TryGetValue(path.Root, out var local))
        {
            value = local;
        }
        else if (!_model.TryGetValue(path.Root, out value))
        {
            return new LiquidMissing(path.Text);
        }

        foreach (var segment in path.Segments)
        {
            value = (value, segment) switch
            {
                (IReadOnlyDictionary<string, object?> map, string name) => map.TryGetValue(name, out var member) ? member : new LiquidMissing(path.Text),
                (IReadOnlyList<object?> list, int index) => index < list.Count ? list[index] : new LiquidMissing(path.Text),
                (IReadOnlyList<object?> list, "size") => (decimal)list.Count,
                (IReadOnlyList<object?> list, "first") => list.Count > 0 ? list[0] : null,
                (IReadOnlyList<object?> list, "last") => list.Count > 0 ? list[^1] : null,
                (string s, "size") => (decimal)s.Length,
                _ => new LiquidMissing(path.Text),
            };
            if (value is LiquidMissing)
            {
                return value;
            }
        }

        return value ?? new LiquidMissing(path.Text);
    }

    /// <summary>Turns a value into output text (HTML-escaped in HTML bodies); a missing value is recorded and renders as nothing.</summary>
    internal string ToOutput(object? value, bool record)
    {
        if (value is LiquidMissing missing)
        {
            if (record)
            {
                Record(missing);
            }

            return string.Empty;
        }

        if (value is HtmlSafe safe)
        {
            return _html ? safe.Html : WebUtility.HtmlDecode(safe.Html);
        }

        var text = Text(value);
        return _html ? WebUtility.HtmlEncode(text) : text;
    }

    /// <summary>The plain text of a value (no escaping).</summary>
    internal string Text(object? value) => value switch
    {
        null or LiquidMissing => string.Empty,
        string s => s,
        HtmlSafe h => WebUtility.HtmlDecode(h.Html),
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        Instant instant => FormatDate(instant, null),
        LiquidMoney money => money.Format(_culture),
        IReadOnlyList<object?> list => string.Concat(list.Select(Text)),
        _ => string.Empty,
    };

    private static string Plain(object? value) => value switch
    {
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        HtmlSafe h => WebUtility.HtmlDecode(h.Html),
        _ => value?.ToString() ?? string.Empty,
    };

    internal CultureInfo Culture => _culture;

    internal Instant Now => _now;

    /// <summary>
    /// Formats an instant in the channel's zone and language: <c>short</c>, <c>long</c> (the default), <c>full</c>,
    /// <c>datetime</c>, <c>time</c>, <c>iso</c>, or a strftime pattern (<c>%Y-%m-%d %H:%M</c>, <c>%B</c>, <c>%-d</c>, …).
    /// </summary>
    internal string FormatDate(Instant instant, string? format)
    {
        var local = instant.InZone(_zone).LocalDateTime.ToDateTimeUnspecified();
        var f = _culture.DateTimeFormat;
        var pattern = NamedOrStrftime((format ?? "long").Trim(), f);
        return local.ToString(pattern, _culture);
    }

    /// <summary>Turns a named format or a strftime pattern into a .NET date pattern.</summary>
    /// <exception cref="FormatException">The pattern uses a specifier this renderer does not support.</exception>
    internal static string NamedOrStrftime(string format, DateTimeFormatInfo f) => format switch
    {
        "short" => f.ShortDatePattern,
        "long" or "" => f.LongDatePattern,
        "full" => f.FullDateTimePattern,
        "datetime" => f.ShortDatePattern + " " + f.ShortTimePattern,
        "time" => f.ShortTimePattern,
        "iso" => "yyyy'-'MM'-'dd",
        _ => Strftime(format),
    };

    private static string Strftime(string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(char.IsAsciiLetter(c) || c is '\\' or '\'' or '"' or ':' or '/' or '%' ? "\\" + c : c.ToString());
                continue;
            }

            var flag = format[i + 1] == '-';
            if (flag && i + 2 < format.Length)
            {
                i++;
            }

            var spec = format[++i];
            sb.Append(spec switch
            {
                'Y' => "yyyy",
                'y' => "yy",
                'm' => flag ? "%M" : "MM",
                'd' => flag ? "%d" : "dd",
                'e' => "%d",
                'H' => flag ? "%H" : "HH",
                'I' => flag ? "%h" : "hh",
                'M' => "mm",
                'S' => "ss",
                'p' => "tt",
                'B' => "MMMM",
                'b' => "MMM",
                'A' => "dddd",
                'a' => "ddd",
                '%' => "\\%",
                _ => throw new FormatException($"'%{spec}' is not a date format this renderer supports"),
            });
        }

        return sb.ToString();
    }

    private void Record(LiquidMissing missing)
    {
        if (!_missing.Contains(missing.Path))
        {
            _missing.Add(missing.Path);
        }
    }
}

/// <summary>A render that hit a sandbox bound (loop iterations, output length).</summary>
internal sealed class LiquidRenderLimitException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
