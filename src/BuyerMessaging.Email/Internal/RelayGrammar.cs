using System.Text;
using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>The kind of a relay marker line.</summary>
internal enum MarkerKind
{
    None,
    Begin,
    End,
}

/// <summary>
/// All <see cref="AmazonRelayFormat"/>s, notification types and quote headers of one <see cref="MimeParsingOptions"/>,
/// merged and compiled once. Immutable and thread-safe.
/// </summary>
internal sealed class RelayGrammar
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly char[] Dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];

    private readonly HashSet<string> _beginMarkers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _endMarkers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _preambleStarts = [];
    private readonly List<string> _sellerCopyStarts = [];
    private readonly List<string> _boilerplateStarts = [];
    private readonly List<string> _displayNameSuffixes = [];
    private readonly HashSet<string> _anonymousNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Regex> _subjectNamePatterns = [];
    private readonly List<Regex> _quoteHeaders = [];
    private readonly KeyValuePair<string, BuyerMessageType>[] _notificationTypes;

    private RelayGrammar(MimeParsingOptions options, List<string> errors)
    {
        for (var f = 0; f < options.RelayFormats.Count; f++)
        {
            var format = options.RelayFormats[f];
            if (format is null)
            {
                errors.Add($"RelayFormats[{f}] is null.");
                continue;
            }

            var where = $"RelayFormats[{f}] ('{format.Name}')";
            AddAll(_beginMarkers, format.BeginMarkers, NormaliseMarker);
            AddAll(_endMarkers, format.EndMarkers, NormaliseMarker);
            AddAll(_preambleStarts, format.PreambleStarts, Normalise);
            AddAll(_preambleStarts, format.SellerCopyStarts, Normalise);
            AddAll(_sellerCopyStarts, format.SellerCopyStarts, Normalise);
            AddAll(_boilerplateStarts, format.BoilerplateStarts, Normalise);
            AddAll(_displayNameSuffixes, format.DisplayNameSuffixes, Normalise);
            AddAll(_anonymousNames, format.AnonymousBuyerNames, Normalise);
            Compile(_subjectNamePatterns, format.SubjectBuyerNamePatterns, $"{where}.SubjectBuyerNamePatterns", errors, requireNameGroup: true);
        }

        Compile(_quoteHeaders, options.QuoteHeaderPatterns, "QuoteHeaderPatterns", errors, requireNameGroup: false);
        _beginMarkers.Remove(string.Empty);
        _endMarkers.Remove(string.Empty);
        _notificationTypes = [.. options.NotificationTypes
            .Where(p => !string.IsNullOrWhiteSpace(p.Key))
            .OrderByDescending(p => p.Key.Length)];

        var formats = options.RelayFormats.Where(f => f is not null).ToList();
        SubjectClassifier = new KeywordClassifier(formats.Select(f => f.SubjectKeywords).Where(t => t is not null));
        BodyClassifier = new KeywordClassifier(formats.Select(f => f.BodyKeywords).Where(t => t is not null));
    }

    /// <summary>Gets the classifier of Amazon's subject phrases.</summary>
    public KeywordClassifier SubjectClassifier { get; }

    /// <summary>Gets the classifier of the words buyers use.</summary>
    public KeywordClassifier BodyClassifier { get; }

    /// <summary>Compiles the options, or throws one <see cref="ArgumentException"/> that lists every invalid entry.</summary>
    public static RelayGrammar Create(MimeParsingOptions options, string paramName)
    {
        var errors = new List<string>();
        var grammar = new RelayGrammar(options, errors);
        return errors.Count == 0
            ? grammar
            : throw new ArgumentException("Invalid MimeParsingOptions: " + string.Join(" ", errors), paramName);
    }

    public MarkerKind GetMarker(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length < 4 || !StartsWithDashes(trimmed))
        {
            return MarkerKind.None;
        }

        var words = NormaliseMarker(trimmed.ToString());
        return _beginMarkers.Contains(words) ? MarkerKind.Begin
            : _endMarkers.Contains(words) ? MarkerKind.End
            : MarkerKind.None;
    }

    public bool IsPreamble(string line) => StartsWithAny(line, _preambleStarts);

    /// <summary>
    /// Whether a relay body is Amazon's copy of a reply the seller sent: its first line that is not blank starts with one
    /// of <see cref="AmazonRelayFormat.SellerCopyStarts"/>. The buyer's name is what follows on that line.
    /// </summary>
    public bool IsSellerCopy(string body, out string? buyerName)
    {
        buyerName = null;
        foreach (var raw in body.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var text = Normalise(line.ToString());
            foreach (var start in _sellerCopyStarts)
            {
                if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                {
                    var name = text[start.Length..].Trim().TrimEnd('.', ':', '。').Trim();
                    buyerName = name.Length == 0 ? null : name;
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    public bool IsBoilerplateStart(string line) => StartsWithAny(line, _boilerplateStarts);

    public bool IsQuoteHeader(string line, string? next)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var joined = string.IsNullOrWhiteSpace(next) ? null : trimmed + " " + next.Trim();
        foreach (var regex in _quoteHeaders)
        {
            if (SafeIsMatch(regex, trimmed) || (joined is not null && SafeIsMatch(regex, joined)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The buyer's name from a display name: Amazon's suffix removed, null when it stands for "unknown".</summary>
    public string? CleanBuyerName(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        var name = Normalise(displayName).Trim().Trim('"', '\'').Trim();
        bool changed;
        do
        {
            changed = false;
            foreach (var suffix in _displayNameSuffixes)
            {
                var core = suffix.TrimStart(Dashes).TrimStart();
                var needsDash = core.Length != suffix.Length;
                if (core.Length == 0 || !name.EndsWith(core, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var rest = name[..^core.Length].TrimEnd();
                if (needsDash && rest.Length > 0 && !EndsWithDash(rest))
                {
                    continue;
                }

                name = rest.TrimEnd(Dashes).TrimEnd().TrimEnd(',').TrimEnd();
                changed = true;
            }
        }
        while (changed && name.Length > 0);

        return name.Length == 0 || _anonymousNames.Contains(name) ? null : name;
    }

    /// <summary>The buyer's name from a subject such as "Inquiry from Amazon customer NAME (Order: …)".</summary>
    public string? BuyerNameFromSubject(string subject)
    {
        foreach (var regex in _subjectNamePatterns)
        {
            try
            {
                var match = regex.Match(subject);
                if (match.Success && CleanBuyerName(match.Groups["name"].Value) is { } name)
                {
                    return name;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological subject: no name from this pattern.
            }
        }

        return null;
    }

    /// <summary>The message type of an X-Space-Notification-Type value, by the longest matching prefix.</summary>
    public BuyerMessageType? TypeOfNotification(string? notificationType)
    {
        if (string.IsNullOrWhiteSpace(notificationType))
        {
            return null;
        }

        var value = notificationType.Trim();
        foreach (var (prefix, type) in _notificationTypes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    private static bool StartsWithDashes(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && Array.IndexOf(Dashes, text[count]) >= 0)
        {
            count++;
        }

        return count >= 3;
    }

    private static bool EndsWithDash(string text) => text.Length > 0 && Array.IndexOf(Dashes, text[^1]) >= 0;

    private static bool StartsWithAny(string line, List<string> starts)
    {
        if (starts.Count == 0)
        {
            return false;
        }

        var trimmed = line.TrimStart();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (!trimmed.IsNormalized())
        {
            trimmed = trimmed.Normalize();
        }

        foreach (var start in starts)
        {
            if (trimmed.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SafeIsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Normalise(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>The words of a marker line: dashes and white space trimmed, inner white space collapsed.</summary>
    private static string NormaliseMarker(string text)
    {
        var words = text.Trim().Trim(Dashes).Trim();
        var builder = new StringBuilder(words.Length);
        var space = false;
        foreach (var c in words)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void AddAll(ICollection<string> target, IReadOnlyList<string>? values, Func<string, string> normalise)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                target.Add(normalise(value));
            }
        }
    }

    private static void Compile(List<Regex> target, IEnumerable<string>? patterns, string where, List<string> errors, bool requireNameGroup)
    {
        if (patterns is null)
        {
            return;
        }

        var index = 0;
        foreach (var pattern in patterns)
        {
            var at = $"{where}[{index++}]";
            if (string.IsNullOrWhiteSpace(pattern))
            {
                errors.Add($"{at} is empty.");
                continue;
            }

            try
            {
                var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
                if (requireNameGroup && Array.IndexOf(regex.GetGroupNames(), "name") < 0)
                {
                    errors.Add($"{at} has no group named 'name'.");
                    continue;
                }

                target.Add(regex);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{at} is not a valid regular expression: {ex.Message}");
            }
        }
    }
}
