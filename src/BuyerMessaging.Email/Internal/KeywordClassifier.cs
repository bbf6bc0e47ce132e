namespace BuyerMessaging.Internal;

/// <summary>Finds the most specific <see cref="BuyerMessageType"/> whose keywords occur in a text.</summary>
internal sealed class KeywordClassifier
{
    /// <summary>The order in which types win when keywords of several types match: the most specific first.</summary>
    internal static readonly BuyerMessageType[] Precedence =
    [
        BuyerMessageType.AtoZClaim,
        BuyerMessageType.DamagedOrDefective,
        BuyerMessageType.WrongItem,
        BuyerMessageType.ReturnRequest,
        BuyerMessageType.Refund,
        BuyerMessageType.Cancellation,
        BuyerMessageType.AddressChange,
        BuyerMessageType.Invoice,
        BuyerMessageType.ShippingInquiry,
        BuyerMessageType.ProductCustomization,
        BuyerMessageType.ProductDetails,
        BuyerMessageType.OrderInformation,
    ];

    /// <summary>The rank of a phrase of <see cref="BuyerMessageType.Other"/>, which hides the keywords inside it and counts for nothing.</summary>
    private const int MaskRank = int.MaxValue;

    private readonly BuyerMessageType[] _types;

    /// <summary>
    /// The keywords by their first (folded) character, longest first, each with the rank of its type in <see cref="_types"/>
    /// (<see cref="MaskRank"/> for a phrase of <see cref="BuyerMessageType.Other"/>).
    /// </summary>
    private readonly Dictionary<char, (Keyword Keyword, int Rank)[]> _byFirstChar;

    public KeywordClassifier(IEnumerable<IReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>>> tables)
    {
        var byType = new Dictionary<BuyerMessageType, List<Keyword>>();
        foreach (var table in tables)
        {
            foreach (var (type, words) in table)
            {
                if (words is null)
                {
                    continue;
                }

                if (!byType.TryGetValue(type, out var list))
                {
                    byType[type] = list = [];
                }

                foreach (var word in words)
                {
                    if (Keyword.TryCreate(word, out var keyword))
                    {
                        list.Add(keyword);
                    }
                }
            }
        }

        // Types the precedence list does not know (added to the enum later) come last, in enum order. Phrases of
        // Other classify as nothing: they only hide the keywords inside them.
        var order = Precedence.Concat(Enum.GetValues<BuyerMessageType>().Except(Precedence)).Where(t => t != BuyerMessageType.Other);
        _types = [.. order.Where(byType.ContainsKey)];
        var masks = byType.GetValueOrDefault(BuyerMessageType.Other) ?? [];
        _byFirstChar = _types
            .SelectMany((type, rank) => byType[type].Select(keyword => (Keyword: keyword, Rank: rank)))
            .Concat(masks.Select(keyword => (Keyword: keyword, Rank: MaskRank)))
            .GroupBy(entry => entry.Keyword.Text[0])
            .ToDictionary(
                group => group.Key,
                group => group.OrderByDescending(entry => entry.Keyword.Text.Length).ThenBy(entry => entry.Rank).ToArray());
    }

    /// <summary>The more specific of two types by <see cref="Precedence"/>; <see cref="BuyerMessageType.Other"/> loses to any.</summary>
    public static BuyerMessageType MoreSpecific(BuyerMessageType a, BuyerMessageType b)
    {
        if (a == BuyerMessageType.Other || a == b)
        {
            return b;
        }

        if (b == BuyerMessageType.Other)
        {
            return a;
        }

        var rankA = Array.IndexOf(Precedence, a);
        var rankB = Array.IndexOf(Precedence, b);
        return rankB >= 0 && (rankA < 0 || rankB < rankA) ? b : a;
    }

    /// <summary>
    /// The type of highest <see cref="Precedence"/> with a keyword in the text, or <see cref="BuyerMessageType.Other"/>.
    /// One pass over the folded text: at each position only the keywords starting with its character are tried; the
    /// longest that matches (of equal length, the one of higher precedence) takes the position, and the keywords that
    /// start inside it are not tried ("zwrot pieniędzy" is a refund, not the return of "zwrot"; "ordered the wrong size",
    /// a phrase of <see cref="BuyerMessageType.Other"/>, is no wrong item).
    /// </summary>
    public BuyerMessageType Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return BuyerMessageType.Other;
        }

        var folded = KeywordFolding.Fold(text);
        var best = MaskRank;
        var previousIsWordChar = false;
        for (var i = 0; i < folded.Length && best > 0; i++)
        {
            // Inside a word, a keyword starting with this letter would need a word start: no lookup.
            var insideWord = previousIsWordChar;
            previousIsWordChar = KeywordFolding.IsWordChar(folded[i]);
            if ((previousIsWordChar && insideWord) || !_byFirstChar.TryGetValue(folded[i], out var candidates))
            {
                continue;
            }

            foreach (var (keyword, rank) in candidates)
            {
                if (keyword.MatchesAt(folded, i))
                {
                    best = Math.Min(best, rank);
                    i += keyword.Text.Length - 1;
                    previousIsWordChar = KeywordFolding.IsWordChar(folded[i]);
                    break;
                }
            }
        }

        return best == MaskRank ? BuyerMessageType.Other : _types[best];
    }

    private readonly record struct Keyword(string Text, bool Prefix)
    {
        public static bool TryCreate(string? raw, out Keyword keyword)
        {
            keyword = default;
            if (string.IsNullOrWhiteSpace(raw))
            {
                return false;
            }

            var trimmed = raw.Trim();
            var prefix = trimmed.EndsWith('*');
            var folded = KeywordFolding.Fold(prefix ? trimmed[..^1] : trimmed);
            if (folded.Length == 0)
            {
                return false;
            }

            keyword = new(folded, prefix);
            return true;
        }

        /// <summary>
        /// Whether the keyword occurs at <paramref name="index"/>, ending a word where it ends with a letter. The caller
        /// tries a keyword that starts with a letter only where a word starts.
        /// </summary>
        public bool MatchesAt(string folded, int index)
        {
            if (!folded.AsSpan(index).StartsWith(Text, StringComparison.Ordinal))
            {
                return false;
            }

            var end = index + Text.Length;
            return Prefix || !KeywordFolding.IsWordChar(Text[^1]) || end == folded.Length || !KeywordFolding.IsWordChar(folded[end]);
        }
    }
}
