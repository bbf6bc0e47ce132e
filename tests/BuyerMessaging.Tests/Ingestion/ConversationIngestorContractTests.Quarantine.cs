using System.Text;
using NodaTime;

namespace BuyerMessaging.Tests;

/// <summary><see cref="ConversationIngestor.RetryQuarantinedAsync"/>: quarantined input tried again once what kept it out is fixed.</summary>
public abstract partial class ConversationIngestorContractTests
{
    [Fact]
    public async Task RetryQuarantinedAsync_AfterTheChannelIsEnabled_IngestsItAndTakesItOutOfQuarantine()
    {
        var directory = new StoreDirectory(Store);
        await directory.SetEnabledAsync(TestMail.Support, false);
        var message = TestMail.Mail() with { Raw = Encoding.UTF8.GetBytes("raw mime"), Source = "inbox/7.eml" };
        var quarantined = await Ingestor.IngestAsync(message);
        await directory.SetEnabledAsync(TestMail.Support, true);
        QuarantinedItem? seen = null;

        var result = await Ingestor.RetryQuarantinedAsync(quarantined.QuarantineId!.Value, item =>
        {
            seen = item;
            return InboundParseResult.Parsed(message);
        });

        Assert.Equal(IngestOutcome.Quarantined, quarantined.Outcome);
        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal("raw mime", Encoding.UTF8.GetString(seen!.Raw.Span));
        Assert.Equal("inbox/7.eml", seen.Source);
        Assert.Empty(await Store.GetQuarantineAsync());
        Assert.Null(await Store.GetQuarantinedItemAsync(quarantined.QuarantineId.Value));
        Assert.Equal(TestMail.Support, (await Store.GetConversationAsync(result.ConversationId!.Value))!.ChannelId);
    }

    [Fact]
    public async Task RetryQuarantinedAsync_FailingAgain_KeepsItWithTheNewReasonUnderANewId()
    {
        var first = await Ingestor.IngestAsync(InboundParseResult.Failed("no From address", new byte[] { 1, 2, 3 }, "bad.eml"));
        Clock.Advance(Duration.FromHours(1));

        var again = await Ingestor.RetryQuarantinedAsync(first.QuarantineId!.Value, item => InboundParseResult.Failed("still no From address", item.Raw, item.Source));

        Assert.Equal(IngestOutcome.Quarantined, again.Outcome);
        Assert.NotEqual(first.QuarantineId, again.QuarantineId);
        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal(again.QuarantineId, item.Id);
        Assert.Equal("still no From address", item.Reason);
        Assert.Equal("bad.eml", item.Source);
        Assert.Equal(TestMail.Start + Duration.FromHours(1), item.At);
        Assert.Equal(new byte[] { 1, 2, 3 }, item.Raw.ToArray());
    }

    [Fact]
    public async Task RetryQuarantinedAsync_ParseThrows_ChangesNothing()
    {
        var first = await Ingestor.IngestAsync(InboundParseResult.Failed("no From address", new byte[] { 1, 2, 3 }, "bad.eml"));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Ingestor.RetryQuarantinedAsync(first.QuarantineId!.Value, _ => throw new InvalidOperationException("parser crashed")));

        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal(first.QuarantineId, item.Id);
        Assert.Equal("no From address", item.Reason);
    }

    [Fact]
    public async Task RetryQuarantinedAsync_MessageArrivedAnotherWayMeanwhile_IsADuplicateAndLeavesQuarantine()
    {
        var directory = new StoreDirectory(Store);
        await directory.SetEnabledAsync(TestMail.Support, false);
        var message = TestMail.Mail() with { Raw = Encoding.UTF8.GetBytes("raw mime") };
        var quarantined = await Ingestor.IngestAsync(message);
        await directory.SetEnabledAsync(TestMail.Support, true);
        var delivered = await Ingestor.IngestAsync(message);

        var result = await Ingestor.RetryQuarantinedAsync(quarantined.QuarantineId!.Value, _ => InboundParseResult.Parsed(message));

        Assert.Equal(IngestOutcome.Duplicate, result.Outcome);
        Assert.Equal(delivered.MessageId, result.MessageId);
        Assert.Empty(await Store.GetQuarantineAsync());
        Assert.Single(await Store.GetMessagesAsync(delivered.ConversationId!.Value));
    }

    [Fact]
    public async Task RetryQuarantinedAsync_NoSuchItem_ThrowsKeyNotFound()
    {
        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => Ingestor.RetryQuarantinedAsync(42, _ => throw new InvalidOperationException("not called")));

        Assert.Equal("There is no quarantined item 42.", e.Message);
    }
}
