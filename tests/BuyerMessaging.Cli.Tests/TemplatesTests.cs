namespace BuyerMessaging.Cli.Tests;

public sealed class TemplatesTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_Samples_ShowsTheLibraryWithoutADatabase()
    {
        var json = (await _cli.OkAsync("templates", "list", "--samples", "--json")).Json();
        var text = await _cli.OkAsync("templates", "list", "--samples", "--language", "de");

        var templates = json.Items("templates");
        Assert.Equal(45, templates.Count);
        JsonAssert.HasExactly(
            templates[0], "id", "name", "description", "language", "storeId", "sample", "favourite", "enabled", "isHtml", "subject", "body", "messageTypes",
            "tags", "examples", "attachments");
        Assert.All(templates, t => Assert.Null(t.Str("body")));
        Assert.Contains("sample-a-to-z-claim-de", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sample-a-to-z-claim-ja", text.Out, StringComparison.Ordinal);
        Assert.Contains("15 templates", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_MessageTypes_AreCamelCaseAsEveryJsonEnumOfTheCli()
    {
        await _cli.IngestSamplesAsync();
        var sample = (await _cli.OkAsync("templates", "show", "sample-damaged-item-en", "--json")).Json();
        var copy = (await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-address-change-en", "--store", "northwind", "--json")).Json();
        var text = await _cli.OkAsync("templates", "show", "sample-damaged-item-en");

        Assert.Equal(["damagedOrDefective"], sample.Items("messageTypes").Select(t => t.GetString()!));
        Assert.Equal(["addressChange"], copy.Items("messageTypes").Select(t => t.GetString()!));
        Assert.Contains("damaged-or-defective", text.Out, StringComparison.Ordinal); // the text keeps the spelling options take
    }

    [Fact]
    public async Task List_WithoutDbOrSamples_IsAUsageError()
    {
        var result = await _cli.RunAsync("templates", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("give --db PATH, --samples, or both", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Sample_PrintsTheMarkupAndExamples()
    {
        var result = await _cli.OkAsync("templates", "show", "sample-lost-parcel-en");
        var missing = await _cli.RunAsync("templates", "show", "sample-nope", "--json");

        Assert.Contains("Template sample-lost-parcel-en  (sample)", result.Out, StringComparison.Ordinal);
        Assert.Contains("{{ buyer.name | default: \"customer\" }}", result.Out, StringComparison.Ordinal);
        Assert.Contains("  - My parcel is lost", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no template 'sample-nope'", missing.Json().Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Sample_UsesTheSampleModelInTheTemplatesLanguage()
    {
        var ja = (await _cli.OkAsync("templates", "render", "sample-shipping-delay-ja", "--json")).Json();
        var en = await _cli.OkAsync("templates", "render", "sample-shipping-delay-en");

        JsonAssert.HasExactly(ja, "templateId", "subject", "text", "html");
        Assert.Equal("ご注文商品の配送遅延について", ja.Str("subject"));
        Assert.Contains("山田 花子様", ja.Str("text"), StringComparison.Ordinal);
        Assert.Contains("2026年11月20日", ja.Str("text"), StringComparison.Ordinal);
        Assert.StartsWith("Subject: About the delay of your order\n\nDear Alex Example,", en.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Thursday, November 19, 2026", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyFavouriteAndRender_WorkOnTheDatabase()
    {
        await _cli.IngestSamplesAsync();
        var conversationId = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--json")).Json().Items()[0].Str("id")!;

        var copy = (await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "northwind", "--json")).Json();
        var added = await _cli.OkAsync("templates", "favourite", "--db", _cli.Database, "--store", "northwind", "northwind-refund-en");
        var list = (await _cli.OkAsync("templates", "list", "--db", _cli.Database, "--store", "northwind", "--json")).Json();
        var rendered = (await _cli.OkAsync("templates", "render", "--db", _cli.Database, "northwind-refund-en", "--conversation", conversationId, "--json")).Json();

        Assert.Equal("northwind-refund-en", copy.Str("id"));
        Assert.Equal("northwind", copy.Str("storeId"));
        Assert.Contains("Added northwind-refund-en to the favourites.", added.Out, StringComparison.Ordinal);
        Assert.Contains("Favourites of northwind (1/10):", added.Out, StringComparison.Ordinal);
        var stored = Assert.Single(list.Items("templates"));
        Assert.True(stored.GetProperty("favourite").GetBoolean());
        Assert.Equal("About your refund", rendered.Str("subject"));
        Assert.DoesNotContain("{{", rendered.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Favourite_Eleventh_IsAClearError()
    {
        await _cli.IngestSamplesAsync();
        string[] situations =
        [
            "shipping-delay", "tracking-not-updating", "lost-parcel", "damaged-item", "defective-item", "wrong-item", "missing-part",
            "how-to-use", "return-request", "refund", "cancellation",
        ];
        for (var i = 0; i < situations.Length; i++)
        {
            var result = await _cli.RunAsync("templates", "favourite", "--db", _cli.Database, "--store", "sakura", $"sample-{situations[i]}-ja", "--json");
            if (i < 10)
            {
                Assert.True(result.ExitCode == 0, result.ToString());
                continue;
            }

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("already has 10 favourite templates, the most allowed", result.Err, StringComparison.Ordinal);
        }

        var favourites = (await _cli.OkAsync("templates", "favourite", "--db", _cli.Database, "--store", "sakura", "--json")).Json();
        Assert.Equal(10, favourites.GetProperty("favourites").GetArrayLength());
    }

    [Fact]
    public async Task Copy_IdOfAnotherStoresTemplate_FailsNamingIdAndKeepsTheirs()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "northwind");
        await _cli.OkAsync("templates", "favourite", "--db", _cli.Database, "--store", "northwind", "northwind-refund-en");

        var json = await _cli.RunAsync("templates", "copy", "--db", _cli.Database, "sample-lost-parcel-ja", "--store", "sakura", "--id", "northwind-refund-en", "--json");
        var text = await _cli.RunAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "northwind");

        Assert.Equal(1, json.ExitCode);
        Assert.Equal(
            "--id: template 'northwind-refund-en' belongs to store 'northwind', not to store 'sakura'; a template is never replaced by another store's: choose another id with --id.",
            json.Json().Str("error"));
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("error: --id: template 'northwind-refund-en' already exists in store 'northwind'; a copy never replaces a template: choose another id with --id.", text.Err, StringComparison.Ordinal);
        var theirs = (await _cli.OkAsync("templates", "show", "--db", _cli.Database, "northwind-refund-en", "--json")).Json();
        Assert.Equal(("northwind", "en"), (theirs.Str("storeId"), theirs.Str("language")));
        Assert.Empty((await _cli.OkAsync("templates", "list", "--db", _cli.Database, "--store", "sakura", "--json")).Json().Items("templates"));
        Assert.Equal(["northwind-refund-en"], (await _cli.OkAsync("templates", "favourite", "--db", _cli.Database, "--store", "northwind", "--json")).Json().GetProperty("favourites").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Copy_UnknownStoreOrSample_IsNotFound()
    {
        await _cli.IngestSamplesAsync();

        var store = await _cli.RunAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "nowhere");
        var sample = await _cli.RunAsync("templates", "copy", "--db", _cli.Database, "sample-nope", "--store", "northwind");

        Assert.Equal(2, store.ExitCode);
        Assert.Contains("there is no store 'nowhere'", store.Err, StringComparison.Ordinal);
        Assert.Equal(2, sample.ExitCode);
        Assert.Contains("There is no sample template 'sample-nope'", sample.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThenMatchAndSimulate_ReadExactlyWhatExportWrote()
    {
        await SakuraSmartReplyAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "northwind");
        var file = Path.Combine(_cli.Folder, "sakura.json");

        var written = await _cli.OkAsync("templates", "export", "--db", _cli.Database, "--store", "sakura", "--language", "JA", "--out", file);
        var stdout = await _cli.OkAsync("templates", "export", "--db", _cli.Database, "--store", "sakura");
        var all = await _cli.OkAsync("templates", "export", "--db", _cli.Database);
        var match = (await _cli.OkAsync("match", "--templates", file, "--text", "注文をキャンセルしてください。", "--json")).Json();
        var simulated = (await _cli.OkAsync("smartreply", "simulate", "--templates", file, "--text", "注文をキャンセルしてください。", "--json")).Json();

        Assert.Equal("Exported 2 templates to " + file + ".", written.Out.TrimEnd());
        var exported = await File.ReadAllTextAsync(file);
        Assert.Equal(exported, stdout.Out);
        Assert.Contains("\"name\": \"注文のキャンセル\"", exported, StringComparison.Ordinal);
        Assert.Equal(["sakura-cancellation-ja", "sakura-refund-ja"], TemplateIds(exported));
        Assert.Equal(["northwind-refund-en", "sakura-cancellation-ja", "sakura-refund-ja"], TemplateIds(all.Out).Order());
        Assert.Equal(("matched", "sakura-cancellation-ja"), (match.Str("outcome"), match.Str("templateId")));
        Assert.Equal(match.GetRawText(), simulated.GetRawText());
    }

    [Fact]
    public async Task Export_UnknownStore_IsNotFound()
    {
        await _cli.IngestSamplesAsync();

        var result = await _cli.RunAsync("templates", "export", "--db", _cli.Database, "--store", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--store: there is no store 'nowhere'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExportOfAStore_RoundTripsAndNeedsReplaceForTakenIds()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-ja", "--store", "sakura");
        var file = Path.Combine(_cli.Folder, "sakura.json");
        await _cli.OkAsync("templates", "export", "--db", _cli.Database, "--store", "sakura", "--out", file);
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"name\": \"返金\"", "\"name\": \"返金（編集済み）\"", StringComparison.Ordinal));
        var added = Path.Combine(_cli.Folder, "added.json");
        await File.WriteAllTextAsync(added, """[{"id":"sakura-thanks-ja","name":"お礼","language":"ja","body":"ご連絡ありがとうございます。","examples":["ありがとう"]}]""");

        var taken = await _cli.RunAsync("templates", "import", file, "--db", _cli.Database, "--store", "sakura", "--json");
        var replaced = (await _cli.OkAsync("templates", "import", file, "--db", _cli.Database, "--store", "sakura", "--replace", "--json")).Json();
        var text = await _cli.OkAsync("templates", "import", added, "--db", _cli.Database, "--store", "sakura");

        Assert.Equal(1, taken.ExitCode);
        Assert.Equal(
            "Template file is invalid: templates[0].id: template 'sakura-refund-ja' already exists in store 'sakura'; an import replaces the store's templates only when asked to (replace), else choose another id",
            taken.Json().Str("error"));
        JsonAssert.HasExactly(replaced, "imported", "replaced");
        Assert.Equal((1, 1), (replaced.Int("imported"), replaced.Int("replaced")));
        Assert.Contains("Imported 1 templates into store sakura (0 replaced).", text.Out, StringComparison.Ordinal);
        var shown = (await _cli.OkAsync("templates", "show", "--db", _cli.Database, "sakura-refund-ja", "--json")).Json();
        Assert.Equal("返金（編集済み）", shown.Str("name"));
        var thanks = (await _cli.OkAsync("templates", "show", "--db", _cli.Database, "sakura-thanks-ja", "--json")).Json();
        Assert.Equal("sakura", thanks.Str("storeId"));
    }

    [Fact]
    public async Task Import_MissingFileOrStore_IsNotFound()
    {
        await _cli.IngestSamplesAsync();
        var file = Path.Combine(_cli.Folder, "t.json");
        await File.WriteAllTextAsync(file, "[]");

        var missing = await _cli.RunAsync("templates", "import", Path.Combine(_cli.Folder, "nope.json"), "--db", _cli.Database, "--store", "sakura", "--json");
        var store = await _cli.RunAsync("templates", "import", file, "--db", _cli.Database, "--store", "nowhere");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("FILE: '", missing.Json().Str("error"), StringComparison.Ordinal);
        Assert.Contains("nope.json' not found.", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, store.ExitCode);
        Assert.Contains("--store: there is no store 'nowhere'", store.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidFile_NamesTemplateAndFieldAndSavesNothing()
    {
        await _cli.IngestSamplesAsync();
        var file = Path.Combine(_cli.Folder, "t.json");
        await File.WriteAllTextAsync(file, """
            {"schemaVersion":1,"templates":[
              {"id":"sakura-ok-ja","name":"OK","language":"ja","body":"こんにちは"},
              {"id":"sakura-bad-ja","name":"Bad","language":"ja","body":"{{ ordr.id }} のご注文"}]}
            """);
        var malformed = Path.Combine(_cli.Folder, "m.json");
        await File.WriteAllTextAsync(malformed, """{"templates":[{"id":"x","name":"X","language":"english please"}]}""");

        var syntax = Path.Combine(_cli.Folder, "s.json");
        await File.WriteAllTextAsync(syntax, """{"templates":[{"id":"x","name":}]}""");

        var invalid = await _cli.RunAsync("templates", "import", file, "--db", _cli.Database, "--store", "sakura", "--json");
        var badLanguage = await _cli.RunAsync("templates", "import", malformed, "--db", _cli.Database, "--store", "sakura");
        var badSyntax = await _cli.RunAsync("templates", "import", syntax, "--db", _cli.Database, "--store", "sakura");

        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("Template file is invalid: templates[1].body: unknown variable 'ordr.id' at line 1 (template 'sakura-bad-ja')", invalid.Json().Str("error"));
        Assert.Equal(1, badLanguage.ExitCode);
        Assert.Contains("templates[0].language: 'english please' is not a BCP-47 tag", badLanguage.Err, StringComparison.Ordinal);
        Assert.Equal(1, badSyntax.ExitCode);
        Assert.Contains("error: Template file is invalid: $.templates[0].name: ", badSyntax.Err, StringComparison.Ordinal);
        Assert.Empty((await _cli.OkAsync("templates", "list", "--db", _cli.Database, "--json")).Json().Items("templates"));
    }

    [Fact]
    public async Task Import_AnotherStoresIdOrStoreId_IsRefusedEvenWithReplace()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-en", "--store", "northwind");
        var northwind = Path.Combine(_cli.Folder, "northwind.json");
        await _cli.OkAsync("templates", "export", "--db", _cli.Database, "--store", "northwind", "--out", northwind);
        var theirs = Path.Combine(_cli.Folder, "theirs.json");
        await File.WriteAllTextAsync(theirs, """[{"id":"northwind-refund-en","name":"Mine","language":"ja","body":"返金します。"}]""");

        var homed = await _cli.RunAsync("templates", "import", northwind, "--db", _cli.Database, "--store", "sakura", "--replace");
        var id = await _cli.RunAsync("templates", "import", theirs, "--db", _cli.Database, "--store", "sakura", "--replace", "--json");

        Assert.Equal(1, homed.ExitCode);
        Assert.Contains(
            "templates[0].storeId: template 'northwind-refund-en' is of store 'northwind', not of store 'sakura' it is imported into; remove its storeId to import it into 'sakura'",
            homed.Err,
            StringComparison.Ordinal);
        Assert.Equal(1, id.ExitCode);
        Assert.Contains("[0].id: template 'northwind-refund-en' belongs to store 'northwind', not to store 'sakura'", id.Json().Str("error"), StringComparison.Ordinal);
        Assert.Equal("northwind", (await _cli.OkAsync("templates", "show", "--db", _cli.Database, "northwind-refund-en", "--json")).Json().Str("storeId"));
        Assert.Empty((await _cli.OkAsync("templates", "list", "--db", _cli.Database, "--store", "sakura", "--json")).Json().Items("templates"));
    }

    [Fact]
    public async Task Delete_TemplateASmartReplyUses_IsRefusedUnlessForced()
    {
        await SakuraSmartReplyAsync();

        var refused = await _cli.RunAsync("templates", "delete", "sakura-cancellation-ja", "--db", _cli.Database, "--json");
        var forced = (await _cli.OkAsync("templates", "delete", "sakura-cancellation-ja", "--db", _cli.Database, "--force", "--json")).Json();
        var last = await _cli.OkAsync("templates", "delete", "sakura-refund-ja", "--db", _cli.Database, "--force");
        var gone = await _cli.RunAsync("templates", "delete", "sakura-refund-ja", "--db", _cli.Database);
        var sample = await _cli.RunAsync("templates", "delete", "sample-refund-ja", "--db", _cli.Database);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(
            "ID: template 'sakura-cancellation-ja' is used by SmartReply.Templates[1] of channel 'sakura-amazon-jp'; take it out of those policies first ('autoreply set', 'smartreply set'), pause it instead ('templates pause'), or give --force to delete it and take it out of them.",
            refused.Json().Str("error"));
        JsonAssert.HasExactly(forced, "templateId", "removedFrom", "paused");
        Assert.Equal("sakura-cancellation-ja", forced.Str("templateId"));
        var removed = Assert.Single(forced.Items("removedFrom"));
        Assert.Equal(("sakura-amazon-jp", "SmartReply.Templates[1]"), (removed.Str("channelId"), removed.Str("member")));
        Assert.Empty(forced.Items("paused"));
        Assert.Contains("Deleted sakura-refund-ja.", last.Out, StringComparison.Ordinal);
        Assert.Contains("taken out of SmartReply.Templates[0] of channel 'sakura-amazon-jp'", last.Out, StringComparison.Ordinal);
        Assert.Contains("paused SmartReply of channel 'sakura-amazon-jp': it has no template left", last.Out, StringComparison.Ordinal);
        var policy = (await _cli.OkAsync("smartreply", "show", "--db", _cli.Database, "--channel", "sakura-amazon-jp", "--json")).Json();
        Assert.False(policy.GetProperty("enabled").GetBoolean());
        Assert.Empty(policy.Items("templates"));
        Assert.Equal(2, gone.ExitCode);
        Assert.Contains("ID: there is no template 'sakura-refund-ja'.", gone.Err, StringComparison.Ordinal);
        Assert.Equal(2, sample.ExitCode);
        Assert.Contains("is a built-in sample", sample.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseResume_SwitchTheTemplateAndSmartReplyLeavesAPausedOneOut()
    {
        await SakuraSmartReplyAsync();

        var paused = (await _cli.OkAsync("templates", "pause", "sakura-cancellation-ja", "--db", _cli.Database, "--json")).Json();
        var simulated = await _cli.OkAsync("smartreply", "simulate", "--db", _cli.Database, "--channel", "sakura-amazon-jp", "--text", "注文をキャンセルしてください。");
        var list = await _cli.OkAsync("templates", "list", "--db", _cli.Database, "--store", "sakura");
        var resumed = await _cli.OkAsync("templates", "resume", "sakura-cancellation-ja", "--db", _cli.Database);
        var missing = await _cli.RunAsync("templates", "pause", "nope", "--db", _cli.Database, "--json");

        Assert.Equal(("sakura-cancellation-ja", false), (paused.Str("id"), paused.GetProperty("enabled").GetBoolean()));
        Assert.Contains("1 of its 2 templates are enabled", simulated.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Matched 'sakura-cancellation-ja'", simulated.Out, StringComparison.Ordinal);
        Assert.Contains("paused", list.Out, StringComparison.Ordinal);
        Assert.Equal("Template sakura-cancellation-ja is enabled.", resumed.Out.TrimEnd());
        Assert.True((await _cli.OkAsync("templates", "show", "--db", _cli.Database, "sakura-cancellation-ja", "--json")).Json().GetProperty("enabled").GetBoolean());
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("ID: There is no template 'nope'.", missing.Json().Str("error"));
    }

    /// <summary>Ingests the samples, copies the refund and cancellation samples to sakura, and makes them the smart reply of its Amazon JP channel.</summary>
    private async Task SakuraSmartReplyAsync()
    {
        await _cli.IngestSamplesAsync();
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-refund-ja", "--store", "sakura");
        await _cli.OkAsync("templates", "copy", "--db", _cli.Database, "sample-cancellation-ja", "--store", "sakura");
        await _cli.OkAsync("smartreply", "set", "--db", _cli.Database, "--channel", "sakura-amazon-jp", "--templates", "sakura-refund-ja,sakura-cancellation-ja");
    }

    private static List<string> TemplateIds(string exported) =>
        [.. TemplateJson.Import(exported).Select(t => t.Id.Value)];
}
