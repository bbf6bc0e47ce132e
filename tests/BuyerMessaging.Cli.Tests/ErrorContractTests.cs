namespace BuyerMessaging.Cli.Tests;

/// <summary>An unexpected failure (a bug) keeps the error contract: one line on stderr and, with --json, <c>{"error"}</c> on stdout.</summary>
public sealed class ErrorContractTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task An_unexpected_failure_with_json_prints_the_error_object()
    {
        await File.WriteAllBytesAsync(_cli.Database, []);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHostOptions { TimeProvider = new BrokenTimeProvider(), TerminalWidth = 200 };

        var exitCode = await CliApp.RunAsync(["inbox", "--db", _cli.Database, "--json"], stdout, stderr, host);

        var result = new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("NotSupportedException: the clock is broken", result.Json().Str("error"));
        Assert.Equal("error: NotSupportedException: the clock is broken", result.Err.TrimEnd());
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>A clock that fails as no command expects, standing in for a bug.</summary>
    private sealed class BrokenTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new NotSupportedException("the clock is broken");
    }
}
