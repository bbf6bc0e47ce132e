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
}
