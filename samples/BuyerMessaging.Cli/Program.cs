using System.Text;
using BuyerMessaging.Cli;

// The composition root: the only place that reads the real clock and the real console.
Console.OutputEncoding = Encoding.UTF8;
var host = new CliHostOptions
{
    TimeProvider = TimeProvider.System,
    TerminalWidth = Console.IsOutputRedirected ? null : SafeWindowWidth(),
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, host);

static int? SafeWindowWidth()
{
    try
    {
        return Console.WindowWidth > 0 ? Console.WindowWidth : null;
    }
    catch (IOException)
    {
        return null;
    }
}
