using BenchmarkDotNet.Attributes;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// 100 rules on one incoming message (issue 3's figure: ≤ 2 µs per message and ≤ 2× a hand-written if-chain). The
/// message is an Amazon relay message in English with an order; three rules match (two tags and a status). Both sides
/// fold the text once per message, as ingestion does.
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private CompiledRuleSet _rules = null!;
    private RuleInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleEngine.Default.Compile(RuleBenchmarkData.Rules);
        _input = new RuleInput
        {
            Store = new StoreId("northwind"),
            Channel = new ChannelId("northwind-amazon-us"),
            MarketplaceCountry = "US",
            MessageType = BuyerMessageType.ShippingInquiry,
            Subject = "Inquiry from Amazon customer Jane Doe (Order: 111-2345678-1234567) - Where is my PARCEL?",
            Sender = "abcdefgh1234567@marketplace.amazon.com",
            Body = "Hello, I ordered a kettle two weeks ago and the tracking page has not changed since Monday. "
                + "Could you tell me when it will arrive? If it is lost I would like a replacement rather than a refund. Thank you, Jane",
            Language = "en",
            HasOrder = true,
            IsFirstContact = true,
        };
        var outcome = _rules.Evaluate(_input);
        var baseline = RuleBenchmarkData.IfChain(_input);
        if (outcome.Tags.Count != (baseline.Tags?.Count ?? 0) || outcome.TargetStatus != baseline.Status)
        {
            throw new InvalidOperationException($"The engine and the if-chain disagree: {outcome.Tags.Count} tags vs {baseline.Tags?.Count ?? 0}.");
        }
    }

    [Benchmark(Baseline = true)]
    public (ConversationStatus?, List<string>?) IfChain() => RuleBenchmarkData.IfChain(_input);

    [Benchmark]
    public RuleOutcome Engine() => _rules.Evaluate(_input);
}
