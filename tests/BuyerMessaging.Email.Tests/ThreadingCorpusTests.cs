using NodaTime;
using NodaTime.Testing;

namespace BuyerMessaging.Email.Tests;

/// <summary>
/// Threading on real mail from notmuch's threading corpus (../shared/corpora/threading/notmuch-threading, trees in its
/// EXPECTED.md), parsed and ingested as a support mailbox would be, in date order, in reverse and shuffled: replies
/// that arrive before the message they answer, a reply to a message that is missing (a "ghost"), a ticket system's
/// messages that share only a ticket id, and a stranger who quotes the thread.
/// </summary>
public sealed class ThreadingCorpusTests
{
    private const string Corpus = "threading";

    private static readonly string[][] GhostRootThreads =
    [
        // Alice's thread; Daniel writes in it (he received Alice's messages). The root is a message of its own.
        ["000-real-root@example.org", "001-child@example.org", "001-grand-child@example.org", "001-grand-child2@example.org", "001-great-grand-child@example.org"],

        // Mallory quotes Alice's thread but was never in it: not merged into it. (When her message comes first, Daniel,
        // whom she wrote to, can answer in her conversation; see the shuffled test.)
        ["001-fake-message-root@example.org"],

        // A request tracker: its auto-reply answers Gregor; "Resolved" names only the ticket, as the auto-reply does.
        [
            "87bmc6lp3h.fsf@len.workgroup",
            "rt-4.2.8-22046-1529425595-591.33575-211-0@xxxxxxx-xxxxxxxxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de",
            "rt-4.2.8-6644-1530017064-1465.33575-215-0@xxxxxxx-xxxxxxxxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de",
        ],
    ];

    private static readonly string[][] ParentPriorityThreads = [["B00-root@example.org", "B01-child@example.org", "B01-grand-child@example.org"]];

    private readonly MimeMessageParser _parser = new();

    [CorpusFact(Corpus)]
    public async Task Ingest_GhostRootInDateOrderAndInReverse_GivesNotmuchsThreads()
    {
        var mail = Parse("ghost-root");

        Assert.Equal(Canonical(GhostRootThreads), await ThreadsAsync([.. mail.OrderBy(m => m.SentAt)]));
        Assert.Equal(Canonical(GhostRootThreads), await ThreadsAsync([.. mail.OrderByDescending(m => m.SentAt)]));
    }

    [CorpusFact(Corpus)]
    public async Task Ingest_ParentPriorityInEveryOrder_OneThread()
    {
        // The child's References misspells the root's id; its In-Reply-To is right. Three messages: all six orders.
        var mail = Parse(Path.Combine("parent-priority", "cur"));
        foreach (var order in Permutations(mail))
        {
            Assert.Equal(Canonical(ParentPriorityThreads), await ThreadsAsync(order));
        }
    }

    [CorpusFact(Corpus)]
    public async Task Ingest_GhostRootShuffled_NothingLostAndTheStrangerNeverJoinsAThread()
    {
        var mail = Parse("ghost-root");
        for (var seed = 1; seed <= 20; seed++)
        {
            var order = mail.ToArray();
            new Random(seed).Shuffle(order);
            var created = new List<string>();
            var threads = await ThreadsAsync(order, created);

            Assert.Equal(mail.Count, threads.Sum(t => t.Count));
            Assert.Contains("001-fake-message-root@example.org", created);
        }
    }

