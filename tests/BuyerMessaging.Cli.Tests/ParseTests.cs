using System.Text.Json;

namespace BuyerMessaging.Cli.Tests;

public sealed class ParseTests : IDisposable
{
    private static readonly string[] Contract =
        ["channelKind", "marketplace", "orderId", "buyerName", "messageType", "language", "subject", "from", "messageId", "text", "attachments"];

    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Amazon_relay_mail_in_ISO_2022_JP_parses_to_exactly_the_contract()
    {
        var json = (await _cli.OkAsync("parse", CliHarness.Sample("03-jp-tracking-misaki-iso2022jp.eml"), "--json")).Json();

        JsonAssert.HasExactly(json, Contract);
        Assert.Equal("amazon", json.Str("channelKind"));
        Assert.Equal("JP", json.Str("marketplace"));
        Assert.Equal("250-3384712-9021563", json.Str("orderId"));
        Assert.Equal("佐藤 美咲", json.Str("buyerName"));
        Assert.Equal("shippingInquiry", json.Str("messageType"));
        Assert.Equal("ja", json.Str("language"));
        Assert.Contains("配送", json.Str("subject"), StringComparison.Ordinal);
        Assert.Equal("e1ho6gs781hskru@marketplace.amazon.co.jp", json.Str("from"));
        Assert.EndsWith("@marketplace.amazon.co.jp", json.Str("messageId"), StringComparison.Ordinal);
        Assert.Contains("出荷準備中", json.Str("text"), StringComparison.Ordinal);
        Assert.Empty(json.Items("attachments"));
    }

    [Fact]
    public async Task Support_mail_is_email_without_a_marketplace()
    {
        var json = (await _cli.OkAsync("parse", CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json")).Json();

        JsonAssert.HasExactly(json, Contract);
        Assert.Equal("email", json.Str("channelKind"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("marketplace").ValueKind);
        Assert.Equal("emily.carter@mail.example", json.Str("from"));
        var header = File.ReadLines(CliHarness.Sample("04-mail-where-is-order-emily.eml")).First(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(header["Message-ID:".Length..].Trim().Trim('<', '>'), json.Str("messageId"));
        Assert.Equal("en", json.Str("language"));
    }

    [Fact]
    public async Task Attachments_list_file_name_type_and_size()
    {
        var json = (await _cli.OkAsync("parse", CliHarness.Sample("06-us-damaged-photo-priya.eml"), "--json")).Json();

        var attachment = Assert.Single(json.Items("attachments"));
        JsonAssert.HasExactly(attachment, "fileName", "contentType", "size");
        Assert.Equal("image/jpeg", attachment.Str("contentType"));
        Assert.True(attachment.GetProperty("size").GetInt64() > 0);
        Assert.Equal("damagedOrDefective", json.Str("messageType"));
        Assert.Equal("US", json.Str("marketplace"));
    }

    [Fact]
    public async Task An_unparseable_file_exits_1_with_an_error_object()
    {
        var result = await _cli.RunAsync("parse", CliHarness.Sample("99-malformed.eml"), "--json");

        Assert.Equal(1, result.ExitCode);
        var json = result.Json();
        JsonAssert.HasExactly(json, "error");
        Assert.False(string.IsNullOrWhiteSpace(json.Str("error")));
        Assert.Contains("cannot be parsed", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var result = await _cli.RunAsync("parse", Path.Combine(_cli.Folder, "missing.eml"), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not found", result.Json().Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_shows_the_fields_and_the_text()
    {
        var result = await _cli.OkAsync("parse", CliHarness.Sample("02-de-shipping-lukas.eml"));

        Assert.Contains("Channel kind: amazon", result.Out, StringComparison.Ordinal);
        Assert.Contains("Marketplace:  DE", result.Out, StringComparison.Ordinal);
        Assert.Contains("Language:     de", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse", "FILE")]
    [InlineData("rules test", "FILE")]
    [InlineData("rules test --rules", "--rules")]
    [InlineData("rules import", "FILE")]
    [InlineData("match", "--templates")]
    public async Task A_folder_or_an_unreadable_file_is_named(string command, string field)
    {
        await File.WriteAllBytesAsync(_cli.Database, []);
        var folder = Path.Combine(_cli.Folder, "メール 📁");
        Directory.CreateDirectory(folder);
        var loop = Path.Combine(_cli.Folder, "loop.eml");
        File.CreateSymbolicLink(loop, loop);

        var ofFolder = await _cli.RunAsync(Args(folder));
        var ofLoop = await _cli.RunAsync(Args(loop));

        Assert.Equal(1, ofFolder.ExitCode);
        Assert.Equal($"{field}: '{folder}' is a folder; give a file.", ofFolder.Json().Str("error"));
        Assert.Equal(1, ofLoop.ExitCode);
        Assert.StartsWith($"{field}: '{loop}' cannot be read: ", ofLoop.Json().Str("error"), StringComparison.Ordinal);

        string[] Args(string path) => command switch
        {
            "parse" => ["parse", path, "--json"],
            "rules test" => ["rules", "test", "--db", _cli.Database, path, "--json"],
            "rules test --rules" => ["rules", "test", "--db", _cli.Database, "--rules", path, CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json"],
            "rules import" => ["rules", "import", "--db", _cli.Database, path, "--json"],
            _ => ["match", "--templates", path, "--text", "where is my parcel", "--json"],
        };
    }

    public void Dispose() => _cli.Dispose();
}
