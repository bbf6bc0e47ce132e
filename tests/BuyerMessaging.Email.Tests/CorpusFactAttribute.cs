namespace BuyerMessaging.Email.Tests;

/// <summary>A fact that is skipped, with the reason, when the shared MIME corpus is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (TestFiles.MimeCorpus is null || !Directory.Exists(TestFiles.MimeCorpus))
        {
            Skip = $"The shared MIME corpus was not found (expected ../shared/corpora/mime beside the repository, looked at '{TestFiles.MimeCorpus ?? "<no repository root>"}').";
        }
    }
}
