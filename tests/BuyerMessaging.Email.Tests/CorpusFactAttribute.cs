namespace BuyerMessaging.Email.Tests;

/// <summary>A fact that is skipped, with the reason, when a folder of the shared corpora is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="CorpusFactAttribute"/> class.</summary>
    /// <param name="corpus">The folder under ../shared/corpora the test reads.</param>
    public CorpusFactAttribute(string corpus = "mime")
    {
        var path = TestFiles.Corpus(corpus);
        if (path is null || !Directory.Exists(path))
        {
            Skip = $"The shared corpus '{corpus}' was not found (expected ../shared/corpora/{corpus} beside the repository, looked at '{path ?? "<no repository root>"}').";
        }
    }
}
