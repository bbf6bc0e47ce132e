using System.Globalization;

namespace BuyerMessaging.Tests;

public sealed class TemplateBookTests
{
    private readonly InMemoryConversationStore _store = new();

    private static Template Mine(string id, string body = "Dear {{ buyer.name | default: 'customer' }}") =>
        new() { Id = new(id), Name = "Mine " + id, Language = "en", StoreId = TestMail.Northwind, Subject = "Hello", Body = body };

    [Fact]
    public async Task SaveAsync_Valid_IsStoredAndListed()
    {
        var book = new TemplateBook(_store);

        await book.SaveAsync(Mine("a"));

        Assert.Equal(["a"], (await book.ListAsync(TestMail.Northwind)).Select(t => t.Id.Value));
        Assert.Equal(45 + 1, (await book.ListAsync(includeSamples: true)).Count);
        Assert.Equal("Mine a", (await book.GetAsync(new("a")))!.Name);
    }

    [Fact]
    public async Task SaveAsync_Invalid_ListsEveryFailingMemberAtOnce()
    {
        var book = new TemplateBook(_store);
        var template = Mine("b", "Hi {{ buyer.name }}\n\n{{ ordr.id }}") with
        {
            Name = " ",
            Language = "english please",
            Subject = "Line\nbreak",
            Examples = ["ok", " "],
            Attachments =
            [
                new MessageAttachment { FileName = "setup.exe", ContentType = "application/octet-stream", Content = new byte[10] },
                new MessageAttachment { FileName = "manual.pdf", ContentType = "application/pdf", Content = new byte[11 * 1024 * 1024] },
            ],
        };

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(template));

