using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>
/// The quoting an mbox writer adds to body lines: a line starting "From " is written ">From " so that it is not read as
/// the next message's separator, and ">From " as ">>From " (mboxrd). A message read from an mbox gets its lines back.
/// </summary>
internal static partial class MboxText
{
    /// <summary>Removes one '>' from each line that is '>'s followed by "From ".</summary>
    public static string Unescape(string text) =>
        text.Contains(">From ", StringComparison.Ordinal) ? QuotedFrom().Replace(text, "$1") : text;

    [GeneratedRegex(@"(?m)^>(>*From )", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedFrom();
}
