using BuyerMessaging.Internal;

namespace BuyerMessaging.Email.Tests;

public sealed class HtmlTextTests
{
    [Fact]
    public void Convert_ScriptStyleAndComments_AreDropped()
    {
        var result = HtmlText.Convert("<style>p{}</style><script>if (a < b) { x = '</p>'; }</script><!-- <p>no</p> --><p>yes</p>");

        Assert.Equal("yes", result.Text);
    }

    [Fact]
    public void Convert_BlockElementsAndBreaks_StartNewLines()
    {
        var result = HtmlText.Convert("<div>one</div><div>two<br>three</div><ul><li>a</li><li>b</li></ul><p>para</p><table><tr><td>x</td><td>y</td></tr></table>");

        Assert.Equal("one\ntwo\nthree\na\nb\n\npara\n\nx y", result.Text);
    }

    [Fact]
    public void Convert_Entities_AreDecoded()
    {
        Assert.Equal("a & b < c \u00A9 \u2019 é", HtmlText.Convert("a &amp; b &lt; c &copy; &rsquo; &#233;").Text);
    }

    [Fact]
    public void Convert_WhiteSpaceOutsidePre_IsCollapsed()
    {
        Assert.Equal("a b c", HtmlText.Convert("  a \n\t  b&nbsp;&nbsp; c  ").Text);
    }

    [Fact]
    public void Convert_Pre_KeepsLinesAndIsReported()
    {
        var result = HtmlText.Convert("<p>Intro</p><pre>line 1\n  line 2\n\nline &amp; 4</pre><p>Outro</p>");

        Assert.Equal("Intro\n\nline 1\n  line 2\n\nline & 4\n\nOutro", result.Text);
        Assert.Equal(["line 1\n  line 2\n\nline & 4"], result.PreBlocks);
    }

    [Fact]
    public void Convert_AttributeWithAngleBracket_DoesNotEndTheTag()
    {
        Assert.Equal("text", HtmlText.Convert("<a title=\"a > b\" href='x>y'>text</a>").Text);
    }

    [Fact]
    public void Convert_LoneAngleBracket_IsText()
    {
        Assert.Equal("1 < 2 and 3 <", HtmlText.Convert("1 < 2 and 3 <").Text);
    }

    [Fact]
    public void Convert_UnclosedHead_KeepsTheBody()
    {
        Assert.Equal("Hello", HtmlText.Convert("<html><head><title>t</title><body><p>Hello</p>").Text);
    }

    [Fact]
    public void Convert_UnclosedScript_DropsTheRest()
    {
        Assert.Equal("before", HtmlText.Convert("before<script>var a = 1;").Text);
    }

    [Fact]
    public void Convert_LargeInput_IsLinear()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span class=\"x\">word</span> &amp; more</div>", 50_000));

        var result = HtmlText.Convert(html);

        Assert.StartsWith("word & more\nword & more", result.Text, StringComparison.Ordinal);
    }
}
