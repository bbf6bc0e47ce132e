using System.Text;
using Microsoft.Extensions.Options;

namespace BuyerMessaging.Tests;

/// <summary>Batches (<see cref="ConversationIngestor.IngestBatchAsync"/>) and quarantine of repeated raw input.</summary>
public abstract partial class ConversationIngestorContractTests
{
    [Fact]
    public async Task QuarantineAsync_SameRawBytesTwice_KeepsOneItemAndReportsBoth()
    {
        var raw = Encoding.UTF8.GetBytes("not mime at all");

        var first = await Ingestor.IngestAsync(InboundParseResult.Failed("no From address", raw, "bad.eml"));
        var second = await Ingestor.IngestAsync(InboundParseResult.Failed("no From address", raw.ToArray(), "bad-copy.eml"));
        var other = await Ingestor.QuarantineAsync(Encoding.UTF8.GetBytes("other bytes"), "no From address", "other.eml");

        Assert.Equal(IngestOutcome.Quarantined, second.Outcome);
        Assert.Equal("no From address", second.QuarantineReason);
        Assert.Equal(first.QuarantineId, second.QuarantineId);
        Assert.NotEqual(first.QuarantineId, other.QuarantineId);
        var items = await Store.GetQuarantineAsync();
        Assert.Equal(2, items.Count);
        Assert.Equal("bad.eml", Assert.Single(items, i => i.Id == first.QuarantineId).Source);
    }

    [Fact]
    public async Task QuarantineAsync_NoRawBytes_EveryItemIsKept()
    {
        await Ingestor.IngestAsync(TestMail.Mail(to: "sales@unknown.example"));
        await Ingestor.IngestAsync(TestMail.Mail(to: "sales@unknown.example"));

        Assert.Equal(2, (await Store.GetQuarantineAsync()).Count);
    }

    [Fact]
    public async Task IngestBatchAsync_Null_ThrowsWithParameterName()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("inputs", () => Ingestor.IngestBatchAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>("inputs", () => Ingestor.IngestBatchAsync([InboundParseResult.Parsed(TestMail.Mail()), null!]));
    }

    [Fact]
    public async Task IngestBatchAsync_Empty_ReturnsNoResults() =>
        Assert.Empty(await Ingestor.IngestBatchAsync([]));

    [Fact]
    public async Task IngestBatchAsync_MixedInputs_OneResultPerInputInOrder_AsIfIngestedOneByOne()
    {
        var first = TestMail.Mail(messageId: "q1@mail.example");
        var followUp = TestMail.Mail(subject: "Re: Question about my blender", messageId: "q2@mail.example", inReplyTo: "q1@mail.example");
        var raw = Encoding.UTF8.GetBytes("garbage");
        InboundParseResult[] inputs =
        [
            InboundParseResult.Parsed(first),
            InboundParseResult.Parsed(TestMail.Relay(messageId: "r1@marketplace.amazon.com")),
            InboundParseResult.Parsed(followUp),
            InboundParseResult.Parsed(first),
            InboundParseResult.Failed("no From address", raw, "bad.eml"),
            InboundParseResult.Failed("no From address", raw, "bad-again.eml"),
            InboundParseResult.Parsed(TestMail.Mail(to: "sales@unknown.example")),
        ];

        var results = await Ingestor.IngestBatchAsync(inputs);

        Assert.Equal(
            [IngestOutcome.Created, IngestOutcome.Created, IngestOutcome.Appended, IngestOutcome.Duplicate, IngestOutcome.Quarantined, IngestOutcome.Quarantined, IngestOutcome.Quarantined],
            results.Select(r => r.Outcome));
        Assert.Equal(results[0].ConversationId, results[2].ConversationId);
        Assert.Equal(results[0].MessageId, results[3].MessageId);
        Assert.Equal(results[4].QuarantineId, results[5].QuarantineId);
        Assert.Equal(2, (await Store.GetMessagesAsync(results[0].ConversationId!.Value)).Count);
        Assert.Equal(2, (await Store.CountAsync()).Total);
        Assert.Equal(2, (await Store.GetQuarantineAsync()).Count);
        Assert.Equal(IngestOutcome.Duplicate, (await Ingestor.IngestAsync(followUp)).Outcome);
    }

    [Fact]
    public async Task IngestBatchAsync_OneInputThrows_OnlyThatInputIsRolledBackAndQuarantined()
    {
        var rules = new ThrowingRules("boom");
        var ingestor = new ConversationIngestor(Store, Clock, Options.Create(new IngestionOptions { UnknownChannel = UnknownChannelHandling.CreateChannel }), null, rules);
        var raw = Encoding.UTF8.GetBytes("the failing message");
        InboundParseResult[] inputs =
        [
            InboundParseResult.Parsed(TestMail.Mail(subject: "fine 1")),
            InboundParseResult.Parsed(TestMail.Mail(subject: "boom", to: "help@new.example") with { Raw = raw, Source = "boom.eml" }),
            InboundParseResult.Parsed(TestMail.Mail(from: "kim@mail.example", subject: "fine 2")),
        ];

        var results = await ingestor.IngestBatchAsync(inputs);

        Assert.Equal([IngestOutcome.Created, IngestOutcome.Quarantined, IngestOutcome.Created], results.Select(r => r.Outcome));
        Assert.Equal("ingestion failed: boom", results[1].QuarantineReason);
        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal("boom.eml", item.Source);
        Assert.Equal(raw, item.Raw.ToArray());

        // The channel that resolution created for the failing message is rolled back with it.
        Assert.DoesNotContain(await Store.GetChannelsAsync(), c => c.Address == "help@new.example");
        Assert.Equal(2, (await Store.CountAsync()).Total);
        foreach (var result in new[] { results[0], results[2] })
        {
            Assert.NotNull(await Store.GetConversationAsync(result.ConversationId!.Value));
            Assert.Single(await Store.GetMessagesAsync(result.ConversationId!.Value));
        }
    }

    /// <summary>Rules that throw for a message whose subject is the given one.</summary>
    private sealed class ThrowingRules(string subject) : IIngestionRules
    {
        public ValueTask<RuleOutcome> EvaluateAsync(IStoreTransaction transaction, RuleInput input, CancellationToken cancellationToken = default) =>
            input.Subject == subject ? throw new InvalidOperationException(subject) : ValueTask.FromResult(RuleOutcome.None);
    }
}
