using BuyerMessaging.Internal;

namespace BuyerMessaging.Tests;

public sealed class TextFoldingMapTests
{
    [Theory]
    [InlineData("Hello World")]
    [InlineData("ＡＢＣ ｶﾞｷﾞ 配達")]
    [InlineData("Ünïcödé e\u0301 ﬁ ㈱ ①")]
    [InlineData("mixed ＡＢＣ\r\nline 👍🏽 end")]
    [InlineData("")]
    public void FoldWithMap_FoldsLikeFold(string text) => Assert.Equal(TextFolding.Fold(text), TextFolding.FoldWithMap(text).Text);

    [Fact]
    public void FoldWithMap_MapsSpansBackToTheOriginal()
    {
        const string text = "連絡：ｉｎｆｏ＠ｓｈｏｐ．ｊｐ ｶﾞ";
        var folded = TextFolding.FoldWithMap(text);
        var at = folded.Text.IndexOf("info@shop.jp", StringComparison.Ordinal);
        var (start, length) = folded.ToOriginal(at, "info@shop.jp".Length);
        Assert.Equal("ｉｎｆｏ＠ｓｈｏｐ．ｊｐ", text.Substring(start, length));

        var ga = folded.Text.IndexOf('ガ', StringComparison.Ordinal);
        Assert.Equal("ｶﾞ", text.Substring(folded.ToOriginal(ga, 1).Start, folded.ToOriginal(ga, 1).Length));
    }
}