        var errors = ex.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("Name: is required", errors);
        Assert.Contains(errors, e => e.StartsWith("Language: 'english please' is not a BCP-47 language tag", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Subject: must be one line", StringComparison.Ordinal));
        Assert.Contains("Body: unknown variable 'ordr.id' at line 3", errors);
        Assert.Contains("Examples[1]: is empty", errors);
        Assert.Contains(errors, e => e.StartsWith("Attachments[0].FileName: 'setup.exe': the type '.exe' is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Attachments[1].Content: 'manual.pdf' is 11534336 bytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Attachments: 11534346 bytes in all", StringComparison.Ordinal));
        Assert.StartsWith("Template 'b' is invalid: ", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await book.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_UnknownOrForeignChannel_IsNamed()
    {
        await TestMail.ConfigureAsync(_store);
        var book = new TemplateBook(_store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(Mine("ch") with { Channels = [TestMail.AmazonUs, new("nope"), TestMail.AmazonJp] }));
        await book.SaveAsync(Mine("ok") with { Channels = [TestMail.AmazonUs, TestMail.Support] });

        Assert.Equal(
            ["Channels[1]: channel 'nope' does not exist", "Channels[2]: channel 'sakura-amazon-jp' belongs to store 'sakura', not 'northwind'"],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task SaveAsync_SaveCheckErrors_BlockTheSave()
    {
        var check = new TestSaveCheck(t => t.Body.Contains("http", StringComparison.Ordinal) ? [new("Body", "links are not allowed (amazon.link)")] : []);
        var book = new TemplateBook(_store, saveCheck: check);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(Mine("c", "see http://x.example")));
        await book.SaveAsync(Mine("d"));

        Assert.Equal(["Body: links are not allowed (amazon.link)"], ex.Errors.Select(e => e.ToString()));
        Assert.Equal(2, check.Calls);
        Assert.Equal(["d"], (await book.ListAsync()).Select(t => t.Id.Value));
    }

    [Fact]
    public async Task CopySampleAsync_MakesAnEditableCopyInTheStore()
    {
        var book = new TemplateBook(_store);

        var copy = await book.CopySampleAsync(new("sample-lost-parcel-ja"), TestMail.Sakura);
        await book.SaveAsync(copy with { Body = copy.Body + "\n追記" });

        var stored = await book.GetAsync(new("sakura-lost-parcel-ja"));
        Assert.NotNull(stored);
        Assert.Equal(TestMail.Sakura, stored.StoreId);
        Assert.Equal("ja", stored.Language);
        Assert.EndsWith("追記", stored.Body, StringComparison.Ordinal);
        Assert.Null(TemplateSamples.Find(new("sample-lost-parcel-ja"))!.StoreId);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => book.CopySampleAsync(new("sample-nope"), TestMail.Sakura));
    }

    [Fact]
    public async Task CopySampleAsync_IdOfAnotherStoresTemplate_IsRefusedAndNothingChanges()
    {
        var book = new TemplateBook(_store);
        var theirs = await book.CopySampleAsync(new("sample-refund-en"), TestMail.Northwind);
        await book.AddFavouriteAsync(TestMail.Northwind, theirs.Id);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.CopySampleAsync(new("sample-lost-parcel-ja"), TestMail.Sakura, theirs.Id));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Id", error.Path);
        Assert.Equal(
            "template 'northwind-refund-en' belongs to store 'northwind', not to store 'sakura'; a template is never replaced by another store's: choose another id",
            error.Message);
        var stored = await book.GetAsync(theirs.Id);
        Assert.Equal((TestMail.Northwind, "en", theirs.Body), (stored!.StoreId!.Value, stored.Language, stored.Body));
        Assert.Empty(await book.ListAsync(TestMail.Sakura));
        Assert.Equal([theirs.Id], await book.GetFavouritesAsync(TestMail.Northwind));
    }

    [Fact]
    public async Task CopySampleAsync_TakenIdInTheSameStore_IsRefusedAndKeepsTheEdits()
    {
        var book = new TemplateBook(_store);
        var copy = await book.CopySampleAsync(new("sample-refund-en"), TestMail.Northwind);
        await book.SaveAsync(copy with { Body = copy.Body + "\nEdited." });

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.CopySampleAsync(new("sample-refund-en"), TestMail.Northwind));
        var other = await book.CopySampleAsync(new("sample-refund-en"), TestMail.Northwind, new("northwind-refund-en-2"));

        Assert.Equal(
            "Id: template 'northwind-refund-en' already exists in store 'northwind'; a copy never replaces a template: choose another id",
            Assert.Single(ex.Errors).ToString());
        Assert.EndsWith("Edited.", (await book.GetAsync(copy.Id))!.Body, StringComparison.Ordinal);
        Assert.Equal(["northwind-refund-en", "northwind-refund-en-2"], (await book.ListAsync(TestMail.Northwind)).Select(t => t.Id.Value));
        Assert.Equal(TestMail.Northwind, other.StoreId);
    }

    [Fact]
    public async Task SaveAsync_IdOfAnotherStoresTemplate_IsRefusedWithTheOtherErrors()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("shared"));

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(Mine("shared") with { StoreId = TestMail.Sakura, Name = " " }));

        Assert.Equal(["Name", "Id"], ex.Errors.Select(e => e.Path));
        Assert.Equal(TestMail.Northwind, (await book.GetAsync(new("shared")))!.StoreId);
    }

    [Fact]
    public async Task SaveAsync_SampleIdOrNoStore_IsRefused()
    {
        var book = new TemplateBook(_store);

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.SaveAsync(TemplateSamples.All[0]));

        Assert.Contains(ex.Errors, e => e.Path == "StoreId");
        Assert.Contains(ex.Errors, e => e.Path == "Id");
    }

    [Fact]
    public async Task AddFavouriteAsync_EleventhIsAClearError()
    {
        var book = new TemplateBook(_store);
        for (var i = 0; i < 11; i++)
        {
            await book.SaveAsync(Mine(string.Create(CultureInfo.InvariantCulture, $"t{i}")));
        }

        for (var i = 0; i < 9; i++)
        {
            Assert.True(await book.AddFavouriteAsync(TestMail.Northwind, new(string.Create(CultureInfo.InvariantCulture, $"t{i}"))));
        }

        Assert.True(await book.AddFavouriteAsync(TestMail.Northwind, new("sample-refund-en")));
        Assert.False(await book.AddFavouriteAsync(TestMail.Northwind, new("t0")));
        var ex = await Assert.ThrowsAsync<TemplateFavouritesFullException>(() => book.AddFavouriteAsync(TestMail.Northwind, new("t10")));

        Assert.Equal("Store 'northwind' already has 10 favourite templates, the most allowed; remove one before adding 't10'.", ex.Message);
        Assert.Equal(10, (await book.GetFavouritesAsync(TestMail.Northwind)).Count);
        Assert.True(await book.RemoveFavouriteAsync(TestMail.Northwind, new("t0")));
        Assert.True(await book.AddFavouriteAsync(TestMail.Northwind, new("t10")));
        Assert.Equal("t10", (await book.GetFavouritesAsync(TestMail.Northwind))[^1].Value);
    }

    [Fact]
    public async Task AddFavouriteAsync_OtherStoresTemplate_IsNotFound()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("n1"));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => book.AddFavouriteAsync(TestMail.Sakura, new("n1")));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheTemplateAndItsFavourite()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("x"));
        await book.AddFavouriteAsync(TestMail.Northwind, new("x"));

        Assert.True(await book.DeleteAsync(new("x")));
        Assert.False(await book.DeleteAsync(new("x")));
        Assert.Empty(await book.GetFavouritesAsync(TestMail.Northwind));
    }

    [Fact]
    public async Task ImportAsync_NewAndReplaced_SavesAllInTheStoreAndSaysWhichReplaced()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("a") with { Name = "Old a" });
        await book.AddFavouriteAsync(TestMail.Northwind, new("a"));
        var json = """
            {"schemaVersion":1,"templates":[
              {"id":"a","name":"New a","language":"en","storeId":"northwind","body":"Hello","examples":["where is my parcel"]},
              {"id":"b","name":"B","language":"ja","body":"こんにちは"}]}
            """;

        var without = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.ImportAsync(json, TestMail.Northwind));
        var result = await book.ImportAsync(json, TestMail.Northwind, replace: true);

        Assert.Equal(
            "templates[0].id: template 'a' already exists in store 'northwind'; an import replaces the store's templates only when asked to (replace), else choose another id",
            Assert.Single(without.Errors).ToString());
        Assert.Equal(["a", "b"], result.Imported.Select(t => t.Id.Value));
        Assert.Equal([new TemplateId("a")], result.Replaced);
        Assert.Equal("New a", (await book.GetAsync(new("a")))!.Name);
        Assert.Equal(TestMail.Northwind, (await book.GetAsync(new("b")))!.StoreId);
        Assert.Equal([new TemplateId("a")], await book.GetFavouritesAsync(TestMail.Northwind));
    }

    [Fact]
    public async Task ImportAsync_AnInvalidTemplate_NamesTemplateAndFieldAndSavesNothing()
    {
        var check = new TestSaveCheck(t => t.Body.Contains("http", StringComparison.Ordinal) ? [new("Body", "links are not allowed (amazon.link)")] : []);
        var book = new TemplateBook(_store, saveCheck: check);
        var json = """
            [{"id":"ok","name":"Fine","language":"en","body":"Hello"},
             {"id":"bad","name":"Bad","language":"en","body":"Hi {{ ordr.id }}","attachments":[{"fileName":"x.exe","contentBase64":"AA=="}]},
             {"id":"link","name":"Link","language":"en","body":"see http://x.example"}]
            """;

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.ImportAsync(json, TestMail.Northwind));

        var errors = ex.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("[1].body: unknown variable 'ordr.id' at line 1 (template 'bad')", errors);
        Assert.Contains(errors, e => e.StartsWith("[1].attachments[0].fileName: 'x.exe': the type '.exe' is not allowed", StringComparison.Ordinal) && e.EndsWith("(template 'bad')", StringComparison.Ordinal));
        Assert.Contains("[2].body: links are not allowed (amazon.link) (template 'link')", errors);
        Assert.StartsWith("Template file is invalid: ", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await book.ListAsync());
    }

    [Fact]
    public async Task ImportAsync_AnotherStoresTemplateOrStoreId_IsRefusedEvenWithReplace()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("theirs"));
        var json = """
            {"templates":[
              {"id":"theirs","name":"Mine now","language":"ja","body":"x"},
              {"id":"exported","name":"From Northwind","language":"en","storeId":"northwind","body":"y"}]}
            """;

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => book.ImportAsync(json, TestMail.Sakura, replace: true));

        Assert.Equal(
            [
                "templates[0].id: template 'theirs' belongs to store 'northwind', not to store 'sakura'; a template is never replaced by another store's: choose another id",
                "templates[1].storeId: template 'exported' is of store 'northwind', not of store 'sakura' it is imported into; remove its storeId to import it into 'sakura'",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.Equal("Mine theirs", (await book.GetAsync(new("theirs")))!.Name);
        Assert.Empty(await book.ListAsync(TestMail.Sakura));
    }

    [Fact]
    public async Task SetEnabledAsync_PausesAndResumesAStoredTemplateOnly()
    {
        var book = new TemplateBook(_store);
        await book.SaveAsync(Mine("p"));

        var paused = await book.SetEnabledAsync(new("p"), enabled: false);
        var stored = await book.GetAsync(new("p"));
        var resumed = await book.SetEnabledAsync(new("p"), enabled: true);
        var sample = await Assert.ThrowsAsync<KeyNotFoundException>(() => book.SetEnabledAsync(new("sample-refund-en"), enabled: false));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => book.SetEnabledAsync(new("nope"), enabled: false));

        Assert.False(paused.Enabled);
        Assert.False(stored!.Enabled);
        Assert.True(resumed.Enabled);
        Assert.True((await book.GetAsync(new("p")))!.Enabled);
        Assert.Contains("is a built-in sample", sample.Message, StringComparison.Ordinal);
        Assert.Equal("There is no template 'nope'.", missing.Message);
    }

    [Fact]
    public async Task TranslateAsync_CreatesALanguageVariantAndKeepsTheMarkup()
    {
        var translator = new TestTranslator();
        var book = new TemplateBook(_store, translator);
        await book.SaveAsync(Mine("greet-en", "Dear {{ buyer.name | default: 'customer' }},\n{% if order.id %}Order {{ order.id }}{% endif %}") with { Examples = ["Where is it?"] });

        var variant = await book.TranslateAsync(new("greet-en"), "de");

        Assert.Equal("greet-de", variant.Id.Value);
        Assert.Equal("de", variant.Language);
        Assert.Equal(TestMail.Northwind, variant.StoreId);
        Assert.Equal("[de] Dear {{ buyer.name | default: 'customer' }},\n{% if order.id %}Order {{ order.id }}{% endif %}", variant.Body);
        Assert.Equal(["[de] Where is it?"], variant.Examples);
        Assert.Equal("[de] Mine greet-en", variant.Name);
        Assert.Contains(translator.Seen, s => s.Contains("⟦0⟧", StringComparison.Ordinal));
        Assert.DoesNotContain("{{", string.Concat(translator.Seen), StringComparison.Ordinal);
        Assert.NotNull(await book.GetAsync(new("greet-de")));
        Assert.NotNull(await book.GetAsync(new("greet-en")));
    }

    [Fact]
    public async Task TranslateAsync_Sample_NeedsAStoreAndLandsInIt()
    {
        var book = new TemplateBook(_store, new TestTranslator());

        await Assert.ThrowsAsync<ArgumentException>("storeId", () => book.TranslateAsync(new("sample-refund-en"), "fr"));
        var variant = await book.TranslateAsync(new("sample-refund-en"), "fr", TestMail.Northwind);

        Assert.Equal("northwind-refund-fr", variant.Id.Value);
        Assert.Equal("fr", variant.Language);
    }

    [Fact]
    public async Task TranslateAsync_LostPlaceholderOrNoTranslator_IsAClearError()
    {
        await new TemplateBook(_store).SaveAsync(Mine("p"));

        var lossy = new TemplateBook(_store, new TestTranslator(drop: true));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => lossy.TranslateAsync(new("p"), "de"));
        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => new TemplateBook(_store).TranslateAsync(new("p"), "de"));

        Assert.Contains("lost or repeated the placeholder ⟦0⟧", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No ITranslator", none.Message, StringComparison.Ordinal);
    }

    private sealed class TestTranslator(bool drop = false) : ITranslator
    {
        public List<string> Seen { get; } = [];

        public Task<string> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken = default)
        {
            Seen.Add(text);
            return Task.FromResult(drop ? text.Replace("⟦0⟧", string.Empty, StringComparison.Ordinal) : $"[{targetLanguage}] {text}");
        }
    }

    private sealed class TestSaveCheck(Func<Template, IReadOnlyList<ValidationError>> check) : ITemplateSaveCheck
    {
        public int Calls { get; private set; }

        public ValueTask<IReadOnlyList<ValidationError>> CheckAsync(Template template, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(check(template));
        }
    }
}
