using System.Text;

namespace BuyerMessaging.Email.Tests;

/// <summary>Paths and raw-mail helpers shared by the tests.</summary>
internal static class TestFiles
{
    static TestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Gets the folder of the .eml fixtures copied next to the test assembly.</summary>
    public static string TestData { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>Gets the repository root: the first folder above the test assembly that holds BuyerMessaging.sln.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>Gets the shared corpus of malformed and tricky MIME from other parsers' test suites, beside the repository.</summary>
    public static string? MimeCorpus { get; } = Corpus("mime");

    /// <summary>Gets a folder of the shared corpora beside the repository (it may not exist).</summary>
    /// <param name="name">The corpus folder, for example "mime" or "threading".</param>
    /// <returns>The full path, or <see langword="null"/> outside a repository.</returns>
    public static string? Corpus(string name) =>
        RepoRoot is null ? null : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpora", name));

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(TestData, name));

    /// <summary>The bytes of a message written with "\n" line ends in the test source, sent with CRLF as on the wire.</summary>
    public static byte[] Ascii(string message) => Encoding.ASCII.GetBytes(Crlf(message));

    /// <summary>Headers in ASCII followed by a body in the given charset: the bytes a real mailer sends.</summary>
    public static byte[] WithBody(string headers, string body, string charset)
    {
        var head = Encoding.ASCII.GetBytes(Crlf(headers.TrimEnd('\n') + "\n\n"));
        var content = Encoding.GetEncoding(charset).GetBytes(Crlf(body));
        return [.. head, .. content];
    }

    /// <summary>An RFC 2047 encoded word in base64.</summary>
    public static string EncodedWord(string text, string charset) =>
        $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text))}?=";

    public static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BuyerMessaging.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
