namespace BuyerMessaging.Tests.Differential;

/// <summary>
/// Compares what a user sees of two stores through <see cref="IConversationStore"/>: configuration (stores, channels,
/// folders, agents), sidebar counts, inbox queries with random filters in every sort walked page by page to the end, and
/// each conversation with its messages and history. Also checks what must hold of either store alone: pages without
/// duplicates or gaps, in the documented order.
/// </summary>
internal sealed class StoreComparison(StoreSide a, StoreSide b, Random random, Action<string> fail)
{
    private static readonly string[] Languages = ["en", "EN", "de", "ja", "Ja", "zh", "fr"];

    /// <summary>What the scenario knows to pick filters from.</summary>
    public sealed record Known(
        IReadOnlyList<StoreId> Stores,
        IReadOnlyList<Channel> Channels,
        IReadOnlyList<AgentId> Agents,
        IReadOnlyList<Folder> Folders,
        IReadOnlyList<ConversationId> Conversations,
        IReadOnlyList<string> Corpus);

    /// <summary>Compares the stores: a few random queries and conversations, or everything when <paramref name="full"/>.</summary>
    public async Task CheckAsync(bool full, Known known)
    {
        await SameAsync("stores", s => s.GetStoresAsync(), x => x.ToString());
        await SameAsync("channels", s => s.GetChannelsAsync(), x => x.ToString());
        await SameAsync("folders", s => s.GetFoldersAsync(), x => x.ToString());
        await SameAsync("agents", s => s.GetAgentsAsync(), x => x.ToString());
        await SameAsync("quarantine", s => s.GetQuarantineAsync(1000), q => $"{q.Id} {Describe.Instant(q.At)} {q.Source} {q.ChannelId} {q.Reason} {Convert.ToHexString(q.Raw.Span)}");
        await SameAsync("quarantine entries", s => s.GetQuarantineEntriesAsync(1000), q => $"{q.Id} {Describe.Instant(q.At)} {q.Source} {q.ChannelId} {q.Reason} {q.Size}");
        await SameAsync("work items", s => s.QueryWorkAsync(new WorkItemQuery { Limit = 1000 }), Describe.WorkItem);
        await SameAsync("work items newest first", s => s.QueryWorkAsync(new WorkItemQuery { Limit = 1000, NewestFirst = true }), Describe.WorkItem);
        await SameCountsAsync(null);
        await SameCountsAsync(RandomScope(known));

        for (var i = full ? 12 : 3; i > 0; i--)
        {
            await SameQueryAsync(RandomQuery(known));
        }

        var conversations = full ? known.Conversations : known.Conversations.OrderBy(_ => random.Next()).Take(3).ToList();
        foreach (var id in conversations)
        {
            await SameConversationAsync(id);
        }
    }

    private async Task SameAsync<T>(string what, Func<IConversationStore, Task<IReadOnlyList<T>>> read, Func<T, string> describe)
    {
        var left = (await read(a.Store)).Select(describe).ToList();
        var right = (await read(b.Store)).Select(describe).ToList();
        SameLists(what, left, right);
    }