    /// <summary>
    /// Jamie Zawinski's threading test cases as MailKit runs them (../shared/corpora/threading/jwz-testthreader): reference
    /// loops (a message naming itself, two to four messages naming each other), missing parents, contradicting
    /// References and repeated Message-IDs, all from one sender. Whatever the order, every message is stored once
    /// (a repeated Message-ID is a duplicate delivery), and each message sits with the parent MailKit gives it.
    /// </summary>
    [CorpusFact(Corpus)]
    public async Task Ingest_JwzReferenceCases_NothingLostInAnyOrderAndParentsKeptInArrivalOrder()
    {
        using var vectors = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.Corpus(Corpus)!, "jwz-testthreader", "vectors.json")));
        var testCase = vectors.RootElement.GetProperty("cases").GetProperty("TestThreadByReferences");
        var start = Instant.FromUtc(1997, 1, 1, 16, 0);
        var mail = testCase.GetProperty("messages").EnumerateArray().Select(m => new InboundMessage
        {
            ChannelKind = ChannelKind.Mailbox,
            From = new MailParticipant("Jamie", "jwz@example.org"),
            To = [new MailParticipant("Support", "support@example.org")],
            Subject = m.GetProperty("subject").GetString()!,
            Text = "…",
            InternetMessageId = m.GetProperty("message_id").GetString()!.Trim('<', '>'),
            References = [.. m.GetProperty("references").EnumerateArray().Select(r => r.GetString()!.Trim('<', '>'))],
            SentAt = start,
        }).ToList();
        var distinct = mail.Select(m => m.InternetMessageId).Distinct().Count();

        var inOrder = await ThreadsAsync(mail, allowDuplicates: true);
        Assert.Equal(distinct, inOrder.Sum(t => t.Count));

        // MailKit's tree, pre-order with depths; "dummy" is a missing message. Each message's nearest real ancestor in
        // the tree must share its conversation. Labels are subjects: the tree names a message only when its subject is
        // that of one Message-ID (a repeated delivery repeats its subject).
        var bySubject = mail.GroupBy(m => m.Subject)
            .Where(g => g.Select(m => m.InternetMessageId).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().InternetMessageId!);
        var conversationOf = inOrder.SelectMany((t, i) => t.Select(id => (id, i))).ToDictionary(x => x.id, x => x.i);
        var path = new List<string?>();
        var edges = 0;
        foreach (var node in testCase.GetProperty("expected_tree").EnumerateArray())
        {
            var depth = node.GetProperty("depth").GetInt32();
            var label = node.GetProperty("label").GetString()!;
            path.RemoveRange(depth, path.Count - depth);
            var id = bySubject.GetValueOrDefault(label);
            if (id is not null && path.LastOrDefault(p => p is not null) is { } parent)
            {
                Assert.True(conversationOf[id] == conversationOf[parent], $"'{label}' is not with its parent {parent}");
                edges++;
            }

            path.Add(id);
        }

        Assert.True(edges >= 15, $"only {edges} parent links checked");

        foreach (var order in new[] { Enumerable.Reverse(mail).ToArray() }.Concat(Enumerable.Range(1, 10).Select(seed =>
        {
            var shuffled = mail.ToArray();
            new Random(seed).Shuffle(shuffled);
            return shuffled;
        })))
        {
            Assert.Equal(distinct, (await ThreadsAsync(order, allowDuplicates: true)).Sum(t => t.Count));
        }
    }

    private List<InboundMessage> Parse(string folder)
    {
        var directory = Path.Combine(TestFiles.Corpus(Corpus)!, "notmuch-threading", folder);
        var mail = new List<InboundMessage>();
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var result = _parser.Parse(File.ReadAllBytes(file), file);
            Assert.True(result.Succeeded, $"{file}: {result.Error}");
            mail.Add(result.Message!);
        }

        return mail;
    }

    /// <summary>
    /// Ingests the mail in the order given into a new store; returns the Message-IDs of each conversation, and adds those
    /// of the messages that started one to <paramref name="created"/>. A duplicate delivery fails the test unless
    /// <paramref name="allowDuplicates"/>.
    /// </summary>
    private static async Task<List<List<string>>> ThreadsAsync(IReadOnlyList<InboundMessage> mail, List<string>? created = null, bool allowDuplicates = false)
    {
        var store = new InMemoryConversationStore();
        var clock = new FakeClock(Instant.FromUtc(2016, 6, 27, 0, 0));
        var ingestor = new ConversationIngestor(store, clock, Microsoft.Extensions.Options.Options.Create(new IngestionOptions { UnknownChannel = UnknownChannelHandling.CreateChannel }));
        var byConversation = new Dictionary<ConversationId, List<string>>();
        foreach (var message in mail)
        {
            var result = await ingestor.IngestAsync(message);
            if (allowDuplicates && result.Outcome == IngestOutcome.Duplicate)
            {
                continue;
            }

            Assert.True(result.Outcome is IngestOutcome.Created or IngestOutcome.Appended, $"{message.InternetMessageId}: {result.Outcome} {result.QuarantineReason}");
            clock.Advance(Duration.FromMinutes(1));
            if (result.Outcome == IngestOutcome.Created)
            {
                created?.Add(message.InternetMessageId!);
            }

            var id = result.ConversationId!.Value;
            if (!byConversation.TryGetValue(id, out var ids))
            {
                byConversation[id] = ids = [];
            }

            ids.Add(message.InternetMessageId!);
        }

        return Canonical(byConversation.Values);
    }

    private static List<List<string>> Canonical(IEnumerable<IEnumerable<string>> threads) =>
        [.. threads.Select(t => t.Order(StringComparer.Ordinal).ToList()).OrderBy(t => t[0], StringComparer.Ordinal)];

    private static IEnumerable<InboundMessage[]> Permutations(IReadOnlyList<InboundMessage> items) =>
        items.Count <= 1
            ? [[.. items]]
            : items.SelectMany((first, i) => Permutations([.. items.Where((_, j) => j != i)]).Select(rest => (InboundMessage[])[first, .. rest]));
}
