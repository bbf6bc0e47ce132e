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
    public void SubjectKey_RemovesReplyPrefixesAndFolds(string subject, string expected) =>
        Assert.Equal(expected, ThreadingKeys.SubjectKey(subject));

    [Theory]
    [InlineData("ABCdef1234567xy@marketplace.amazon.com", "abcdef1234567xy@marketplace.amazon.com")]
    [InlineData("v8gpmnpf6t5ypsd+A00135411ZI2YBJ2DU9VJ@marketplace.amazon.co.jp", "v8gpmnpf6t5ypsd@marketplace.amazon.co.jp")]
    [InlineData("v8gpmnpf6t5ypsd@m.marketplace.amazon.co.jp", "v8gpmnpf6t5ypsd@m.marketplace.amazon.co.jp")]
    [InlineData("Pat+orders@Mail.example", "pat+orders@mail.example")]
    public void BuyerKey_LowerCasesAndDropsRelayTokenOnly(string address, string expected) =>
        Assert.Equal(expected, ThreadingKeys.BuyerKey(address));
}
