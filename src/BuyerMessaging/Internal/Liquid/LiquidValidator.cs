namespace BuyerMessaging.Internal.Liquid;

/// <summary>The shape of a value: an object with named members, a list of elements, or a scalar.</summary>
internal sealed class LiquidSchema
{
    public static readonly LiquidSchema Scalar = new();

    public IReadOnlyDictionary<string, LiquidSchema>? Members { get; init; }

    public LiquidSchema? Element { get; init; }

    public static LiquidSchema Object(params (string Name, LiquidSchema Schema)[] members) =>
        new() { Members = members.ToDictionary(m => m.Name, m => m.Schema, StringComparer.Ordinal) };

    public static LiquidSchema ListOf(LiquidSchema element) => new() { Element = element };
}

/// <summary>
/// Checks a parsed template against the model's schema before it is saved: every variable path must exist (locals from
/// <c>assign</c>, <c>capture</c> and <c>for</c> included) and every filter must be known with the right number of
/// arguments. Returns every problem with its line.
/// </summary>
internal static class LiquidValidator
{
    private static readonly LiquidSchema ForLoop = LiquidSchema.Object(
        ("index", LiquidSchema.Scalar), ("index0", LiquidSchema.Scalar), ("rindex", LiquidSchema.Scalar), ("rindex0", LiquidSchema.Scalar),
        ("first", LiquidSchema.Scalar), ("last", LiquidSchema.Scalar), ("length", LiquidSchema.Scalar));

    public static IReadOnlyList<(string Message, int Line)> Validate(LiquidDocument document, LiquidSchema root)
    {
        var errors = new List<(string, int)>();
        var scope = new Dictionary<string, LiquidSchema>(StringComparer.Ordinal);
        Walk(document.Nodes, root, scope, errors);
        return errors;
    }

    private static void Walk(IReadOnlyList<LiquidNode> nodes, LiquidSchema root, Dictionary<string, LiquidSchema> scope, List<(string, int)> errors)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case OutputNode o:
                    Check(o.Expression, root, scope, errors);
                    break;
                case IfNode i:
                    foreach (var branch in i.Branches)
                    {
                        if (branch.Condition is not null)
                        {
                            Check(branch.Condition, root, scope, errors);
                        }

                        Walk(branch.Body, root, scope, errors);
                    }

                    break;
                case AssignNode a:
                    scope[a.Name] = Check(a.Expression, root, scope, errors);
                    break;
                case CaptureNode c:
                    Walk(c.Body, root, scope, errors);
                    scope[c.Name] = LiquidSchema.Scalar;
                    break;
                case ForNode f:
                {
                    var source = Check(f.Source, root, scope, errors);
                    if (f.Limit is not null)
                    {
                        Check(f.Limit, root, scope, errors);
                    }

                    if (f.Offset is not null)
                    {
                        Check(f.Offset, root, scope, errors);
                    }

                    var inner = new Dictionary<string, LiquidSchema>(scope, StringComparer.Ordinal)
                    {
                        [f.Variable] = source.Element ?? LiquidSchema.Scalar,
                        ["forloop"] = ForLoop,
                    };
                    Walk(f.Body, root, inner, errors);
                    foreach (var (name, schema) in inner)
                    {
                        if (name != f.Variable && name != "forloop")
                        {
                            scope[name] = schema; // assign inside a loop is visible after it, as in Liquid
                        }
                    }

                    if (f.Else is not null)
                    {
                        Walk(f.Else, root, scope, errors);
                    }

                    break;
                }
            }
        }
    }

    private static void Check(LiquidCondition condition, LiquidSchema root, Dictionary<string, LiquidSchema> scope, List<(string, int)> errors)
    {
        switch (condition)
        {
            case NotCondition n:
                Check(n.Inner, root, scope, errors);
                break;
            case LogicCondition l:
                Check(l.Left, root, scope, errors);
                Check(l.Right, root, scope, errors);
                break;
            case CompareCondition c:
                Check(c.Left, root, scope, errors);
                if (c.Right is not null)
                {
                    Check(c.Right, root, scope, errors);
                }

                break;
        }
    }

    private static LiquidSchema Check(LiquidExpression expression, LiquidSchema root, Dictionary<string, LiquidSchema> scope, List<(string, int)> errors)
    {
        switch (expression)
        {
            case PathExpression path:
                return Resolve(path, root, scope) ?? Fail(errors, $"unknown variable '{path.Text}'", path.Line);
            case RangeExpression range:
                Check(range.From, root, scope, errors);
                Check(range.To, root, scope, errors);
                return LiquidSchema.ListOf(LiquidSchema.Scalar);
            case FilterExpression filter:
            {
                var input = Check(filter.Input, root, scope, errors);
                foreach (var argument in filter.Arguments)
                {
                    Check(argument, root, scope, errors);
                }

                if (!LiquidFilters.Known.TryGetValue(filter.Name, out var arity))
                {
                    return Fail(errors, $"unknown filter '{filter.Name}'", filter.Line);
                }

                if (filter.Arguments.Count < arity.Min || filter.Arguments.Count > arity.Max)
                {
                    var count = arity.Min == arity.Max ? $"{arity.Min}" : $"{arity.Min} to {arity.Max}";
                    errors.Add(($"filter '{filter.Name}' takes {count} argument{(arity.Max == 1 ? string.Empty : "s")}", filter.Line));
                }

                if (filter.Name == "date" && filter.Arguments is [LiteralExpression { Value: string format }])
                {
                    try
                    {
                        LiquidEvaluator.NamedOrStrftime(format.Trim(), System.Globalization.DateTimeFormatInfo.InvariantInfo);
                    }
                    catch (FormatException ex)
                    {
                        errors.Add((ex.Message, filter.Line));
                    }
                }

                return filter.Name is "first" or "last" ? input.Element ?? LiquidSchema.Scalar : filter.Name == "default" ? input : LiquidSchema.Scalar;
            }

            default:
                return LiquidSchema.Scalar;
        }
    }

    private static LiquidSchema? Resolve(PathExpression path, LiquidSchema root, Dictionary<string, LiquidSchema> scope)
    {
        if (!scope.TryGetValue(path.Root, out var schema) && !(root.Members?.TryGetValue(path.Root, out schema) ?? false))
        {
            return null;
        }

        foreach (var segment in path.Segments)
        {
            schema = (segment, schema) switch
            {
                (string name, { Members: { } members }) when members.TryGetValue(name, out var member) => member,
                (int, { Element: { } element }) => element,
                ("first" or "last", { Element: { } element }) => element,
                ("size", { Members: null }) => LiquidSchema.Scalar,
                _ => null,
            };
            if (schema is null)
            {
                return null;
            }
        }

        return schema;
    }

    private static LiquidSchema Fail(List<(string, int)> errors, string message, int line)
    {
        errors.Add((message, line));
        return LiquidSchema.Scalar;
    }
}
