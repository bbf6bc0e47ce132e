using System.Text;
using BuyerMessaging.Internal;

namespace BuyerMessaging.Tests;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a", "a")]
    [InlineData("a b", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a  b", "a b")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\r\n b", "a b")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\u2028b", "a b")]
    [InlineData("   ", "")]
    [InlineData("配達 について", "配達 について")]
    public void Collapse_CollapsesRunsAndTrims(string text, string expected) =>
        Assert.Equal(expected, Whitespace.Collapse(text));

    [Theory]
    [InlineData("a\u0001b", false, "a\u0001b")]
    [InlineData("a\u0001b", true, "a b")]
    [InlineData("\u0007a", true, "a")]
    public void Collapse_ControlsOnlyWhenAsked(string text, bool controls, string expected) =>
        Assert.Equal(expected, Whitespace.Collapse(text, controls));

    [Fact]
    public void Collapse_AgreesWithThePlainDefinition()
    {
        // Every string of up to 5 characters over an alphabet of letters, spaces, other white space and a control:
        // the shortcut for already-collapsed text must give what collapsing character by character gives.
        char[] alphabet = ['a', ' ', '\t', '\u00A0', '\u0001'];
        var count = 0;
        foreach (var text in Strings(alphabet, 5))
        {
            foreach (var controls in new[] { false, true })
            {
                Assert.Equal(Plain(text, controls), Whitespace.Collapse(text, controls));
                count++;
            }
        }

        Assert.Equal(2 * ((5 * 5 * 5 * 5 * 5 * 5) - 1) / 4, count);
    }

    private static string Plain(string text, bool controls)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || (controls && char.IsControl(c)))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join(' ', words);
    }

    private static IEnumerable<string> Strings(char[] alphabet, int maxLength)
    {
        IEnumerable<string> level = [string.Empty];
        yield return string.Empty;
        for (var length = 1; length <= maxLength; length++)
        {
            level = [.. level.SelectMany(prefix => alphabet.Select(c => prefix + c))];
            foreach (var text in level)
            {
                yield return text;
            }
        }
    }
}
