namespace BuyerMessaging.Cli.Tests;

/// <summary><c>ingest --config stores.json</c>: every problem of the file is named by its field, and nothing is saved.</summary>
public sealed class StoresConfigTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Two_channels_with_one_id_are_refused_naming_both()
    {
        var result = await IngestAsync("""
            {"stores":[{"id":"a","name":"A","channels":[
              {"id":"c1","kind":"mailbox","address":"x@y.z"},
              {"id":"c1","kind":"mailbox","address":"q@y.z"}]}]}
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stores[0].channels[1].id: 'c1' is also the id of stores[0].channels[0]", result.Json().Str("error"), StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Theory]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[]},{"id":"a","name":"B","channels":[]}]}""", "stores[1].id: 'a' is also the id of stores[0]")]
    [InlineData("""{"stores":[{"id":"a","name":"A","chanels":[]}]}""", "stores[0].chanels: is not a field of a store; the fields are id, name, channels")]
    [InlineData("""{"stores":[{"id":"a","name":"A","name":"B"}]}""", "stores[0].name: is given twice")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"x@y.z","language":"klingon!"}]}]}""", "stores[0].channels[0].language: 'klingon!' is not a BCP-47 language tag")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"amazon","marketplace":"JP","language":"日本語"}]}]}""", "stores[0].channels[0].language: '日本語' is not a BCP-47 language tag")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"x@y.z","country":"XX1"}]}]}""", "stores[0].channels[0].country: 'XX1' is not an ISO 3166 alpha-2 country code")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"x@y.z","marketplace":"US"}]}]}""", "stores[0].channels[0].marketplace: only an Amazon channel has a marketplace")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"support@northwind.example","promisedResponseHours":100000000}]}]}""", "stores[0].channels[0].promisedResponseHours: must be at most 8760 hours (365 days)")]
    [InlineData("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"support@northwind.example","promisedResponseHours":1e400}]}]}""", "stores[0].channels[0].promisedResponseHours: must be at most 8760 hours (365 days)")]
    public async Task An_invalid_file_is_refused_naming_the_field(string json, string expected)
    {
        var result = await IngestAsync(json);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Json().Str("error"), StringComparison.Ordinal);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task Two_channels_receiving_the_same_mail_are_refused_across_stores()
    {
        var result = await IngestAsync("""
            {"stores":[
              {"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"x@y.z"},
                                              {"id":"a-us","kind":"amazon","marketplace":"US","address":"amazon@y.z"}]},
              {"id":"b","name":"B","channels":[{"id":"c2","kind":"mailbox","address":"X@Y.Z"},
                                              {"id":"b-us","kind":"amazon","marketplace":"US","address":"amazon@y.z"}]}]}
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stores[1].channels[0].address: mail to 'X@Y.Z' already goes to stores[0].channels[0] ('c1')", result.Err, StringComparison.Ordinal);
        Assert.Contains("stores[1].channels[1].address: Amazon US relay mail to 'amazon@y.z' already goes to stores[0].channels[1] ('a-us')", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amazon_channels_of_different_marketplaces_may_share_an_address()
    {
        var result = await IngestAsync("""
            {"stores":[{"id":"a","name":"A","channels":[
              {"id":"a-us","kind":"amazon","marketplace":"US","address":"amazon@y.z"},
              {"id":"a-ca","kind":"amazon","marketplace":"CA","address":"amazon@y.z"},
              {"id":"a-uk","kind":"mailbox","address":"uk@y.z","country":"UK"}]}]}
            """);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task A_channel_on_the_address_of_a_saved_channel_of_another_store_is_refused()
    {
        Assert.Equal(0, (await IngestAsync("""{"stores":[{"id":"a","name":"A","channels":[{"id":"c1","kind":"mailbox","address":"x@y.z"}]}]}""")).ExitCode);

        var result = await IngestAsync("""{"stores":[{"id":"b","name":"B","channels":[{"id":"c2","kind":"mailbox","address":"x@y.z"}]}]}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stores[0].channels[0].address: mail to 'x@y.z' already goes to channel 'c1' of store 'a'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_json_terms()
    {
        var result = await IngestAsync("""
            {"stores":[{"id":"a","name":"A","channels":[
              {"id":"c1","kind":"mailbox","address":"x@y.z","promisedResponseHours":"abc","enabled":"no"},
              {"id":2,"kind":"mailbox","address":"q@y.z"}]}]}
            """);

        Assert.Equal(1, result.ExitCode);
        var error = result.Json().Str("error")!;
        Assert.Contains("stores[0].channels[0].promisedResponseHours: must be a number, not a string ('abc')", error, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[0].enabled: must be true or false, not a string ('no')", error, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[1].id: must be a string, not a number (2)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);

        // The id read as absent is not reported a second time as an invalid id.
        Assert.DoesNotContain("channels[1].id: ''", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var result = await IngestAsync("""
            {"stores":[
              {"id":"a","name":"A","chanels":[]},
              {"id":"a","name":"B","channels":[
                {"id":"c1","kind":"mailbox","address":"x@y.z","language":"klingon!","country":"XX1"},
                {"id":"c1","kind":"amazon","marketplace":"ZZ"}]}]}
            """);

        Assert.Equal(1, result.ExitCode);
        foreach (var field in new[] { "stores[0].chanels", "stores[1].id", "stores[1].channels[0].language", "stores[1].channels[0].country", "stores[1].channels[1].marketplace" })
        {
            Assert.Contains($"{field}: ", result.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sample_stores_json_stays_valid() =>
        Assert.Equal(36, (await _cli.IngestSamplesAsync()).Json().Int("ingested"));

    [Fact]
    public async Task An_invalid_channel_id_does_not_hide_the_channels_other_errors()
    {
        var result = await IngestAsync("""{"stores":[{"id":"a","name":"A","channels":[{"id":" bad ","kind":"amazon","marketplace":"XX"},{"id":"","kind":"fax"}]}]}""");

        Assert.Equal(1, result.ExitCode);
        var error = result.Json().Str("error");
        Assert.Contains("stores[0].channels[0].id: ' bad ' is not a valid channel id", error, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[0].marketplace: 'XX' is not an Amazon marketplace", error, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[1].id: '' is not a valid channel id", error, StringComparison.Ordinal);
        Assert.Contains("stores[0].channels[1].kind", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task A_missing_file_is_not_found_and_a_folder_is_named()
    {
        var missing = await _cli.RunAsync("ingest", "--db", _cli.Database, "--config", Path.Combine(_cli.Folder, "nope.json"), CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json");
        var folder = await _cli.RunAsync("ingest", "--db", _cli.Database, "--config", _cli.Folder, CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--config: '", missing.Json().Str("error"), StringComparison.Ordinal);
        Assert.Contains("' not found.", missing.Json().Str("error"), StringComparison.Ordinal);
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("is a folder; give a file.", folder.Json().Str("error"), StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    private async Task<CliResult> IngestAsync(string json)
    {
        var config = Path.Combine(_cli.Folder, $"stores-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, json);
        return await _cli.RunAsync("ingest", "--db", _cli.Database, "--config", config, CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json");
    }

    public void Dispose() => _cli.Dispose();
}
