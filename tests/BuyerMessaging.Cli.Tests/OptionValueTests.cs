namespace BuyerMessaging.Cli.Tests;

/// <summary>A number option given something else names the option and asks for a whole number, not a .NET type.</summary>
public sealed class OptionValueTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("--width", "abc", "inbox")]
    [InlineData("--limit", "ten", "inbox")]
    [InlineData("--width", "1.5", "demo")]
    [InlineData("--min-delay", "abc", "autoreply set")]
    [InlineData("--max-delay", "x", "autoreply set")]
    public async Task A_value_that_is_not_a_whole_number_names_the_option(string option, string value, string command)
    {
        string[] args = [.. command.Split(' '), "--db", _cli.Database, option, value, "--json"];
        if (command == "autoreply set")
        {
            args = [.. args, "--channel", "sakura-amazon-jp"];
        }

        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{option}: '{value}' is not a whole number; give one such as 10.", result.Json().Str("error"));
        Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
