using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Cli.Tests;

/// <summary>A <c>--db</c> file that cannot serve as the database is named in one line, without a stack trace.</summary>
public sealed class DatabaseFileTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("inbox")]
    [InlineData("status")]
    [InlineData("ingest")]
    public async Task A_text_file_is_not_a_sqlite_database(string command)
    {
        var path = Path.Combine(_cli.Folder, "notes.txt");
        await File.WriteAllTextAsync(path, "this is not sqlite\n");
        string[] args = command switch
        {
            "status" => ["status", "--db", path, "--set", "pending", "--actor", "alice", "1"],
            "ingest" => ["ingest", "--db", path, CliHarness.Sample("04-mail-where-is-order-emily.eml")],
            _ => [command, "--db", path],
        };

        var result = await _cli.RunAsync([.. args, "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --db: '{path}' is not a SQLite database.", result.Err.TrimEnd());
        Assert.Equal($"--db: '{path}' is not a SQLite database.", result.Json().Str("error"));
        Assert.Equal("this is not sqlite\n", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("ingest")]
    [InlineData("demo")]
    public async Task A_folder_is_not_a_database_file(string command)
    {
        var path = Path.Combine(_cli.Folder, "mail");
        Directory.CreateDirectory(path);
        string[] args = command switch
        {
            "ingest" => ["ingest", "--db", path, CliHarness.Sample("04-mail-where-is-order-emily.eml")],
            "demo" => ["demo", "--db", path, "--overwrite"],
            _ => [command, "--db", path],
        };

        var result = await _cli.RunAsync([.. args, "--json"]);

        Assert.Equal(1, result.ExitCode);
        var expected = $"--db: '{path}' is a folder; give the path of a SQLite file (in that folder, for example '{Path.Join(path, "inbox.db")}').";
        Assert.Equal(expected, result.Json().Str("error"));
        Assert.Equal($"error: {expected}", result.Err.TrimEnd());
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public async Task An_empty_file_becomes_a_new_database()
    {
        var path = Path.Combine(_cli.Folder, "empty.db");
        await File.WriteAllBytesAsync(path, []);

        var result = await _cli.OkAsync("ingest", "--db", path, CliHarness.Sample("04-mail-where-is-order-emily.eml"), "--json");

        Assert.Equal(1, result.Json().Int("ingested"));
    }

    [Theory]
    [InlineData(8, "is read-only, and this command writes to it")]
    [InlineData(26, "is not a SQLite database")]
    [InlineData(11, "is damaged")]
    public void A_sqlite_failure_names_the_db_option(int code, string expected)
    {
        // Files the current user cannot write are not read-only for root, so the mapping is tested directly; the error
        // is the one SQLite raises when a command writes to a read-only database (or opens something else).
        var runtime = new CliRuntime(TextWriter.Null, TextWriter.Null, new CliHostOptions { TimeProvider = TimeProvider.System });
        using (runtime.BuildServices(_cli.Database))
        {
        }

        var failure = CommandRunner.Map(new InvalidOperationException("wrapped", new SqliteException("SQLite Error", code)), runtime);

        Assert.NotNull(failure);
        Assert.Equal(1, failure.ExitCode);
        Assert.Equal($"--db: '{_cli.Database}' {expected}", failure.Message[..($"--db: '{_cli.Database}' ".Length + expected.Length)]);
    }

    public void Dispose() => _cli.Dispose();
}
