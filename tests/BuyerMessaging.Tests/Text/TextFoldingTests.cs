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

public sealed class TextFoldingFastPathTests
{
    /// <summary>The reference: what <see cref="TextFolding.Fold"/> is defined to be.</summary>
    private static string Reference(string text) =>
        text.Normalize(System.Text.NormalizationForm.FormKC).ToLower(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void EveryCharacterOfTheFastPathIsLeftAsItIsByNfkc()
    {
        var checkedCount = 0;
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (!TextFolding.Stable.Contains(c))
            {
                Assert.False(TextFolding.CaselessStable.Contains(c), $"U+{i:X4} is caseless-stable but not stable");
                if (TextFolding.StableOrFullWidth.Contains(c))
                {
                    Assert.Equal(((char)(i - 0xFEE0)).ToString(), c.ToString().Normalize(System.Text.NormalizationForm.FormKC));
                }

                continue;
            }

            var s = c.ToString();
            Assert.True(s.IsNormalized(System.Text.NormalizationForm.FormKC), $"U+{i:X4} is changed by NFKC");
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            Assert.False(category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark, $"U+{i:X4} is a combining mark");
            if (TextFolding.CaselessStable.Contains(c))
            {
                Assert.Equal(s, s.ToLower(System.Globalization.CultureInfo.InvariantCulture));
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 39_000, $"only {checkedCount} characters on the fast path");
    }

    [Theory]
    [InlineData("先週注文した商品がまだ届きません。", true)]
    [InlineData("注文番号 123-4567890-1234567 の件", true)]
    [InlineData("Können Sie bitte die Sendungsverfolgung prüfen?", false)]
    [InlineData("ГДЕ МОЙ ЗАКАЗ", false)]
    [InlineData("배송이 안 왔어요", true)]
    [InlineData("我上周订购的商品还没有收到，请帮我查一下物流情况，谢谢！", false)]
    [InlineData("注文番号（ＡＢＣ－１２３）の件です？", false)]
    public void TextOnTheFastPathFoldsAsTheReferenceDoes(string text, bool unchanged)
    {
        var folded = TextFolding.Fold(text);
        Assert.Equal(Reference(text), folded);
        Assert.Equal(unchanged, ReferenceEquals(text, folded));
    }

    [Theory]
    [InlineData("ご注文\u3000ありがとう")]        // ideographic space: NFKC makes it a space
    [InlineData("ｶﾞｲﾄﾞ Ｎｏ．１")]                 // half-width kana, full-width Latin
    [InlineData("が\u3099")]                       // a combining voiced mark
    [InlineData("e\u0301te\u0301")]                // decomposed accents compose
    [InlineData("ĳssel ŉ ſ …")]                    // compatibility letters and the ellipsis
    [InlineData("注文 ㈱ ① ㍻")]                    // enclosed and squared forms
    [InlineData("Straße İstanbul ΣΊΣΥΦΟΣ 😀")]
    public void TextOffTheFastPathStillFoldsAsTheReferenceDoes(string text) =>
        Assert.Equal(Reference(text), TextFolding.Fold(text));

    [Fact]
    public void RandomTextFromTheFastPathAndAroundItFoldsAsTheReferenceDoes()
    {
        var random = new Random(20261207);
        var pool = new List<char>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            // Ideographs and Hangul syllables are most of the fast path: give the rest of it, and the characters
            // around it that NFKC changes or composes, enough weight to meet each other.
            var c = (char)i;
            var copies = i is 0x3000 or 0x3099 or 0x309A or 0x0301 or 0x0308 or 0xFF21 or 0xFF76 or 0xFF9E or 0x2026 or 0x00A0 or 0x017F or 0x1100 or 0x1161 or 0x11A8 ? 400
                : !TextFolding.StableOrFullWidth.Contains(c) ? 0
                : i is >= 0x3400 and <= 0x9FFF or >= 0xAC00 ? 1
                : 40;
            for (var k = 0; k < copies; k++)
            {
                pool.Add(c);
            }
        }

        var chars = new char[12];
        for (var n = 0; n < 200_000; n++)
        {
            var length = random.Next(1, chars.Length + 1);
            for (var k = 0; k < length; k++)
            {
                chars[k] = pool[random.Next(pool.Count)];
            }

            var text = new string(chars, 0, length);
            Assert.Equal(Reference(text), TextFolding.Fold(text));
        }
    }
}
