using System.Globalization;

namespace BuyerMessaging.Benchmarks;

/// <summary>The options of the non-BenchmarkDotNet commands (<c>soak</c>, <c>stage</c>): <c>--name value</c> and flags.</summary>
internal static class CommandLine
{
    public static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static int Number(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;
}
