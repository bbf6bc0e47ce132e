using System.Text;

namespace BuyerMessaging.Tests;

/// <summary>The parse-in-parallel pipeline (<see cref="ConversationIngestor.IngestPipelineAsync{TInput}"/>).</summary>
public abstract partial class ConversationIngestorContractTests
{
    /// <summary>Small batches and several parsers, so that batches are parsed out of order.</summary>
    private static readonly IngestPipelineOptions SmallBatches = new() { BatchSize = 4, ParserCount = 3 };

    [Fact]
    public async Task IngestPipelineAsync_ResultsInInputOrder_WithDuplicatesAcrossBatchesAndABadInputQuarantined()
    {
        // 0..29: every fifth input repeats the one before (inputs 8 and 28 repeat the last input of the batch before);
        // input 13 is not mail at all.
        var raw = Encoding.UTF8.GetBytes("not mime at all");
        var results = await CollectAsync(Ingestor.IngestPipelineAsync(Enumerable.Range(0, 30), i => ParseSlowly(i, raw), SmallBatches));

        Assert.Equal(30, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var expected = i == 13 ? IngestOutcome.Quarantined : i % 5 == 3 ? IngestOutcome.Duplicate : IngestOutcome.Created;
            Assert.Equal(expected, results[i].Outcome);
            if (expected == IngestOutcome.Created)
            {
                Assert.Equal($"Order {i}", (await Store.GetConversationAsync(results[i].ConversationId!.Value))!.Subject);
            }
            else if (expected == IngestOutcome.Duplicate)
            {
                Assert.Equal(results[i - 1].MessageId, results[i].MessageId);
            }
        }

        Assert.Equal("not a MIME message", results[13].QuarantineReason);
        var item = Assert.Single(await Store.GetQuarantineAsync());
        Assert.Equal("bad-13.eml", item.Source);
        Assert.Equal(raw, item.Raw.ToArray());
        Assert.Equal(24, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestPipelineAsync_SameInputsAgain_AreAllDuplicates()
    {
        var first = await CollectAsync(Ingestor.IngestPipelineAsync(Enumerable.Range(0, 10), Parse, SmallBatches));
        var again = await CollectAsync(Ingestor.IngestPipelineAsync(Enumerable.Range(0, 10), Parse, SmallBatches));

        Assert.Equal(8, first.Count(r => r.Outcome == IngestOutcome.Created));
        Assert.All(again, r => Assert.Equal(IngestOutcome.Duplicate, r.Outcome));
        Assert.Equal(first.Select(r => r.MessageId), again.Select(r => r.MessageId));
    }

    [Fact]
    public async Task IngestPipelineAsync_Cancelled_StopsAndKeepsOnlyTheBatchesAlreadyYielded()
    {
        using var cancellation = new CancellationTokenSource();
        var yielded = new List<IngestResult>();
        var options = new IngestPipelineOptions { BatchSize = 2, ParserCount = 2 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in Ingestor.IngestPipelineAsync(Enumerable.Range(0, 1_000), Parse, options, cancellation.Token))
            {
                yielded.Add(result);
                if (yielded.Count == 6)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        // Inputs 0..5 (input 3 repeats input 2): three batches yielded, nothing after them stored.
        Assert.Equal(6, yielded.Count);
        Assert.Equal(5, (await Store.CountAsync()).Total);
    }

    [Fact]
    public async Task IngestPipelineAsync_LeftEarly_StopsReadingAnEndlessInput()
    {
        var results = new List<IngestResult>();
        await foreach (var result in Ingestor.IngestPipelineAsync(Endless(), Parse, SmallBatches))
        {
            results.Add(result);
            if (results.Count == 5)
            {
                break;
            }
        }

        Assert.Equal(5, results.Count);

        // The batch of the fifth result (inputs 4..7) was committed whole, the batches read ahead of it were not
        // ingested: inputs 0..7 less the repeat 3.
        Assert.Equal(7, (await Store.CountAsync()).Total);

        static IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                yield return i;
            }
        }
    }

    [Fact]
    public async Task IngestPipelineAsync_ParseThrows_PropagatesAfterTheBatchesBefore()
    {
        var yielded = new List<IngestResult>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var result in Ingestor.IngestPipelineAsync(Enumerable.Range(0, 20), i => i == 9 ? throw new InvalidOperationException("parser bug") : Parse(i), SmallBatches))
            {
                yielded.Add(result);
            }
        });

        Assert.Equal("parser bug", error.Message);
        Assert.Equal(8, yielded.Count);
        Assert.Equal(7, (await Store.CountAsync()).Total);
    }

    [Fact]
    public void IngestPipelineAsync_InvalidArguments_ThrowAtOnce()
    {
        Assert.Throws<ArgumentNullException>("inputs", () => Ingestor.IngestPipelineAsync<int>(null!, Parse));
        Assert.Throws<ArgumentNullException>("parse", () => Ingestor.IngestPipelineAsync([1], (Func<int, InboundParseResult>)null!));
        Assert.Throws<ArgumentOutOfRangeException>("BatchSize", () => Ingestor.IngestPipelineAsync([1], Parse, new IngestPipelineOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("ParserCount", () => Ingestor.IngestPipelineAsync([1], Parse, new IngestPipelineOptions { ParserCount = 0 }));
    }

    private static async Task<List<IngestResult>> CollectAsync(IAsyncEnumerable<IngestResult> results)
    {
        var list = new List<IngestResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>Input i: a first message from its own sender, except that every fifth repeats the one before.</summary>
    private static InboundParseResult Parse(int i)
    {
        var n = i % 5 == 3 ? i - 1 : i;
        return InboundParseResult.Parsed(TestMail.Mail(from: $"buyer{n}@mail.example", subject: $"Order {n}", messageId: $"m{n}@mail.example"));
    }

    /// <summary><see cref="Parse"/> taking a varying time, so the parsers finish their batches out of order; input 13 fails.</summary>
    private static InboundParseResult ParseSlowly(int i, byte[] raw)
    {
        Thread.Sleep((i * 7) % 5);
        return i == 13 ? InboundParseResult.Failed("not a MIME message", raw, "bad-13.eml") : Parse(i);
    }
}