    private void SameLists(string what, IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var l = i < left.Count ? left[i] : "(missing)";
            var r = i < right.Count ? right[i] : "(missing)";
            if (l != r)
            {
                fail($"{what} differ at item {i} of {left.Count} / {right.Count}\n  {a.Name}: {l}\n  {b.Name}: {r}");
            }
        }
    }

    private async Task SameCountsAsync(InboxScope? scope)
    {
        var left = Describe.Counts(await a.Store.CountAsync(scope));
        var right = Describe.Counts(await b.Store.CountAsync(scope));
        if (left != right)
        {
            fail($"counts for {Describe.Scope(scope)} differ\n  {a.Name}: {left}\n  {b.Name}: {right}");
        }
    }

    private async Task SameConversationAsync(ConversationId id)
    {
        var left = Describe.Conversation(await a.Store.GetConversationAsync(id));
        var right = Describe.Conversation(await b.Store.GetConversationAsync(id));
        if (left != right)
        {
            fail($"conversation {id} differs\n  {a.Name}: {left}\n  {b.Name}: {right}");
        }

        await SameAsync($"messages of {id}", s => s.GetMessagesAsync(id), Describe.Message);
        await SameAsync($"messages of {id} without attachments", s => s.GetMessagesAsync(id, MessageReading.WithoutAttachments), Describe.Message);
        await SameAsync($"history of {id}", s => s.GetHistoryAsync(id), Describe.Change);
    }

    /// <summary>
    /// Runs a query on both stores: the first page with the query's page size, then page after page with random sizes (the
    /// same on both) to the end. Pages, cursors and conversations must be equal; on each store the pages must together
    /// be the whole result in one page, without duplicates, in the sort's order.
    /// </summary>
    private async Task SameQueryAsync(InboxQuery query)
    {
        var whole = query with { PageSize = InboxQuery.MaxPageSize, After = null };
        var wholeA = (await a.Store.QueryAsync(whole)).Items;
        var wholeB = (await b.Store.QueryAsync(whole)).Items;
        var what = "query " + Describe.Query(query);
        SameLists(what, [.. wholeA.Select(Describe.Conversation)], [.. wholeB.Select(Describe.Conversation)]);
        InSortOrder(what, query.Sort, wholeA);

        var walkedA = new List<ConversationId>();
        var walkedB = new List<ConversationId>();
        string? afterA = null, afterB = null;
        var page = query;
        for (var pages = 0; ; pages++)
        {
            if (pages > wholeA.Count + 1)
            {
                fail($"{what}: paging does not end after {pages} pages");
            }

            var left = await a.Store.QueryAsync(page with { After = afterA });
            var right = await b.Store.QueryAsync(page with { After = afterB });
            SameLists($"{what} page {pages} (size {page.PageSize})", [.. left.Items.Select(c => c.Id.Value)], [.. right.Items.Select(c => c.Id.Value)]);
            if (left.NextCursor != right.NextCursor)
            {
                fail($"{what} page {pages}: next cursors differ\n  {a.Name}: {left.NextCursor}\n  {b.Name}: {right.NextCursor}");
            }

            if (left.NextCursor is not null && left.Items.Count != page.PageSize)
            {
                fail($"{what} page {pages}: {left.Items.Count} items on a page of {page.PageSize} that is not the last");
            }

            walkedA.AddRange(left.Items.Select(c => c.Id));
            walkedB.AddRange(right.Items.Select(c => c.Id));
            if (left.NextCursor is null)
            {
                break;
            }

            (afterA, afterB) = (left.NextCursor, right.NextCursor);
            page = page with { PageSize = random.Next(4) == 0 ? random.Next(1, 20) : random.Next(1, 4) };
        }

        SameLists($"{what}: {a.Name} walked page by page vs in one page", [.. walkedA.Select(i => i.Value)], [.. wholeA.Select(c => c.Id.Value)]);
        SameLists($"{what}: {b.Name} walked page by page vs in one page", [.. walkedB.Select(i => i.Value)], [.. wholeB.Select(c => c.Id.Value)]);
    }

    /// <summary>The documented order: the sort key (descending, or ascending for SLA due), then the id, descending (ordinal).</summary>
    private void InSortOrder(string what, InboxSort sort, IReadOnlyList<Conversation> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var (previous, current) = (items[i - 1], items[i]);
            var keyOrder = InboxCursor.KeyOf(previous, sort).CompareTo(InboxCursor.KeyOf(current, sort));
            if (sort == InboxSort.SlaDue)
            {
                keyOrder = -keyOrder;
            }

            if (keyOrder < 0 || (keyOrder == 0 && string.CompareOrdinal(previous.Id.Value, current.Id.Value) <= 0))
            {
                fail($"{what}: {previous.Id} comes before {current.Id} against the sort");
            }
        }
    }

    private InboxScope? RandomScope(Known known) => random.Next(3) switch
    {
        0 => new InboxScope { Stores = Some(known.Stores.Append(new StoreId("no-such-store")).ToList()) },
        1 => new InboxScope { Channels = Some(known.Channels.Select(c => c.Id).ToList()), Stores = random.Next(3) == 0 ? Some(known.Stores) : null },
        _ => new InboxScope(),
    };

    private InboxQuery RandomQuery(Known known)
    {
        var q = new InboxQuery
        {
            Sort = (InboxSort)random.Next(0, 3),
            PageSize = random.Next(5) == 0 ? InboxQuery.DefaultPageSize : random.Next(1, 8),
        };
        if (random.Next(10) < 3)
        {
            q = q with { Stores = Some(known.Stores) };
        }

        if (random.Next(10) < 3)
        {
            q = q with { Channels = Some(known.Channels.Select(c => c.Id).ToList()) };
        }

        if (random.Next(10) < 2)
        {
            q = q with { Statuses = Some(Enum.GetValues<ConversationStatus>()) };
        }

        if (random.Next(10) < 3)
        {
            var folders = known.Folders.Select(f => f.Id).Append(new FolderId("f-no-such-folder")).ToList();
            q = q with { Folder = folders[random.Next(folders.Count)] };
        }

        if (random.Next(10) < 2 && known.Agents.Count > 0)
        {
            q = q with { Assignee = known.Agents[random.Next(known.Agents.Count)] };
        }
        else if (random.Next(10) == 0)
        {
            q = q with { Unassigned = true };
        }

        if (random.Next(10) < 2)
        {
            q = q with { MessageTypes = Some(Enum.GetValues<BuyerMessageType>()) };
        }

        if (random.Next(10) < 2)
        {
            q = q with { Languages = Some(Languages) };
        }

        if (random.Next(10) < 2)
        {
            q = q with { HasOrder = random.Next(2) == 0 };
        }

        if (random.Next(10) < 3)
        {
            q = q with { Unread = random.Next(2) == 0 };
        }

        if (random.Next(10) < 4)
        {
            q = q with { Text = RandomText(known) };
        }

        return q;
    }

    private string RandomText(Known known)
    {
        var roll = random.Next(100);
        string text;
        if (roll < 60 && known.Corpus.Count > 0)
        {
            text = ScenarioText.Substring(random, known.Corpus[random.Next(known.Corpus.Count)]);
        }
        else if (roll < 65 && known.Corpus.Count > 1)
        {
            // Two texts' ends joined by a line break, as pasted from the conversation view.
            var first = known.Corpus[random.Next(known.Corpus.Count)];
            var second = known.Corpus[random.Next(known.Corpus.Count)];
            text = Runes(first, fromEnd: true) + "\n" + Runes(second, fromEnd: false);
        }
        else
        {
            text = ScenarioText.Vocabulary[random.Next(ScenarioText.Vocabulary.Length)];
        }

        return ScenarioText.Retype(random, text);
    }

    /// <summary>The first (<paramref name="fromEnd"/> false) or last three runes of a text.</summary>
    private static string Runes(string text, bool fromEnd)
    {
        var runes = text.EnumerateRunes().ToArray();
        var take = Math.Min(3, runes.Length);
        return string.Concat(runes.Skip(fromEnd ? runes.Length - take : 0).Take(take).Select(r => r.ToString()));
    }

    private List<T> Some<T>(IReadOnlyList<T> values)
    {
        var some = values.Where(_ => random.Next(3) == 0).ToList();
        return some.Count > 0 || values.Count == 0 ? some : [values[random.Next(values.Count)]];
    }
}
