using System.Net;
using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>The text of an HTML body, and the text of each of its <c>&lt;pre&gt;</c> blocks.</summary>
/// <param name="Text">The text, with block elements on lines of their own.</param>
/// <param name="PreBlocks">The non-empty <c>&lt;pre&gt;</c> blocks, in order.</param>
internal sealed record HtmlTextResult(string Text, IReadOnlyList<string> PreBlocks);

/// <summary>
/// A small, forgiving HTML-to-text converter: one linear pass, no DOM. Drops scripts, styles and comments, puts
/// block elements and <c>&lt;br&gt;</c> on new lines, decodes entities and collapses white space outside
/// <c>&lt;pre&gt;</c>.
/// </summary>
internal static class HtmlText
{
    /// <summary>Elements that start and end a line.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "nav", "aside",
        "main", "figure", "figcaption", "caption", "address", "center", "form", "fieldset", "hr", "thead", "tbody", "tfoot",
        "body", "html",
    };

    /// <summary>Elements that stand apart with a blank line.</summary>
    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "template", "noscript", "xml",
    };

    public static HtmlTextResult Convert(string html)
    {
        var output = new Output();
        var preBlocks = new List<string>();
        StringBuilder? pre = null;
        var preDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                var text = WebUtility.HtmlDecode(html[i..textEnd]);
                output.AppendText(text, preDepth > 0);
                pre?.Append(text);
                i = textEnd;
            }

            if (lt < 0)
            {
                break;
            }

            if (!TryReadTag(html, lt, out var tag))
            {
                // A '<' that opens no tag is text.
                output.AppendText("<", preDepth > 0);
                pre?.Append('<');
                i = lt + 1;
                continue;
            }

            i = tag.End;
            if (tag.Name.Length == 0)
            {
                continue; // comment, doctype or processing instruction
            }

            if (!tag.Closing && !tag.SelfClosing && SkippedTags.Contains(tag.Name))
            {
                i = SkipElement(html, i, tag.Name);
                continue;
            }

            if (tag.Name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                output.NewLine();
                pre?.Append('\n');
            }
            else if (tag.Name.Equals("pre", StringComparison.OrdinalIgnoreCase))
            {
                output.Break(paragraph: true);
                if (!tag.Closing && !tag.SelfClosing)
                {
                    preDepth++;
                    pre ??= new StringBuilder();
                }
                else if (tag.Closing && preDepth > 0 && --preDepth == 0 && pre is not null)
                {
                    AddPreBlock(preBlocks, pre);
                    pre = null;
                }
            }
            else if (BlockTags.Contains(tag.Name) || ParagraphTags.Contains(tag.Name))
            {
                output.Break(paragraph: ParagraphTags.Contains(tag.Name));
                pre?.Append('\n');
            }
            else if (tag.Name.Equals("td", StringComparison.OrdinalIgnoreCase)
                || tag.Name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                output.AppendText(" ", false);
            }
        }

        if (pre is not null)
        {
            AddPreBlock(preBlocks, pre);
        }

        return new(TextLines.Join(TextLines.Split(output.ToString())), preBlocks);
    }

    private static void AddPreBlock(List<string> blocks, StringBuilder pre)
    {
        var text = TextLines.Join(TextLines.Split(pre.ToString().Replace('\u00A0', ' ')));
        if (text.Length > 0)
        {
            blocks.Add(text);
        }
    }

    private static int SkipElement(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            // An unclosed <head> is common in broken mail and may hold the whole body: keep reading it.
            return name.Equals("head", StringComparison.OrdinalIgnoreCase) ? from : html.Length;
        }

        var gt = html.IndexOf('>', close);
        return gt < 0 ? html.Length : gt + 1;
    }

    private static bool TryReadTag(string html, int lt, out Tag tag)
    {
        tag = default;
        var i = lt + 1;
        if (i >= html.Length)
        {
            return false;
        }

        if (html[i] == '!')
        {
            if (string.CompareOrdinal(html, i, "!--", 0, 3) == 0)
            {
                var endComment = html.IndexOf("-->", i + 3, StringComparison.Ordinal);
                tag = new(string.Empty, false, false, endComment < 0 ? html.Length : endComment + 3);
                return true;
            }

            var gt = html.IndexOf('>', i);
            tag = new(string.Empty, false, false, gt < 0 ? html.Length : gt + 1);
            return true;
        }

        if (html[i] == '?')
        {
            var gt = html.IndexOf('>', i);
            tag = new(string.Empty, false, false, gt < 0 ? html.Length : gt + 1);
            return true;
        }

        var closing = html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is ':' or '-'))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return false;
        }

        var name = html[nameStart..i];

        // Attributes: skip to the closing '>', honouring quoted values that may contain '>'.
        var selfClosing = false;
        char quote = '\0';
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                selfClosing = i > 0 && html[i - 1] == '/';
                tag = new(name, closing, selfClosing, i + 1);
                return true;
            }
        }

        tag = new(name, closing, selfClosing, html.Length);
        return true;
    }

    private readonly record struct Tag(string Name, bool Closing, bool SelfClosing, int End);

    /// <summary>Builds the text: collapses white space outside pre, never starts a line with a space.</summary>
    private sealed class Output
    {
        private readonly StringBuilder _builder = new();
        private bool _pendingSpace;

        public void AppendText(string text, bool preformatted)
        {
            foreach (var c in text)
            {
                if (preformatted)
                {
                    _builder.Append(c == '\u00A0' ? ' ' : c);
                    _pendingSpace = false;
                }
                else if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                }
                else
                {
                    if (_pendingSpace && _builder.Length > 0 && _builder[^1] != '\n')
                    {
                        _builder.Append(' ');
                    }

                    _pendingSpace = false;
                    _builder.Append(c);
                }
            }
        }

        public void NewLine()
        {
            _builder.Append('\n');
            _pendingSpace = false;
        }

        /// <summary>Ends the current line (and leaves a blank line for a paragraph), without piling up breaks.</summary>
        public void Break(bool paragraph)
        {
            _pendingSpace = false;
            if (_builder.Length == 0)
            {
                return;
            }

            var wanted = paragraph ? 2 : 1;
            var have = 0;
            while (have < wanted && have < _builder.Length && _builder[_builder.Length - 1 - have] == '\n')
            {
                have++;
            }

            _builder.Append('\n', wanted - have);
        }

        public override string ToString() => _builder.ToString();
    }
}
