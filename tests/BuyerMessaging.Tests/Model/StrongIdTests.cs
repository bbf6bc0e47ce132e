using System.Text.Json;
using System.Text.Json.Serialization;

namespace BuyerMessaging.Tests;

public sealed partial class StrongIdTests
{
    [Fact]
    public void Constructor_InvalidValue_ThrowsWithParameterName()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new StoreId(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new StoreId("")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new StoreId(" x")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new StoreId("a\nb")).ParamName);
        Assert.Throws<ArgumentException>(() => new StoreId(new string('a', StrongId.MaxLength + 1)));
    }

    [Fact]
    public void Equality_IsOrdinalAndCaseSensitive()
    {
        Assert.Equal(new ChannelId("abc"), new ChannelId("abc"));
        Assert.NotEqual(new ChannelId("abc"), new ChannelId("ABC"));
        Assert.Equal("abc", new ChannelId("abc").ToString());
    }

    [Fact]
    public void ParseAndTryParse_RoundTrip()
    {
        Assert.Equal(new ConversationId("42"), ConversationId.Parse("42"));
        Assert.True(MessageId.TryParse("7", out var id));
        Assert.Equal("7", id.Value);
        Assert.False(AgentId.TryParse(null, out _));
        Assert.Throws<FormatException>(() => FolderId.Parse(""));
    }

    [Fact]
    public void Default_HasEmptyValue()
    {
        Assert.Equal(string.Empty, default(StoreId).Value);
    }

    [Fact]
    public void Json_RoundTripsAsStringAndRejectsInvalid()
    {
        var holder = new IdHolder(new StoreId("northwind"), new ConversationId("12"));
        var json = JsonSerializer.Serialize(holder, IdJsonContext.Default.IdHolder);

        Assert.Equal("""{"Store":"northwind","Conversation":"12"}""", json);
        Assert.Equal(holder, JsonSerializer.Deserialize(json, IdJsonContext.Default.IdHolder));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"Store":"","Conversation":"1"}""", IdJsonContext.Default.IdHolder));
    }

    public sealed record IdHolder(StoreId Store, ConversationId Conversation);

    [JsonSerializable(typeof(IdHolder))]
    private sealed partial class IdJsonContext : JsonSerializerContext;
}
