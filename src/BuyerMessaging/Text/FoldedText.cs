namespace BuyerMessaging.Internal;

/// <summary>Folded text with, for each folded character, the span of the original text it came from.</summary>
internal sealed class FoldedText(string text, int[] starts, int[] ends)
{
    public string Text { get; } = text;

    /// <summary>Maps a span of the folded text to the span of the original text it covers.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (Text.Length == 0)
        {
            return (0, 0);
        }

        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, Text.Length - 1);
        var originalStart = starts[start];
        return (originalStart, ends[last] - originalStart);
    }
}
