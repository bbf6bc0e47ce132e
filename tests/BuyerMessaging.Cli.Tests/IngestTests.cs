using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

public sealed class IngestTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Ingest_of_the_sample_folder_counts_duplicates_and_quarantines_the_malformed_file()
    {
        var json = (await _cli.IngestSamplesAsync()).Json();

        JsonAssert.HasExactly(json, "ingested", "duplicates", "quarantined");
        Assert.Equal(36, json.Int("ingested"));
        Assert.Equal(3, json.Int("duplicates"));
        var quarantined = Assert.Single(json.Items("quarantined"));
        JsonAssert.HasExactly(quarantined, "file", "reason");
        Assert.Equal(Path.Join(CliHarness.SampleData, "99-malformed.eml"), quarantined.Str("file"));
        Assert.False(string.IsNullOrWhiteSpace(quarantined.Str("reason")));

        var list = (await _cli.OkAsync("quarantine", "--db", _cli.Database, "--json")).Json();
        var item = Assert.Single(list.Items());
        JsonAssert.HasExactly(item, "id", "at", "source", "reason", "size", "channelId");
        Assert.Equal(quarantined.Str("file"), item.Str("source"));
        Assert.Equal(quarantined.Str("reason"), item.Str("reason"));
        Assert.Equal(new FileInfo(CliHarness.Sample("99-malformed.eml")).Length, item.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_follow_up_given_before_the_mail_it_answers_ends_in_one_conversation()
    {
        // Different subjects: only the follow-up's In-Reply-To ties the two together.
        var first = Mail("a-first.eml", "Question about my blender", "<q1@mail.example>", null, "How do I clean the blade?");
        var followUp = Mail("b-follow-up.eml", "Still waiting", "<q2@mail.example>", "<q1@mail.example>", "Any answer?");

        var text = (await _cli.OkAsync("ingest", "--db", _cli.Database, followUp, first)).Out;

        Assert.Contains("Ingested        2  (1 new conversations, 1 added to existing ones: 1 by a reply that came first)", text, StringComparison.Ordinal);
        var conversation = Assert.Single((await _cli.OkAsync("inbox", "--db", _cli.Database, "--json")).Json().Items());
        Assert.Equal(2, (await _cli.OkAsync("show", "--db", _cli.Database, conversation.Str("id")!, "--json")).Json().Items("messages").Count);
    }

    private string Mail(string name, string subject, string messageId, string? inReplyTo, string text)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, string.Join("\r\n",
            "From: Pat Example <pat@mail.example>",
            "To: support@northwind.example",
            $"Subject: {subject}",
            "Date: Tue, 01 Dec 2026 09:00:00 +0000",
            $"Message-ID: {messageId}",
            inReplyTo is null ? "X-Note: first" : $"In-Reply-To: {inReplyTo}",
            string.Empty,
            text,
            string.Empty));
        return path;
    }

    [Fact]
    public async Task A_second_ingest_of_the_same_files_ingests_nothing()
    {
        await _cli.IngestSamplesAsync();
        var before = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1000", "--json")).Json().Items();

        var second = (await _cli.IngestSamplesAsync()).Json();

        Assert.Equal(0, second.Int("ingested"));
        Assert.Equal(39, second.Int("duplicates"));
        Assert.Equal("99-malformed.eml", Path.GetFileName(Assert.Single(second.Items("quarantined")).Str("file")));
        var after = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "1000", "--json")).Json().Items();
        Assert.Equal(before.Select(c => (c.Str("id"), c.Int("messageCount"))), after.Select(c => (c.Str("id"), c.Int("messageCount"))));
    }

    [Fact]
    public async Task Without_a_config_channels_are_created_in_the_default_store()
    {
        var json = (await _cli.OkAsync("ingest", "--db", _cli.Database, CliHarness.SampleData, "--json")).Json();
        Assert.Equal(36, json.Int("ingested"));

        var items = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--limit", "100", "--json")).Json().Items();
        Assert.Equal(27, items.Count);
        Assert.All(items, i => Assert.Equal("default", i.Str("storeId")));
        Assert.Equal(4, items.Select(i => i.Str("channelId")).Distinct().Count());
    }

    [Fact]
    public async Task With_a_config_mail_for_unconfigured_channels_is_quarantined_with_the_reason()
    {
        var config = Path.Combine(_cli.Folder, "sakura-only.json");
        await File.WriteAllTextAsync(config, """
            { "stores": [ { "id": "sakura", "name": "Sakura Home", "channels": [
              { "id": "sakura-amazon-jp", "kind": "amazon", "marketplace": "JP", "address": "amazon-jp@sakura-home.example" } ] } ] }
            """);
        var us = CliHarness.Sample("01-us-shipping-jane.eml");
        var jp = CliHarness.Sample("03-jp-tracking-misaki-iso2022jp.eml");

        var json = (await _cli.OkAsync("ingest", "--db", _cli.Database, "--config", config, us, jp, "--json")).Json();

        Assert.Equal(1, json.Int("ingested"));
        var quarantined = Assert.Single(json.Items("quarantined"));
        Assert.Equal(us, quarantined.Str("file"));
        Assert.Contains("US", quarantined.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_names_each_quarantined_file_with_its_reason()
    {
        var result = await _cli.OkAsync("ingest", "--db", _cli.Database, CliHarness.Sample("99-malformed.eml"), CliHarness.Sample("01-us-shipping-jane.eml"));

        Assert.Contains("Ingested        1", result.Out, StringComparison.Ordinal);
        Assert.Contains("Quarantined     1", result.Out, StringComparison.Ordinal);
        Assert.Contains($"  {CliHarness.Sample("99-malformed.eml")}: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_folder_is_not_found_and_nothing_is_ingested()
    {
        var missing = Path.Combine(_cli.Folder, "no-such-folder");

        var result = await _cli.RunAsync("ingest", "--db", _cli.Database, CliHarness.Sample("01-us-shipping-jane.eml"), missing, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Err, StringComparison.Ordinal);
        Assert.Contains("not found", result.Json().Str("error"), StringComparison.Ordinal);
        Assert.StartsWith("FILES_OR_FOLDERS: ", result.Json().Str("error"), StringComparison.Ordinal); // the argument as --help names it
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task A_folder_without_eml_files_is_warned_about_and_a_file_of_any_name_can_be_given()
    {
        var folder = Path.Combine(_cli.Folder, "maildir");
        Directory.CreateDirectory(Path.Combine(folder, "cur"));
        File.Copy(CliHarness.Sample("01-us-shipping-jane.eml"), Path.Combine(folder, "cur", "1700000000.M1P1.host:2,S"));
        File.Copy(CliHarness.Sample("01-us-shipping-jane.eml"), Path.Combine(folder, "export.txt"));

        var empty = await _cli.RunAsync("ingest", "--db", _cli.Database, folder, "--json");

        Assert.Equal(0, empty.ExitCode);
        Assert.Equal(0, empty.Json().Int("ingested"));
        Assert.Contains($"folder '{folder}' holds no .eml or .mbox file", empty.Err, StringComparison.Ordinal);

        var named = (await _cli.OkAsync("ingest", "--db", _cli.Database, Path.Combine(folder, "export.txt"), "--json")).Json();
        Assert.Equal(1, named.Int("ingested"));
    }

    [Fact]
    public async Task An_mbox_file_gives_each_of_its_messages_and_parse_refuses_more_than_one()
    {
        // An export as mail clients write it: "From " lines between the messages; the last one has no From address.
        var mbox = Path.Combine(_cli.Folder, "export.mbox");
        var parts = new[] { "01-us-shipping-jane.eml", "02-de-shipping-lukas.eml", "99-malformed.eml" }
            .Select(name => "From MAILER-DAEMON Mon Nov 23 10:00:00 2026\n" + File.ReadAllText(CliHarness.Sample(name)).ReplaceLineEndings("\n").TrimEnd('\n') + "\n\n");
        await File.WriteAllTextAsync(mbox, string.Concat(parts));

        var json = (await _cli.OkAsync("ingest", "--db", _cli.Database, mbox, "--json")).Json();

        Assert.Equal(2, json.Int("ingested"));
        var quarantined = Assert.Single(json.GetProperty("quarantined").EnumerateArray());
        Assert.Equal(mbox + "#3", quarantined.Str("file"));

        var again = (await _cli.OkAsync("ingest", "--db", _cli.Database, mbox, "--json")).Json();
        Assert.Equal(0, again.Int("ingested"));
        Assert.Equal(2, again.Int("duplicates"));

        // A folder gives its .mbox files too (here: the same messages again).
        var folder = Path.Combine(_cli.Folder, "takeout");
        Directory.CreateDirectory(folder);
        File.Copy(mbox, Path.Combine(folder, "All mail.mbox"));
        Assert.Equal(2, (await _cli.OkAsync("ingest", "--db", _cli.Database, folder, "--json")).Json().Int("duplicates"));

        var parse = await _cli.RunAsync("parse", mbox, "--json");
        Assert.Equal(1, parse.ExitCode);
        Assert.Contains("mbox", parse.Json().Str("error"), StringComparison.Ordinal);

        var single = Path.Combine(_cli.Folder, "single.mbox");
        await File.WriteAllTextAsync(single, string.Concat(parts.Take(1)));
        Assert.Equal("Jane Doe", (await _cli.OkAsync("parse", single, "--json")).Json().Str("buyerName"));
    }

    [Fact]
    public async Task An_unquoted_From_line_in_an_mbox_body_stays_in_its_message()
    {
        // mboxo writers leave "From " at the start of a body line as it is: it must not split the buyer's message.
        var mbox = Path.Combine(_cli.Folder, "unquoted.mbox");
        var jane = File.ReadAllText(CliHarness.Sample("04-mail-where-is-order-emily.eml")).ReplaceLineEndings("\n").TrimEnd('\n');
        var lukas = File.ReadAllText(CliHarness.Sample("02-de-shipping-lukas.eml")).ReplaceLineEndings("\n").TrimEnd('\n');
        await File.WriteAllTextAsync(mbox, string.Concat(
            "From MAILER-DAEMON Mon Nov 23 10:00:00 2026\n", jane, "\n\nFrom now on I will order elsewhere.\nThanks anyway\n\n",
            "From MAILER-DAEMON Mon Nov 23 11:00:00 2026\n", lukas, "\n\n"));

        var run = await _cli.OkAsync("ingest", "--db", _cli.Database, mbox, "--json");

        var json = run.Json();
        Assert.Equal(2, json.Int("ingested"));
        Assert.Empty(json.Items("quarantined"));
        var show = await _cli.OkAsync("inbox", "--db", _cli.Database, "--json");
        Assert.Equal(2, show.Json().GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_message_cut_short_is_ingested_with_a_warning_and_its_attachment_marked()
    {
        // The file ends inside the photo's base64: the text is whole, the photo is not.
        var cut = Path.Combine(_cli.Folder, "cut.eml");
        var sample = File.ReadAllText(CliHarness.Sample("06-us-damaged-photo-priya.eml")).ReplaceLineEndings("\n");
        var photoStart = sample.IndexOf("image/jpeg", StringComparison.Ordinal);
        var bodyStart = sample.IndexOf("\n\n", photoStart, StringComparison.Ordinal) + 2;
        await File.WriteAllTextAsync(cut, sample[..(bodyStart + 30)]);

        var run = await _cli.OkAsync("ingest", "--db", _cli.Database, cut, "--json");

        var json = run.Json();
        JsonAssert.HasExactly(json, "ingested", "duplicates", "quarantined");
        Assert.Equal(1, json.Int("ingested"));
        Assert.Contains($"warning: {cut}: ingested, but the multipart/mixed body ends without its closing boundary", run.Err, StringComparison.Ordinal);
        Assert.Contains($"warning: {cut}: ingested, but attachment 1 (image/jpeg): its base64 content is cut short", run.Err, StringComparison.Ordinal);

        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--json")).Json().GetProperty("items")[0].Str("id");
        var shown = (await _cli.OkAsync("show", id!, "--db", _cli.Database, "--json")).Json();
        var attachment = Assert.Single(shown.GetProperty("messages")[0].Items("attachments"));
        JsonAssert.HasExactly(attachment, "fileName", "contentType", "size", "defect");
        Assert.StartsWith("its base64 content is cut short", attachment.Str("defect"), StringComparison.Ordinal);

        var parse = await _cli.OkAsync("parse", cut, "--json");
        var parsed = parse.Json();
        JsonAssert.HasExactly(parsed, "channelKind", "marketplace", "orderId", "buyerName", "messageType", "language", "subject", "from", "messageId", "text", "attachments");
        Assert.StartsWith("its base64 content is cut short", Assert.Single(parsed.Items("attachments")).Str("defect"), StringComparison.Ordinal);
        Assert.Contains($"warning: {cut}: attachment 1 (image/jpeg): its base64 content is cut short", parse.Err, StringComparison.Ordinal);
        Assert.Contains("; damaged: its base64 content is cut short", (await _cli.OkAsync("parse", cut)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_config_names_the_field()
    {
        var config = Path.Combine(_cli.Folder, "bad.json");
        await File.WriteAllTextAsync(config, """
            { "stores": [ { "id": "x", "name": "X", "channels": [
              { "id": "x-mail", "kind": "mailbox", "address": "not-an-address", "timeZone": "Mars/Olympus" },
              { "id": "x-amazon", "kind": "amazon", "marketplace": "ZZ" } ] } ] }
            """);

        var result = await _cli.RunAsync("ingest", "--db", _cli.Database, "--config", config, CliHarness.SampleData);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stores[0].channels[1].marketplace", result.Err, StringComparison.Ordinal);

        await File.WriteAllTextAsync(config, """
            { "stores": [ { "id": "x", "name": "X", "channels": [
              { "id": "x-mail", "kind": "mailbox", "address": "not-an-address", "timeZone": "Mars/Olympus" } ] } ] }
            """);
        result = await _cli.RunAsync("ingest", "--db", _cli.Database, "--config", config, CliHarness.SampleData);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stores[0].channels[0].address", result.Err, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[0].timeZone", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_json_is_exactly_the_contract_when_nothing_is_quarantined()
    {
        var result = await _cli.OkAsync("ingest", "--db", _cli.Database, CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json");

        using var document = JsonDocument.Parse(result.Out);
        JsonAssert.HasExactly(document.RootElement, "ingested", "duplicates", "quarantined");
        Assert.Equal(1, document.RootElement.Int("ingested"));
        Assert.Equal(0, document.RootElement.Int("duplicates"));
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("quarantined").ValueKind);
        Assert.Empty(document.RootElement.Items("quarantined"));
    }

    public void Dispose() => _cli.Dispose();
}
