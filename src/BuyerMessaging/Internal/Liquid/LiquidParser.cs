using System.Globalization;

namespace BuyerMessaging.Internal.Liquid;

/// <summary>
/// Parses the Liquid subset: output <c>{{ expr | filter: args }}</c>, tags <c>if/elsif/else/unless/for/assign/capture/
/// comment/raw/break/continue</c>, whitespace control <c>{{-</c>/<c>-}}</c>. Anything else (<c>include</c>,
/// <c>render</c>, …) is a syntax error, so a template can never reach a file.
/// </summary>
internal static class LiquidParser
{
    public const int MaxSourceLength = 64 * 1024;
    public const int MaxDepth = 32;

    public static LiquidDocument Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxSourceLength)
        {
            throw new LiquidSyntaxException($"is longer than {MaxSourceLength} characters", 1);
        }

        var tokens = Lex(source);
        var position = 0;
        var nodes = ParseBlock(tokens, ref position, [], out var end, 0);
        if (end is not null)
        {
            throw new LiquidSyntaxException($"'{end.Name}' without a matching opening tag", end.Line);
        }

        return new LiquidDocument(nodes);
    }

    private enum TokenKind
    {
        Text,
        Output,
        Tag,
    }

    private sealed record Token(TokenKind Kind, string Content, int Line, bool TrimLeft, bool TrimRight)
    {
        public string Name { get; init; } = string.Empty;

        public string Markup { get; init; } = string.Empty;
    }

    private static List<Token> Lex(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        var line = 1;
        while (i < source.Length)
        {
            var open = IndexOfOpen(source, i);
            if (open < 0)
            {
                tokens.Add(new Token(TokenKind.Text, source[i..], line, false, false));
                break;
            }

            if (open > i)
            {
                tokens.Add(new Token(TokenKind.Text, source[i..open], line, false, false));
                line += Count(source, i, open);
            }

            var isTag = source[open + 1] == '%';
            var close = source.IndexOf(isTag ? "%}" : "}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new LiquidSyntaxException(isTag ? "'{%' is not closed by '%}'" : "'{{' is not closed by '}}'", line);
            }

            var inner = source[(open + 2)..close];
            var trimLeft = inner.StartsWith('-');
            var trimRight = inner.EndsWith('-') && inner.Length > (trimLeft ? 1 : 0);
            var content = inner[(trimLeft ? 1 : 0)..(inner.Length - (trimRight ? 1 : 0))].Trim();
            var tokenLine = line;
            line += Count(source, open, close);
            i = close + 2;
            if (!isTag)
            {
                tokens.Add(new Token(TokenKind.Output, content, tokenLine, trimLeft, trimRight));
                continue;
            }

            var nameEnd = 0;
            while (nameEnd < content.Length && (char.IsAsciiLetterOrDigit(content[nameEnd]) || content[nameEnd] == '_'))
            {
                nameEnd++;
            }

            var name = content[..nameEnd];
            var markup = content[nameEnd..].Trim();
            if (name is "raw" or "comment")
            {
                var (endOpen, endClose, endTrimLeft, endTrimRight) = FindEnd(source, i, "end" + name)
                    ?? throw new LiquidSyntaxException($"'{name}' is not closed by 'end{name}'", tokenLine);
                tokens.Add(new Token(TokenKind.Tag, content, tokenLine, trimLeft, trimRight) { Name = "noop" });
                if (name == "raw")
                {
                    tokens.Add(new Token(TokenKind.Text, source[i..endOpen], line, false, false));
                }

                line += Count(source, i, endClose);
                tokens.Add(new Token(TokenKind.Tag, "end" + name, line, endTrimLeft, endTrimRight) { Name = "noop" });
                i = endClose;
                continue;
            }

            tokens.Add(new Token(TokenKind.Tag, content, tokenLine, trimLeft, trimRight) { Name = name, Markup = markup });
        }

        // Whitespace control: "{{-" trims the text before, "-}}" the text after.
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != TokenKind.Text)
            {
                continue;
            }

            var text = tokens[t].Content;
            if (t > 0 && tokens[t - 1].TrimRight)
            {
                text = text.TrimStart();
            }

            if (t + 1 < tokens.Count && tokens[t + 1].TrimLeft)
            {
                text = text.TrimEnd();
            }

            tokens[t] = tokens[t] with { Content = text };
        }

        tokens.RemoveAll(t => t.Name == "noop");
        return tokens;
    }

    private static int IndexOfOpen(string source, int start)
    {
        for (var i = source.IndexOf('{', start); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Open, int Close, bool TrimLeft, bool TrimRight)? FindEnd(string source, int start, string name)
    {
        for (var i = source.IndexOf("{%", start, StringComparison.Ordinal); i >= 0; i = source.IndexOf("{%", i + 2, StringComparison.Ordinal))
        {
            var close = source.IndexOf("%}", i + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            var inner = source[(i + 2)..close];
            if (inner.Trim('-').Trim() == name)
            {
                return (i, close + 2, inner.StartsWith('-'), inner.EndsWith('-'));
            }
        }

        return null;
    }

    private static int Count(string source, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (source[i] == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private static List<LiquidNode> ParseBlock(List<Token> tokens, ref int position, string[] stops, out Token? stop, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new LiquidSyntaxException($"tags are nested deeper than {MaxDepth}", tokens[Math.Max(0, position - 1)].Line);
        }

        var nodes = new List<LiquidNode>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            switch (token.Kind)
            {
                case TokenKind.Text:
                    if (token.Content.Length > 0)
                    {
                        nodes.Add(new TextNode(token.Content, token.Line));
                    }

                    break;
                case TokenKind.Output:
                    if (token.Content.Length == 0)
                    {
                        throw new LiquidSyntaxException("empty output '{{ }}'", token.Line);
                    }

                    var reader = new ExpressionReader(token.Content, token.Line);
                    nodes.Add(new OutputNode(reader.ReadFiltered(), token.Line));
                    reader.ExpectEnd();
                    break;
                default:
                    if (Array.IndexOf(stops, token.Name) >= 0)
                    {
                        stop = token;
                        return nodes;
                    }

                    nodes.Add(ParseTag(tokens, ref position, token, depth));
                    break;
            }
        }

        stop = null;
        return stops.Length == 0 ? nodes : throw new LiquidSyntaxException($"'{stops[^1]}' is missing", tokens.Count > 0 ? tokens[^1].Line : 1);
    }

    private static LiquidNode ParseTag(List<Token> tokens, ref int position, Token tag, int depth)
    {
        var reader = new ExpressionReader(tag.Markup, tag.Line);
        switch (tag.Name)
        {
            case "if":
            case "unless":
            {
                var branches = new List<IfBranch>();
                var unless = tag.Name == "unless";
                var condition = reader.ReadCondition();
                reader.ExpectEnd();
                var end = unless ? "endunless" : "endif";
                var stops = unless ? new[] { "else", end } : ["elsif", "else", end];
                while (true)
                {
                    var body = ParseBlock(tokens, ref position, stops, out var stop, depth + 1);
                    branches.Add(new IfBranch(unless && branches.Count == 0 ? new NotCondition(condition!) : condition, body));
                    if (stop!.Name == end)
                    {
                        break;
                    }

                    if (stop.Name == "elsif")
                    {
                        var next = new ExpressionReader(stop.Markup, stop.Line);
                        condition = next.ReadCondition();
                        next.ExpectEnd();
                        continue;
                    }

                    branches.Add(new IfBranch(null, ParseBlock(tokens, ref position, [end], out _, depth + 1)));
                    break;
                }

                return new IfNode(branches, tag.Line);
            }

            case "for":
            {
                var variable = reader.ReadIdentifier("a loop variable");
                if (reader.ReadIdentifier("'in'") != "in")
                {
                    throw new LiquidSyntaxException("'for' needs 'VARIABLE in COLLECTION'", tag.Line);
                }

                var source = reader.ReadPrimary();
                LiquidExpression? limit = null, offset = null;
                var reversed = false;
                while (!reader.AtEnd)
                {
                    var word = reader.ReadIdentifier("'limit:', 'offset:' or 'reversed'");
                    if (word == "reversed")
                    {
                        reversed = true;
                        continue;
                    }

                    reader.Expect(':');
                    var value = reader.ReadPrimary();
                    _ = word switch
                    {
                        "limit" => limit = value,
                        "offset" => offset = value,
                        _ => throw new LiquidSyntaxException($"'for' does not take '{word}'", tag.Line),
                    };
                }

                var body = ParseBlock(tokens, ref position, ["else", "endfor"], out var stop, depth + 1);
                var elseBody = stop!.Name == "else" ? ParseBlock(tokens, ref position, ["endfor"], out _, depth + 1) : null;
                return new ForNode(variable, source, limit, offset, reversed, body, elseBody, tag.Line);
            }

            case "assign":
            {
                var name = reader.ReadIdentifier("a variable name");
                reader.Expect('=');
                var value = reader.ReadFiltered();
                reader.ExpectEnd();
                return new AssignNode(name, value, tag.Line);
            }

            case "capture":
            {
                var name = reader.ReadIdentifier("a variable name");
                reader.ExpectEnd();
                return new CaptureNode(name, ParseBlock(tokens, ref position, ["endcapture"], out _, depth + 1), tag.Line);
            }

            case "break":
            case "continue":
                reader.ExpectEnd();
                return new LoopControlNode(tag.Name == "break", tag.Line);
            case "include" or "render" or "layout" or "section":
                throw new LiquidSyntaxException($"'{tag.Name}' is not allowed: templates cannot read other files", tag.Line);
            case "":
                throw new LiquidSyntaxException("empty tag '{% %}'", tag.Line);
            default:
                throw new LiquidSyntaxException($"unknown tag '{tag.Name}'", tag.Line);
        }
    }

    /// <summary>Reads expressions from the markup of one output or tag.</summary>
    private sealed class ExpressionReader(string text, int line)
    {
        private int _i;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _i >= text.Length;
            }
        }

        public void ExpectEnd()
        {
            if (!AtEnd)
            {
                throw new LiquidSyntaxException($"unexpected '{text[_i..]}'", line);
            }
        }

        public void Expect(char c)
        {
            if (!TryRead(c))
            {
                throw new LiquidSyntaxException($"expected '{c}' in '{text}'", line);
            }
        }

        public LiquidExpression ReadFiltered()
        {
            var expression = ReadPrimary();
            while (TryRead('|'))
            {
                var name = ReadIdentifier("a filter name");
                var arguments = new List<LiquidExpression>();
                if (TryRead(':'))
                {
                    do
                    {
                        arguments.Add(ReadPrimary());
                    }
                    while (TryRead(','));
                }

                expression = new FilterExpression(expression, name, arguments, line);
            }

            return expression;
        }

        public LiquidCondition ReadCondition()
        {
            var left = ReadComparison();
            SkipSpace();
            var save = _i;
            var word = TryReadWord();
            if (word is "and" or "or")
            {
                return new LogicCondition(left, word == "and", ReadCondition());
            }

            _i = save;
            return left;
        }

        public string ReadIdentifier(string what)
        {
            SkipSpace();
            return TryReadWord() ?? throw new LiquidSyntaxException($"expected {what} in '{text}'", line);
        }

        public LiquidExpression ReadPrimary()
        {
            SkipSpace();
            if (_i >= text.Length)
            {
                throw new LiquidSyntaxException($"expected a value in '{text}'", line);
            }

            var c = text[_i];
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, _i + 1);
                if (end < 0)
                {
                    throw new LiquidSyntaxException($"unterminated string in '{text}'", line);
                }

                var value = text[(_i + 1)..end];
                _i = end + 1;
                return new LiteralExpression(value, line);
            }

            if (c == '(')
            {
                _i++;
                var from = ReadPrimary();
                SkipSpace();
                if (!text.AsSpan(_i).StartsWith(".."))
                {
                    throw new LiquidSyntaxException($"expected a range '(a..b)' in '{text}'", line);
                }

                _i += 2;
                var to = ReadPrimary();
                Expect(')');
                return new RangeExpression(from, to, line);
            }

            if (char.IsAsciiDigit(c) || (c == '-' && _i + 1 < text.Length && char.IsAsciiDigit(text[_i + 1])))
            {
                var start = _i++;
                while (_i < text.Length && (char.IsAsciiDigit(text[_i]) || (text[_i] == '.' && _i + 1 < text.Length && char.IsAsciiDigit(text[_i + 1]))))
                {
                    _i++;
                }

                return new LiteralExpression(decimal.Parse(text.AsSpan(start, _i - start), NumberStyles.Number, CultureInfo.InvariantCulture), line);
            }

            var pathStart = _i;
            var root = TryReadWord() ?? throw new LiquidSyntaxException($"unexpected '{text[_i..]}'", line);
            switch (root)
            {
                case "true":
                    return new LiteralExpression(true, line);
                case "false":
                    return new LiteralExpression(false, line);
                case "nil" or "null":
                    return new LiteralExpression(null, line);
                case "empty" or "blank":
                    return new LiteralExpression(LiquidValues.Empty, line);
            }

            var segments = new List<object>();
            while (_i < text.Length)
            {
                if (text[_i] == '.' && !text.AsSpan(_i).StartsWith(".."))
                {
                    _i++;
                    segments.Add(TryReadWord() ?? throw new LiquidSyntaxException($"expected a member name after '.' in '{text}'", line));
                }
                else if (text[_i] == '[')
                {
                    _i++;
                    var index = ReadPrimary();
                    Expect(']');
                    segments.Add(index switch
                    {
                        LiteralExpression { Value: decimal d } when d == decimal.Truncate(d) && d is >= 0 and <= int.MaxValue => (object)(int)d,
                        LiteralExpression { Value: string s } => s,
                        _ => throw new LiquidSyntaxException($"an index must be a whole number or a quoted name in '{text}'", line),
                    });
                }
                else
                {
                    break;
                }
            }

            return new PathExpression(root, segments, text[pathStart.._i], line);
        }

        private CompareCondition ReadComparison()
        {
            var left = ReadPrimary();
            SkipSpace();
            string? op = null;
            foreach (var candidate in (string[])["==", "!=", "<>", "<=", ">=", "<", ">"])
            {
                if (text.AsSpan(_i).StartsWith(candidate))
                {
                    op = candidate;
                    _i += candidate.Length;
                    break;
                }
            }

            if (op is null)
            {
                var save = _i;
                if (TryReadWord() == "contains")
                {
                    op = "contains";
                }
                else
                {
                    _i = save;
                    return new CompareCondition(left, null, null);
                }
            }

            return new CompareCondition(left, op == "<>" ? "!=" : op, ReadPrimary());
        }

        private bool TryRead(char c)
        {
            SkipSpace();
            if (_i < text.Length && text[_i] == c)
            {
                _i++;
                return true;
            }

            return false;
        }

        private string? TryReadWord()
        {
            if (_i >= text.Length || !(char.IsAsciiLetter(text[_i]) || text[_i] == '_'))
            {
                return null;
            }

            var start = _i;
            while (_i < text.Length && (char.IsAsciiLetterOrDigit(text[_i]) || text[_i] is '_' or '-' or '?'))
            {
                if (text[_i] == '-' && (_i + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[_i + 1])))
                {
                    break;
                }

                _i++;
            }

            return text[start.._i];
        }

        private void SkipSpace()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i]))
            {
                _i++;
            }
        }
    }
}
