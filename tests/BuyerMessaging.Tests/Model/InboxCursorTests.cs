namespace BuyerMessaging.Tests;

public sealed class InboxCursorTests
{
    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var cursor = new InboxCursor(InboxSort.SlaDue, long.MaxValue, new ConversationId("12"));
        Assert.True(InboxCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("MXwy")]
    public void TryDecode_Garbage_IsFalse(string value) => Assert.False(InboxCursor.TryDecode(value, out _));

    [Fact]
    public void FromQuery_CursorOfOtherSort_ThrowsWithParameterName()
    {
        var cursor = new InboxCursor(InboxSort.Received, 1, new ConversationId("1")).Encode();
        var ex = Assert.Throws<ArgumentException>(() => InboxCursor.FromQuery(new InboxQuery { After = cursor }));
        Assert.Equal("query", ex.ParamName);
    }
}
