using System.Text;

namespace BuyerMessaging.Evaluation;

/// <summary>One hand-written buyer message and the language it is written in.</summary>
internal sealed record LabelledMessage(string Language, string Text);

/// <summary>
/// The buyer-message language set: everyday messages to a shop (short, informal, typos, missing accents, order numbers,
/// product names), written for this repository (see SOURCE.md in <see cref="Directory"/>), one file per language of
/// <c>language&lt;TAB&gt;text</c> lines. Evaluation only: the detector's data is never built from it.
/// </summary>
internal static class BuyerLanguageMessages
{
    /// <summary>Where the set is, relative to the repository root.</summary>
    public const string Directory = "tests/BuyerMessaging.Tests/Data/buyer-language";

    /// <summary>
    /// Where the set of Japanese and Chinese messages written in Han characters alone is (no kana: "商品未着。返金希望。"),
    /// relative to the repository root; the same format.
    /// </summary>
    public const string HanOnlyDirectory = "tests/BuyerMessaging.Tests/Data/han-only";

    /// <summary>The shortest message the accuracy target counts.</summary>
    public const int TargetLength = 20;

    /// <summary>The languages of the accuracy target (those of the Lingua sentences too).</summary>
    public static IReadOnlyList<string> TargetLanguages { get; } = ["en", "de", "fr", "es", "it", "ja", "zh"];

    /// <summary>Reads every file of a set, in ordinal order of the file names.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="directory">The set's directory relative to the root: <see cref="Directory"/> or <see cref="HanOnlyDirectory"/>.</param>
    public static IReadOnlyList<LabelledMessage> Load(string root, string directory = Directory)
    {
        var messages = new List<LabelledMessage>();
        foreach (var path in System.IO.Directory.GetFiles(Path.Combine(root, directory), "*.tsv").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0 || line.AsSpan(tab + 1).Trim().IsEmpty)
                {
                    throw new FormatException($"{Path.GetFileName(path)}: expected 'language<TAB>text', got '{line}'.");
                }

                messages.Add(new LabelledMessage(line[..tab], line[(tab + 1)..].Trim()));
            }
        }

        return messages;
    }
}
