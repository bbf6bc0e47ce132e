namespace BuyerMessaging.Cli;

/// <summary>A failure the CLI reports with a message and an exit code, without a stack trace.</summary>
internal class CliException : Exception
{
    public CliException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public CliException()
        : this("The command failed.", ExitCodes.Error)
    {
    }

    public CliException(string message)
        : this(message, ExitCodes.Error)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Error;

    /// <summary>Gets the exit code.</summary>
    public int ExitCode { get; }

    /// <summary>A usage or validation error (exit code 1); the message names the option or field.</summary>
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>Something named on the command line does not exist (exit code 2).</summary>
    public static CliException NotFound(string message) => new(message, ExitCodes.NotFound);
}

/// <summary>The exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A usage or validation error, an unparseable file for <c>parse</c>, or any other failure.</summary>
    public const int Usage = 1;

    /// <summary>Same as <see cref="Usage"/>: any failure that is not "not found".</summary>
    public const int Error = 1;

    /// <summary>A conversation, folder, file, folder on disk or database that does not exist.</summary>
    public const int NotFound = 2;
}
