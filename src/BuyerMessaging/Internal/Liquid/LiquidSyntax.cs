namespace BuyerMessaging.Internal.Liquid;

/// <summary>A parsed Liquid template: the nodes, in order.</summary>
internal sealed record LiquidDocument(IReadOnlyList<LiquidNode> Nodes);

/// <summary>A node of the syntax tree; <see cref="Line"/> is 1-based.</summary>
internal abstract record LiquidNode(int Line);

internal sealed record TextNode(string Text, int Line) : LiquidNode(Line);

internal sealed record OutputNode(LiquidExpression Expression, int Line) : LiquidNode(Line);

/// <summary><c>if</c>/<c>elsif</c>/<c>else</c> or <c>unless</c>/<c>else</c>: the first branch whose condition holds (a <see langword="null"/> condition is <c>else</c>).</summary>
internal sealed record IfNode(IReadOnlyList<IfBranch> Branches, int Line) : LiquidNode(Line);

internal sealed record IfBranch(LiquidCondition? Condition, IReadOnlyList<LiquidNode> Body);

internal sealed record ForNode(
    string Variable, LiquidExpression Source, LiquidExpression? Limit, LiquidExpression? Offset, bool Reversed,
    IReadOnlyList<LiquidNode> Body, IReadOnlyList<LiquidNode>? Else, int Line) : LiquidNode(Line);

internal sealed record AssignNode(string Name, LiquidExpression Expression, int Line) : LiquidNode(Line);

internal sealed record CaptureNode(string Name, IReadOnlyList<LiquidNode> Body, int Line) : LiquidNode(Line);

internal sealed record LoopControlNode(bool Break, int Line) : LiquidNode(Line);

/// <summary>An expression: a literal, a member path, a range or a filter applied to another expression.</summary>
internal abstract record LiquidExpression(int Line);

internal sealed record LiteralExpression(object? Value, int Line) : LiquidExpression(Line);

/// <summary>A member path such as <c>order.items[0].title</c>; <see cref="Segments"/> holds names (string) and indexes (int).</summary>
internal sealed record PathExpression(string Root, IReadOnlyList<object> Segments, string Text, int Line) : LiquidExpression(Line);

internal sealed record RangeExpression(LiquidExpression From, LiquidExpression To, int Line) : LiquidExpression(Line);

internal sealed record FilterExpression(LiquidExpression Input, string Name, IReadOnlyList<LiquidExpression> Arguments, int Line) : LiquidExpression(Line);

/// <summary>A condition of <c>if</c>, <c>elsif</c> or <c>unless</c>.</summary>
internal abstract record LiquidCondition;

/// <summary><c>left</c> alone (truthiness) or <c>left op right</c> with <c>== != &lt;&gt; &lt; &gt; &lt;= &gt;= contains</c>.</summary>
internal sealed record CompareCondition(LiquidExpression Left, string? Operator, LiquidExpression? Right) : LiquidCondition;

/// <summary><c>and</c>/<c>or</c>; Liquid groups them from the right.</summary>
internal sealed record LogicCondition(LiquidCondition Left, bool And, LiquidCondition Right) : LiquidCondition;

/// <summary>A condition that is the negation of another (<c>unless</c>).</summary>
internal sealed record NotCondition(LiquidCondition Inner) : LiquidCondition;

/// <summary>A template that does not parse: the message and the 1-based line.</summary>
internal sealed class LiquidSyntaxException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
