using System.Buffers;

namespace BuyerMessaging.Internal;

/// <summary>Receives one character n-gram.</summary>
/// <param name="gram">The n-gram; valid only during the call.</param>
/// <param name="script">The script of the run it was taken from.</param>
internal delegate void NgramAction(ReadOnlySpan<char> gram, ScriptGroup script);

/// <summary>
/// The character n-grams shared by the language profiles and the detector, so that both see text the same way: the text
/// is folded (<see cref="TextFolding"/>), split into runs of letters of one script (anything else separates runs), each
/// run is padded with one space on either side, and every n-gram of order 1 to <see cref="MaxOrder"/> is taken, except
/// the lone space.
/// </summary>
internal static class CharNgrams
{
    /// <summary>The longest n-gram.</summary>
    public const int MaxOrder = 4;

    /// <summary>Visits the n-grams of already folded text.</summary>
    /// <param name="folded">Text folded with <see cref="TextFolding.Fold"/>.</param>
    /// <param name="action">Receives each n-gram.</param>
    /// <param name="only">Visits only runs of this script when not <see cref="ScriptGroup.None"/>.</param>
    public static void Visit(ReadOnlySpan<char> folded, NgramAction action, ScriptGroup only = ScriptGroup.None)
    {
        var i = 0;
        char[]? rented = null;
        Span<char> buffer = stackalloc char[130];
        try
        {
            while (NextRun(folded, ref i, out var script) is var run && !run.IsEmpty)
            {
                if (only != ScriptGroup.None && script != only)
                {
                    continue;
                }

                var length = run.Length + 2;
                if (length > buffer.Length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = ArrayPool<char>.Shared.Rent(length);
                    buffer = rented;
                }

                var padded = buffer[..length];
                padded[0] = ' ';
                run.CopyTo(padded[1..]);
                padded[^1] = ' ';
                VisitRun(padded, script, action);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The next run of letters of one script at or after <paramref name="position"/> (anything else separates runs), or
    /// an empty span at the end; <paramref name="position"/> moves past the run.
    /// </summary>
    public static ReadOnlySpan<char> NextRun(ReadOnlySpan<char> folded, ref int position, out ScriptGroup script)
    {
        script = ScriptGroup.None;
        while (position < folded.Length && (script = Scripts.Of(folded[position])) == ScriptGroup.None)
        {
            position++;
        }

        var start = position;
        while (position < folded.Length && Scripts.Of(folded[position]) == script)
        {
            position++;
        }

        return folded[start..position];
    }

    private static void VisitRun(ReadOnlySpan<char> padded, ScriptGroup script, NgramAction action)
    {
        for (var start = 0; start < padded.Length; start++)
        {
            for (var n = 1; n <= MaxOrder && start + n <= padded.Length; n++)
            {
                if (n == 1 && padded[start] == ' ')
                {
                    continue;
                }

                action(padded.Slice(start, n), script);
            }
        }
    }
}
