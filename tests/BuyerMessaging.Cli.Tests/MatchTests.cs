using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

public sealed class MatchTests : IDisposable
{
    private const string Templates = """
        [
          { "id": "tracking", "name": "Where is my order", "language": "en", "body": "Here is your tracking number.",
            "examples": ["Where is my parcel?", "My package has not arrived yet", "Can you send me the tracking number?"] },
          { "id": "returns", "name": "Return an item", "language": "en", "body": "You can return it within 30 days.",
            "examples": ["How do I return this item?", "I want to send it back for a refund"] },
          { "id": "ja-tracking", "name": "配送状況", "language": "ja", "body": "追跡番号をお送りします。",
            "examples": ["荷物はいつ届きますか", "商品がまだ届きません", "追跡番号を教えてください"] }
        ]
        """;

    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Detect_json_is_exactly_language_and_confidence()
    {
        var json = (await _cli.OkAsync("detect", "--text", "商品がまだ届きません。配達状況を教えてください。", "--json")).Json();

        JsonAssert.HasExactly(json, ["language", "confidence"]);
        Assert.Equal("ja", json.Str("language"));
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0.5, 1);
    }

    [Fact]
    public async Task Detect_too_short_is_unknown()
    {
        var json = (await _cli.OkAsync("detect", "--text", "ok", "--json")).Json();

        Assert.Equal("unknown", json.Str("language"));
        Assert.Equal(0, json.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task Match_json_follows_the_contract_and_detects_the_language()
    {
        var file = await WriteTemplatesAsync();

        var json = (await _cli.OkAsync("match", "--templates", file, "--text", "Hello, where is my parcel? My package has not arrived yet.", "--json")).Json();

        JsonAssert.HasExactly(json, ["outcome", "templateId", "confidence", "language", "candidates"]);
        Assert.Equal("matched", json.Str("outcome"));
        Assert.Equal("tracking", json.Str("templateId"));
        Assert.Equal("en", json.Str("language"));
        var first = json.GetProperty("candidates").EnumerateArray().First();
        JsonAssert.HasExactly(first, ["templateId", "confidence"]);
        Assert.Equal("tracking", first.Str("templateId"));
        Assert.DoesNotContain(json.GetProperty("candidates").EnumerateArray(), c => c.Str("templateId") == "ja-tracking");
    }

    [Fact]
    public async Task Match_semantic_ranks_by_meaning_with_the_local_model_and_keeps_the_contract()
    {
        var file = await WriteTemplatesAsync();
        // The words ("has", "not") point at the tracking template; the model reads a buyer who wants a refund.
        string[] question = ["--templates", file, "--text", "It has been two weeks and the delivery still has not shown up, can I get a refund?", "--json"];

        var words = (await _cli.OkAsync(["match", .. question])).Json();
        var json = (await _cli.OkAsync(["match", .. question, "--semantic"])).Json();

        JsonAssert.HasExactly(json, ["outcome", "templateId", "confidence", "language", "candidates"]);
        Assert.Equal("en", json.Str("language"));
        Assert.Equal("tracking", words.GetProperty("candidates").EnumerateArray().First().Str("templateId"));
        Assert.Equal("returns", json.GetProperty("candidates").EnumerateArray().First().Str("templateId"));
        Assert.NotEqual("matched", json.Str("outcome"));
    }

    [Fact]
    public async Task Match_semantic_leaves_a_language_the_model_does_not_serve_to_the_words()
    {
        var file = await WriteTemplatesAsync();
        string[] question = ["--templates", file, "--text", "商品がまだ届きません。いつ届きますか。", "--json"];

        var words = (await _cli.OkAsync(["match", .. question])).Out;
        var semantic = (await _cli.OkAsync(["match", .. question, "--semantic"])).Out;

        Assert.Equal(words, semantic);
    }

    [Fact]
    public async Task Match_failed_has_a_null_template()
    {
        var file = await WriteTemplatesAsync();

        var json = (await _cli.OkAsync("match", "--templates", file, "--text", "Hola buenas tardes", "--language", "en", "--json")).Json();

        Assert.Equal("failed", json.Str("outcome"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("templateId").ValueKind);
        Assert.Empty(json.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task Match_missing_template_file_is_not_found()
    {
        var result = await _cli.RunAsync("match", "--templates", Path.Combine(_cli.Folder, "none.json"), "--text", "where is my parcel");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Smartreply_simulate_prints_the_match_without_sending()
    {
        var file = Path.Combine(_cli.Folder, "en.json");
        var ja = Templates.IndexOf(",\n  { \"id\": \"ja-tracking\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, Templates[..ja] + "\n]");

        var json = (await _cli.OkAsync("smartreply", "simulate", "--templates", file, "--text", "Where is my parcel? My package has not arrived yet.", "--language", "en", "--json")).Json();

        Assert.Equal("tracking", json.Str("templateId"));
    }

    [Fact]
    public async Task Smartreply_simulate_with_templates_of_two_languages_names_the_failing_template()
    {
        var file = await WriteTemplatesAsync();

        var result = await _cli.RunAsync("smartreply", "simulate", "--templates", file, "--text", "Where is my parcel?");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("smartReply.Templates[2]", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("en_US")]
    [InlineData("x")]
    public async Task Match_and_simulate_refuse_a_language_that_is_not_a_tag(string language)
    {
        var file = await WriteTemplatesAsync();

        foreach (var command in new[] { new[] { "match" }, ["smartreply", "simulate"] })
        {
            var result = await _cli.RunAsync([.. command, "--templates", file, "--text", "Where is my parcel?", "--language", language, "--json"]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"--language: '{language}' is not a BCP-47 language tag", result.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Match_names_a_template_language_that_is_not_a_tag_and_an_empty_example()
    {
        var file = Path.Combine(_cli.Folder, "bad.json");
        await File.WriteAllTextAsync(file, """
            [
              { "id": "a", "name": "Tracking", "language": "english", "body": "Here it is.", "examples": ["Where is my parcel?"] },
              { "id": "b", "name": "Returns", "language": "en", "body": "Send it back.", "examples": ["How do I return it?", "  "] }
            ]
            """);

        var result = await _cli.RunAsync("match", "--templates", file, "--text", "Where is my parcel?");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[0].language: 'english' is not a BCP-47 tag", result.Err, StringComparison.Ordinal);
        Assert.Contains("[1].examples[1]: is empty", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smartreply_simulate_with_templates_detects_the_buyers_language_as_match_does()
    {
        var file = Path.Combine(_cli.Folder, "en.json");
        var ja = Templates.IndexOf(",\n  { \"id\": \"ja-tracking\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, Templates[..ja] + "\n]");
        string[] question = ["--templates", file, "--text", "Waar is mijn bestelling? Het pakket is nog niet aangekomen.", "--json"];

        var simulated = (await _cli.OkAsync(["smartreply", "simulate", .. question])).Json();
        var matched = (await _cli.OkAsync(["match", .. question])).Json();

        Assert.Equal(("failed", "nl"), (simulated.Str("outcome"), simulated.Str("language")));
        Assert.Equal(("failed", "nl"), (matched.Str("outcome"), matched.Str("language")));
    }

    public void Dispose() => _cli.Dispose();

    private async Task<string> WriteTemplatesAsync()
    {
        var path = Path.Combine(_cli.Folder, "templates.json");
        await File.WriteAllTextAsync(path, Templates);
        return path;
    }
}
