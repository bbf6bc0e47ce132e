namespace BuyerMessaging.Cli;

/// <summary>What the process hosting the CLI provides: the time source and the terminal's width.</summary>
internal sealed class CliHostOptions
{
    /// <summary>Gets the source of time. The program passes <see cref="TimeProvider.System"/>; tests pass a fixed one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the width of the terminal in columns, or <see langword="null"/> when output is redirected.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>Gets the environment variables, for <c>COLUMNS</c>; <see langword="null"/> reads the process's.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }
}
