using System.Text;
using MimeKit;

namespace BuyerMessaging.Internal;

/// <summary>Attachment file names: the sender's name made safe, or a generated "attachment-N.ext".</summary>
internal static class FileNames
{
    private const int MaxLength = 255;

    /// <summary>The last path segment of a name, without control characters; null when nothing is left.</summary>
    public static string? Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var lastSeparator = name.AsSpan().LastIndexOfAny('/', '\\');
        var segment = name.AsSpan(lastSeparator + 1);
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 16 ? extension : string.Empty;
            var keep = MaxLength - extension.Length;
            if (char.IsHighSurrogate(clean[keep - 1]))
            {
                keep--;
            }

            clean = clean[..keep] + extension;
        }

        return clean.Length == 0 ? null : clean;
    }

    /// <summary>"attachment-N" with the usual extension of the MIME type (or the fallback, or none).</summary>
    public static string Generate(int number, string mimeType, string? fallbackExtension = null)
    {
        var extension = fallbackExtension ?? string.Empty;
        if (MimeTypes.TryGetExtension(mimeType, out var known) && !string.IsNullOrEmpty(known))
        {
            extension = known.StartsWith('.') ? known : "." + known;
        }

        return $"attachment-{number}{extension}";
    }
}
