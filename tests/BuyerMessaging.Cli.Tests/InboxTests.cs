namespace BuyerMessaging.Cli.Tests;

public sealed class InboxTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Store_filter_keeps_one_store()
    {
        await _cli.IngestSamplesAsync();

        var items = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--store", "sakura", "--json")).Json().Items();

        Assert.Equal(7, items.Count);
        Assert.All(items, i => Assert.Equal("sakura", i.Str("storeId")));
        Assert.All(items, i => Assert.Equal("Amazon.co.jp", i.Str("channelName")));
    }

    [Fact]
    public async Task Japanese_text_search_finds_the_matching_conversations()
    {
        await _cli.IngestSamplesAsync();

        var items = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--text", "宅配ボックス", "--json")).Json().Items();

        var item = Assert.Single(items);
        Assert.Equal("佐藤 美咲", item.Str("buyerName"));
        Assert.Equal(2, item.Int("messageCount"));
    }

    [Fact]
    public async Task Status_filter_accepts_kebab_case_and_lists()
    {
        await _cli.IngestSamplesAsync();
        var ids = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "3", "--json")).Json().Items().Select(i => i.Str("id")!).ToArray();
        await _cli.OkAsync(["status", "--db", _cli.Database, "--set", "awaiting-buyer", "--actor", "alice", ids[0], ids[1]]);
        await _cli.OkAsync("status", "--db", _cli.Database, "--set", "RESOLVED", "--actor", "alice", ids[2]);

        var awaiting = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--status", "awaiting-buyer", "--json")).Json().Items();
        Assert.Equal(ids[..2].Order(StringComparer.Ordinal), awaiting.Select(i => i.Str("id")!).Order(StringComparer.Ordinal));
        Assert.All(awaiting, i => Assert.Equal("awaitingBuyer", i.Str("status")));

        var both = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--status", "awaitingBuyer,resolved", "--json")).Json().Items();
        Assert.Equal(3, both.Count);

        var open = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--status", "Open", "--limit", "100", "--json")).Json().Items();
        Assert.Equal(24, open.Count);
    }

    [Fact]
    public async Task Type_language_and_order_filters_combine()
    {
        await _cli.IngestSamplesAsync();

        var items = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--type", "return-request", "--language", "ja", "--has-order", "--json")).Json().Items();

        var item = Assert.Single(items);
        Assert.Equal("高橋 健太", item.Str("buyerName"));
        Assert.Equal("returnRequest", item.Str("messageType"));
    }

    [Fact]
    public async Task Paging_with_limit_and_after_visits_every_conversation_once()
    {
        await _cli.IngestSamplesAsync();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            string[] args = cursor is null
                ? ["inbox", "--db", _cli.Database, "--limit", "10", "--json"]
                : ["inbox", "--db", _cli.Database, "--limit", "10", "--after", cursor, "--json"];
            var page = (await _cli.OkAsync(args)).Json();
            JsonAssert.HasExactly(page, "items", "nextCursor");
            seen.AddRange(page.Items().Select(i => i.Str("id")!));
            cursor = page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(27, seen.Count);
        Assert.Equal(27, seen.Distinct().Count());
    }

    [Fact]
    public async Task Text_paging_prints_the_next_cursor()
    {
        await _cli.IngestSamplesAsync();

        var first = await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "25");
        var cursor = first.Out.Split('\n').Single(l => l.StartsWith("More: --after ", StringComparison.Ordinal))["More: --after ".Length..].Trim();
        var second = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "25", "--after", cursor, "--json")).Json();

        Assert.Equal(2, second.Items().Count);
        Assert.Null(second.Str("nextCursor"));
    }

    [Fact]
    public async Task The_table_has_the_seller_columns_and_aligns_Japanese_text()
    {
        await _cli.IngestSamplesAsync();

        var result = await _cli.OkAsync("inbox", "--db", _cli.Database, "--zone", "Asia/Tokyo", "--width", "160");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2 + 27, lines.Length);
        foreach (var header in new[] { "ID", "Channel", "Buyer", "Subject", "Status", "Remaining", "Updated", "Replies", "Type", "Order" })
        {
            Assert.Contains(header, lines[0], StringComparison.Ordinal);
        }

        // Every row puts the status column at the same terminal column, whatever the width of the Japanese text before it.
        var statusColumn = DisplayWidth.Of(lines[0][..lines[0].IndexOf("Status", StringComparison.Ordinal)]);
        var rows = lines.Skip(2).ToList();
        Assert.Contains(rows, r => r.Contains("佐藤 美咲", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(statusColumn, DisplayWidth.Of(r[..r.IndexOf("Open", StringComparison.Ordinal)])));
        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l) <= 160, l));
        Assert.All(rows, r => Assert.StartsWith("New", r, StringComparison.Ordinal));
        Assert.Contains("2026-12-01 09:00", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_state_is_new_then_read_for_an_hour_then_blank()
    {
        await _cli.IngestSamplesAsync();
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1", "--json")).Json().Items()[0].Str("id")!;

        await _cli.OkAsync("show", "--db", _cli.Database, id);
        Assert.Equal("new", await ReadStateAsync(id));

        await _cli.OkAsync("show", "--db", _cli.Database, id, "--mark-read", "--actor", "alice");
        Assert.Equal("read", await ReadStateAsync(id));
        Assert.StartsWith("Read", (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1")).Out.Split('\n')[2], StringComparison.Ordinal);

        _cli.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("none", await ReadStateAsync(id));
        var row = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1")).Out.Split('\n')[2];
        Assert.StartsWith(" ", row, StringComparison.Ordinal);
        Assert.StartsWith(id + " ", row.TrimStart(), StringComparison.Ordinal);

        var unread = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--unread", "--limit", "100", "--json")).Json().Items();
        Assert.Equal(26, unread.Count);
    }

    [Fact]
    public async Task Bad_filter_values_exit_1_naming_the_option()
    {
        await _cli.IngestSamplesAsync();

        foreach (var (args, option) in new (string[], string)[]
        {
            (["--status", "waiting"], "--status"),
            (["--type", "parcel"], "--type"),
            (["--sort", "newest"], "--sort"),
            (["--limit", "0"], "--limit"),
            (["--after", "not-a-cursor"], "--after"),
            (["--zone", "Mars/Olympus"], "--zone"),
        })
        {
            var result = await _cli.RunAsync(["inbox", "--db", _cli.Database, .. args]);
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(option, result.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_folder_is_not_found_and_a_missing_database_too()
    {
        await _cli.IngestSamplesAsync();

        Assert.Equal(2, (await _cli.RunAsync("inbox", "--db", _cli.Database, "--folder", "nowhere")).ExitCode);
        var missing = await _cli.RunAsync("inbox", "--db", Path.Combine(_cli.Folder, "other.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--db", missing.Err, StringComparison.Ordinal);
    }

    private async Task<string?> ReadStateAsync(string id)
    {
        var items = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "100", "--json")).Json().Items();
        return items.Single(i => i.Str("id") == id).Str("readState");
    }

    public void Dispose() => _cli.Dispose();
}
