namespace BuyerMessaging.Tests;

public sealed class ThreadingKeysTests
{
    [Theory]
    [InlineData("Re: Hello", "hello")]
    [InlineData("RE: AW: Fwd:  Hello   world", "hello world")]
    [InlineData("Re[2]: Hello", "hello")]
    [InlineData("返信: 配達について", "配達について")]
    [InlineData("Re：配達について", "配達について")]
    [InlineData("[EXT] Re: Hello", "ext] re: hello")]
    [InlineData("Return policy: question", "return policy: question")]
    [InlineData("Re:", "")]
    [InlineData("YNT: Siparişim nerede", "siparişim nerede")]
    [InlineData("İLT: YNT: Siparişim nerede", "siparişim nerede")]
    [InlineData("Doorst: Antw: Bestelling", "bestelling")]
    [InlineData("VB: SV: Beställning", "beställning")]
    [InlineData("PD: Odp: Zamówienie", "zamówienie")]
    public void SubjectKey_RemovesReplyPrefixesAndFolds(string subject, string expected) =>
        Assert.Equal(expected, ThreadingKeys.SubjectKey(subject));

    [Fact]
    public void SubjectKey_SubjectsInTurn_EachGetsItsOwnKey()
    {
        // The keys of the last subjects are kept per thread: asking in any order, again and again, must not mix them up.
        string[] subjects = ["Re: Hello", "AW: Lieferung", "返信: 配達について", "Hello", "RE: AW: Fwd:  Hello   world", "Re:"];
        string[] expected = ["hello", "lieferung", "配達について", "hello", "hello world", ""];
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < subjects.Length; i++)
            {
                var k = (i * (round + 2)) % subjects.Length;
                Assert.Equal(expected[k], ThreadingKeys.SubjectKey(subjects[k]));
                Assert.Equal(expected[k], ThreadingKeys.SubjectKey(new string(subjects[k])));
                Assert.Equal(expected[(k + 1) % subjects.Length], ThreadingKeys.SubjectKey(subjects[(k + 1) % subjects.Length]));
            }
        }
    }

    [Theory]
    [InlineData("ABCdef1234567xy@marketplace.amazon.com", "abcdef1234567xy@marketplace.amazon.com")]
    [InlineData("v8gpmnpf6t5ypsd+A00135411ZI2YBJ2DU9VJ@marketplace.amazon.co.jp", "v8gpmnpf6t5ypsd@marketplace.amazon.co.jp")]
    [InlineData("v8gpmnpf6t5ypsd@m.marketplace.amazon.co.jp", "v8gpmnpf6t5ypsd@m.marketplace.amazon.co.jp")]
    [InlineData("Pat+orders@Mail.example", "pat+orders@mail.example")]
    public void BuyerKey_LowerCasesAndDropsRelayTokenOnly(string address, string expected) =>
        Assert.Equal(expected, ThreadingKeys.BuyerKey(address));

    [Fact]
    public void ReferencedIds_InReplyToThenReferencesNearestFirst_EachOnceNeverItsOwn()
    {
        Assert.Equal(
            ["parent", "grand", "root"],
            ThreadingKeys.ReferencedIds("parent", ["root", "root", "", "grand", "parent", "self"], "self"));
        Assert.Equal(["b", "a"], ThreadingKeys.ReferencedIds(null, ["a", "b"], null));
        Assert.Equal(["x"], ThreadingKeys.ReferencedIds("x", [], "self"));
        Assert.Empty(ThreadingKeys.ReferencedIds("self", ["self"], "self"));
        Assert.Empty(ThreadingKeys.ReferencedIds("", [], null));
    }

    [Fact]
    public void ReferencedIds_LongHeader_SameAsTheDefinition()
    {
        // Above 16 references a set replaces the scan; both must give the plain definition's answer.
        for (var count = 0; count <= 40; count++)
        {
            var references = Enumerable.Range(0, count).Select(i => i % 7 == 0 ? "" : $"id{i % 23}").ToList();
            var inReplyTo = count % 3 == 0 ? null : $"id{count % 5}";
            var own = $"id{count % 4}";
            var expected = new[] { inReplyTo }.Concat(Enumerable.Reverse(references))
                .Where(id => !string.IsNullOrEmpty(id) && id != own).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, ThreadingKeys.ReferencedIds(inReplyTo, references, own));
        }
    }
}
