namespace BuyerMessaging.Cli.Tests;

/// <summary><c>show --save-attachments</c> and <c>reply --attach</c>: a buyer's photo out of the inbox, a file into a reply.</summary>
public sealed class AttachmentTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Show_SaveAttachments_WritesTheBuyersPhotoUnderItsMessage()
    {
        await _cli.IngestSamplesAsync();
        var id = await ConversationAsync("Damaged desk lamp");
        var folder = Path.Combine(_cli.Folder, "saved");

        var text = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--save-attachments", folder)).Out;

        var show = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json();
        var message = show.Items("messages").First(m => m.Items("attachments").Count > 0);
        var attachment = message.Items("attachments")[0];
        var path = Path.Combine(folder, message.Str("id")!, "lamp-hinge.png");
        Assert.Equal("lamp-hinge.png", attachment.Str("fileName"));
        Assert.Equal(attachment.GetProperty("size").GetInt64(), new FileInfo(path).Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path)[..4]);
        Assert.Contains("Saved 1 attachment(s):", text, StringComparison.Ordinal);
        Assert.Contains(path, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SaveAttachmentsToAFile_FailsNamingTheOption_BeforeMarkingRead()
    {
        await _cli.IngestSamplesAsync();
        var id = await ConversationAsync("Damaged desk lamp");
        var file = Path.Combine(_cli.Folder, "notes.txt");
        await File.WriteAllTextAsync(file, "notes");

        var result = await _cli.RunAsync("show", "--db", _cli.Database, id, "--save-attachments", file, "--mark-read", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"--save-attachments: '{file}' is a file; give a folder (it is created when missing).", result.Json().Str("error"));
        var show = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json();
        Assert.Equal("new", show.GetProperty("conversation").Str("readState"));
    }

    [Fact]
    public async Task Reply_Attach_RecordsTheFilesAndShowSavesThemBack()
    {
        await _cli.IngestSamplesAsync();
        var id = await ConversationAsync("Damaged desk lamp");
        var pdf = Write("Guide d'échange.pdf", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0xff]);
        var png = Write("label.png", [0x89, 0x50, 0x4e, 0x47, 1, 2]);

        var reply = (await _cli.OkAsync("reply", "--db", _cli.Database, id, "--text", "The exchange guide and label are attached.", "--actor", "bob", "--attach", pdf, "--attach", png, "--json")).Json();
        var folder = Path.Combine(_cli.Folder, "saved");
        await _cli.OkAsync("show", "--db", _cli.Database, id, "--save-attachments", folder, "--json");

        var attachments = reply.GetProperty("message").Items("attachments");
        Assert.Equal(
            [("Guide d'échange.pdf", "application/pdf", 8L), ("label.png", "image/png", 6L)],
            attachments.Select(a => (a.Str("fileName")!, a.Str("contentType")!, a.GetProperty("size").GetInt64())));
        var saved = Path.Combine(folder, reply.GetProperty("message").Str("id")!);
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(Path.Combine(saved, "Guide d'échange.pdf")));
        Assert.Equal(File.ReadAllBytes(png), File.ReadAllBytes(Path.Combine(saved, "label.png")));
    }

    [Fact]
    public async Task Reply_Attach_AProgramToAnAmazonBuyer_IsBlockedAndNothingIsRecorded()
    {
        await _cli.IngestSamplesAsync();
        var id = (await _cli.OkAsync("inbox", "--db", _cli.Database, "--channel", "northwind-amazon-us", "--json")).Json().Items()[0].Str("id")!;
        var before = (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json().Items("messages").Count;

        var result = await _cli.RunAsync("reply", "--db", _cli.Database, id, "--text", "Run this to fix it.", "--actor", "bob", "--attach", Write("fix.exe", [0x4d, 0x5a]));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[attachment-type]", result.Err, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json().Items("messages").Count);
    }

    [Fact]
    public async Task Reply_Attach_AMissingFile_ExitsTwoNamingIt_AndRecordsNothing()
    {
        await _cli.IngestSamplesAsync();
        var id = await ConversationAsync("Damaged desk lamp");
        var missing = Path.Combine(_cli.Folder, "nowhere.pdf");

        var result = await _cli.RunAsync("reply", "--db", _cli.Database, id, "--text", "Attached.", "--actor", "bob", "--attach", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--attach: '{missing}' not found.", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json().GetProperty("conversation").Int("sellerReplyCount"));
    }

    [Fact]
    public async Task Reply_Attach_AFolder_ExitsOneNamingIt_AndRecordsNothing()
    {
        await _cli.IngestSamplesAsync();
        var id = await ConversationAsync("Damaged desk lamp");

        var result = await _cli.RunAsync("reply", "--db", _cli.Database, id, "--text", "Attached.", "--actor", "bob", "--attach", _cli.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--attach: '{_cli.Folder}' is a folder; give a file.", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.OkAsync("show", "--db", _cli.Database, id, "--json")).Json().GetProperty("conversation").Int("sellerReplyCount"));
    }

    public void Dispose() => _cli.Dispose();

    private async Task<string> ConversationAsync(string text) =>
        (await _cli.OkAsync("inbox", "--db", _cli.Database, "--text", text, "--json")).Json().Items()[0].Str("id")!;

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
