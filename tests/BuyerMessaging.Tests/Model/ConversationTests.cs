using NodaTime;

namespace BuyerMessaging.Tests;

public sealed class ConversationTests
{
    private static readonly Conversation Sample = new()
    {
        Id = new("1"), StoreId = TestMail.Northwind, ChannelId = TestMail.Support, Buyer = new("Pat", "pat@mail.example", false),
        FirstInboundAt = TestMail.Start, LastInboundAt = TestMail.Start, UpdatedAt = TestMail.Start,
    };

    [Fact]
    public void GetReadState_NeverOpened_IsNew() => Assert.Equal(ReadState.New, Sample.GetReadState(TestMail.Start));

    [Theory]
    [InlineData(0, ReadState.Read)]
    [InlineData(59, ReadState.Read)]
    [InlineData(60, ReadState.None)]
    [InlineData(600, ReadState.None)]
    public void GetReadState_AfterOpening_ReadForOneHourThenBlank(int minutes, ReadState expected)
    {
        var opened = Sample with { ReadAt = TestMail.Start };
        Assert.Equal(expected, opened.GetReadState(TestMail.Start + Duration.FromMinutes(minutes)));
    }

    [Fact]
    public void GetReadState_BuyerWroteAfterOpening_IsNew()
    {
        var c = Sample with { ReadAt = TestMail.Start, LastInboundAt = TestMail.Start + Duration.FromMinutes(5) };
        Assert.Equal(ReadState.New, c.GetReadState(TestMail.Start + Duration.FromMinutes(6)));
    }
}
