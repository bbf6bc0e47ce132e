using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>
/// Finds the sender's own words in a body: for Amazon relay mail the text between the begin and end markers (or,
/// without markers, the text above Amazon's boilerplate); for all mail without the quoted earlier message.
/// </summary>
internal sealed partial class BodyTextExtractor(RelayGrammar grammar)
{
    /// <summary>The buyer's words in relay mail.</summary>
    /// <param name="body">The plain text (or the text of the HTML body).</param>
    /// <param name="preBlocks">The <c>&lt;pre&gt;</c> blocks of the HTML body, when the text came from HTML.</param>
    public string ExtractRelayText(string body, IReadOnlyList<string> preBlocks)
    {
        var lines = TextLines.Split(body);
        if (TryBetweenMarkers(lines, out var inner))
        {
            // Markers found: what stands between them is the buyer's, even when it is empty (an attachment only).
            return Finish(inner, fallback: null);
        }

        if (preBlocks.Count == 1)
        {
            var fromPre = WithoutBoilerplate(TextLines.Split(preBlocks[0]));
            var text = Finish(fromPre, fallback: null);
            if (text.Length > 0)
            {
                return text;
            }
        }

        return Finish(WithoutBoilerplate(lines), fallback: lines);
    }

    /// <summary>The text of ordinary mail: the body without a clearly marked quoted earlier message.</summary>
    public string ExtractMailText(string body)
    {
        var lines = TextLines.Split(body);
        var stripped = StripQuote(lines);
        var text = TextLines.Join(stripped);
        return text.Length > 0 ? text : TextLines.Join(lines);
    }

    /// <summary>Removes Amazon's "[commMgrTok:…]" trailer.</summary>
    public static string RemoveTokens(string text) => CommMgrTok().Replace(text, string.Empty);

    /// <summary>
    /// Takes the lines between the first begin marker and the end marker that matches it. Markers that follow the
    /// first begin marker (a quoted earlier exchange) nest; when they do not balance, the last end marker closes.
    /// </summary>
    private bool TryBetweenMarkers(List<string> lines, out List<string> inner)
    {
        inner = [];
        int begin = -1, end = -1, lastEnd = -1, firstEnd = -1, depth = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var kind = grammar.GetMarker(lines[i]);
            if (kind == MarkerKind.None)
            {
                continue;
            }

            if (begin < 0)
            {
                if (kind == MarkerKind.Begin)
                {
                    begin = i;
                    depth = 1;
                }
                else if (firstEnd < 0)
                {
                    firstEnd = i;
                }

                continue;
            }

            if (kind == MarkerKind.Begin)
            {
                depth++;
            }
            else
            {
                lastEnd = i;
                if (--depth == 0)
                {
                    end = i;
                    break;
                }
            }
        }

        if (begin >= 0)
        {
            end = end >= 0 ? end : lastEnd;
            if (end < 0)
            {
                // No end marker: up to Amazon's boilerplate.
                inner = WithoutBoilerplate(lines[(begin + 1)..]);
                return true;
            }

            inner = lines[(begin + 1)..end];
            CutAtNestedBegin(inner);
            return true;
        }

        if (firstEnd >= 0)
        {
            // An end marker without a begin marker: the text above it, without Amazon's preamble.
            inner = WithoutPreamble(lines[..firstEnd]);
            return true;
        }

        return false;
    }

    /// <summary>A begin marker inside the buyer's text opens a quoted earlier exchange: the new text stands above it.</summary>
    private void CutAtNestedBegin(List<string> inner)
    {
        for (var i = 0; i < inner.Count; i++)
        {
            if (grammar.GetMarker(inner[i]) == MarkerKind.Begin)
            {
                if (!TextLines.IsBlank(inner, 0, i))
                {
                    inner.RemoveRange(i, inner.Count - i);
                }

                return;
            }
        }
    }

    private List<string> WithoutBoilerplate(List<string> lines)
    {
        var kept = WithoutPreamble(lines);
        for (var i = 0; i < kept.Count; i++)
        {
            if (grammar.IsBoilerplateStart(kept[i]))
            {
                kept.RemoveRange(i, kept.Count - i);
                break;
            }
        }

        kept.RemoveAll(line => OrderLine().IsMatch(line) || AsinLine().IsMatch(line));
        return kept;
    }

    /// <summary>Drops Amazon's opening lines and the order block above the buyer's text.</summary>
    private List<string> WithoutPreamble(List<string> lines)
    {
        var start = 0;
        while (start < lines.Count
            && (string.IsNullOrWhiteSpace(lines[start])
                || grammar.IsPreamble(lines[start])
                || OrderLine().IsMatch(lines[start])
                || AsinLine().IsMatch(lines[start])
                || grammar.GetMarker(lines[start]) != MarkerKind.None))
        {
            start++;
        }

        return lines[start..];
    }

    private string Finish(List<string> lines, List<string>? fallback)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = RemoveTokens(lines[i]).TrimEnd();
        }

        var text = TextLines.Join(StripQuote(lines));
        if (text.Length == 0)
        {
            text = TextLines.Join(lines);
        }

        if (text.Length == 0 && fallback is not null)
        {
            // Nothing above the boilerplate: keep the whole body rather than lose it.
            text = TextLines.Join(fallback.Select(l => RemoveTokens(l).TrimEnd()));
        }

        return text;
    }

    /// <summary>
    /// Removes a quoted earlier message: from the first reply header on ("On … wrote:", "-----Original Message-----"),
    /// and a trailing block of "&gt;" lines. When the reply header comes first (a bottom-posted reply), keeps the
    /// lines that are not quoted. May return no lines; callers fall back to the whole text.
    /// </summary>
    private List<string> StripQuote(List<string> lines)
    {
        var result = lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (TextLines.IsQuoted(lines[i]) || !grammar.IsQuoteHeader(lines[i], i + 1 < lines.Count ? lines[i + 1] : null))
            {
                continue;
            }

            if (!TextLines.IsBlank(lines, 0, i))
            {
                result = lines[..i];
            }
            else
            {
                // The header comes first: what follows that is not quoted is the reply.
                var skip = grammar.IsQuoteHeader(lines[i], null) ? 1 : 2;
                result = [.. lines.Skip(i + skip).Where(l => !TextLines.IsQuoted(l))];
            }

            break;
        }

        // A trailing block of quoted lines (with blank lines between them).
        var end = result.Count;
        var sawQuote = false;
        while (end > 0 && (string.IsNullOrWhiteSpace(result[end - 1]) || TextLines.IsQuoted(result[end - 1])))
        {
            sawQuote |= TextLines.IsQuoted(result[end - 1]);
            end--;
        }

        if (sawQuote && end > 0)
        {
            result = result[..end];
        }

        // Separator lines left above a cut quote ("________", "-----").
        end = result.Count;
        while (end > 0 && (string.IsNullOrWhiteSpace(result[end - 1]) || TextLines.IsSeparator(result[end - 1])))
        {
            end--;
        }

        return end == result.Count ? result : result[..end];
    }

    [GeneratedRegex(@"\[commMgrTok:[^\]\r\n]*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommMgrTok();

    /// <summary>A line that holds only a label and an order id: "Order ID 102-…:", "# 301-…:", "注文番号：250-…".</summary>
    [GeneratedRegex(@"^\s*[^\d\r\n]{0,40}" + AmazonMail.OrderIdPattern + @"\s*[:：]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OrderLine();

    /// <summary>An item line of Amazon's order block: "1 of Product title [ASIN: B01FCAWEYM]".</summary>
    [GeneratedRegex(@"\[ASIN:\s*[A-Z0-9]{10}\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex AsinLine();
}
