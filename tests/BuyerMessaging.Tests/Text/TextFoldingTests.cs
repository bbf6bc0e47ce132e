namespace BuyerMessaging.Tests;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("ABC", "abc")]
    [InlineData("ｶﾞｲﾄﾞ", "ガイド")]
    [InlineData("配達", "配達")]
    [InlineData("Straße", "straße")]
    [InlineData("①", "1")]
    public void Fold_FoldsCaseWidthAndCompatibilityForms(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Contains_FullWidthQueryFindsHalfWidthText() =>
        Assert.True(TextFolding.Contains("Order abc-123 arrived", "ＡＢＣ－１２３"));
}
