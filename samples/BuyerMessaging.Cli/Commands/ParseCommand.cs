using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>parse FILE.eml [--json]</c>: what the MIME parser makes of one file, without a database.</summary>
internal static class ParseCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var file = new Argument<string>("FILE") { Description = "The .eml file." };
        var json = CommonOptions.Json();
        var command = new Command("parse", "Parse one .eml file and print the normalised message: channel kind, marketplace, order id, buyer, type, language, subject, sender, Message-ID, text and attachments.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var raw = await CommonOptions.ReadFileAsync(path, "FILE", f => File.ReadAllBytesAsync(f, cancellationToken));
            var services = runtime.BuildServices(databasePath: null);
            await using (services)
            {
                var parser = services.GetRequiredService<MimeMessageParser>();
                var result = MimeMessageParser.IsMbox(raw) ? OnlyMessageOfMbox(parser, raw, path) : parser.Parse(raw, path);

                if (result.Message is not { } message)
                {
                    throw CliException.Usage($"FILE: '{path}' cannot be parsed: {result.Error}");
                }

                // Damage that did not stop the parse goes to standard error, so that the JSON on standard output keeps its shape.
                foreach (var warning in message.Warnings)
                {
                    runtime.Err.WriteLine($"warning: {path}: {warning}");
                }

                var parsed = JsonMapper.Parsed(message);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(parsed, CliJson.Context.ParsedMessageJson);
                    return ExitCodes.Success;
                }

                var o = runtime.Out;
                o.WriteLine($"Channel kind: {parsed.ChannelKind}");
                o.WriteLine($"Marketplace:  {parsed.Marketplace ?? "-"}");
                o.WriteLine($"Order:        {parsed.OrderId ?? "-"}");
                o.WriteLine($"Buyer:        {parsed.BuyerName ?? "-"}");
                o.WriteLine($"Type:         {parsed.MessageType}");
                o.WriteLine($"Language:     {parsed.Language ?? "-"}");
                o.WriteLine($"Subject:      {parsed.Subject}");
                o.WriteLine($"From:         {message.From}");
                o.WriteLine($"Message-ID:   {parsed.MessageId ?? "-"}");
                foreach (var a in parsed.Attachments)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attachment:   {a.FileName} ({a.ContentType}, {a.Size:N0} bytes{(a.Defect is null ? null : "; damaged: " + a.Defect)})"));
                }

                o.WriteLine();
                o.WriteLine(parsed.Text.ReplaceLineEndings("\n").TrimEnd());
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// An mbox with one message is that message (Unix mail tools save single messages so); with more, reading it as one
    /// message would take the others for its text, so it is refused.
    /// </summary>
    private static InboundParseResult OnlyMessageOfMbox(MimeMessageParser parser, byte[] raw, string path)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var messages = parser.ParseMbox(stream, path).Take(2).ToList();
        return messages.Count switch
        {
            1 => messages[0],
            0 => parser.Parse(raw, path),
            _ => throw CliException.Usage($"FILE: '{path}' is an mbox file holding more than one message; parse reads one message (ingest reads them all)."),
        };
    }
}
