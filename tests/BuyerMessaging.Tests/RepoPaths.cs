namespace BuyerMessaging.Tests;

/// <summary>Finds the repository and the shared corpora beside it (CI runs with shared/ next to the clone).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Gets ../shared/corpora; evaluation tests fail, rather than pass silently, when it is missing.</summary>
    public static string Corpora
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpora"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"The shared corpora are expected at {path} (shared/ beside the repository).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BuyerMessaging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BuyerMessaging.sln not found above the test assembly.");
    }
}
