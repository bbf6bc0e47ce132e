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

    private readonly (BuyerMessageType Type, Keyword[] Keywords)[] _table;

    public KeywordClassifier(IEnumerable<IReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>>> tables)
    {
        var byType = new Dictionary<BuyerMessageType, List<Keyword>>();
        foreach (var table in tables)
        {
            foreach (var (type, words) in table)
            {
                if (type == BuyerMessageType.Other || words is null)
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

        // Types the precedence list does not know (added to the enum later) come last, in enum order.
        var order = Precedence.Concat(Enum.GetValues<BuyerMessageType>().Except(Precedence));
        _table = [.. order.Where(byType.ContainsKey).Select(t => (t, byType[t].ToArray()))];
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

    public BuyerMessageType Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return BuyerMessageType.Other;
        }

        var folded = KeywordFolding.Fold(text);
        foreach (var (type, keywords) in _table)
        {
            foreach (var keyword in keywords)
            {
                if (keyword.IsIn(folded))
                {
                    return type;
                }
            }
        }

        return BuyerMessageType.Other;
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

        public bool IsIn(string folded)
        {
            var checkStart = KeywordFolding.IsWordChar(Text[0]);
            var checkEnd = !Prefix && KeywordFolding.IsWordChar(Text[^1]);
            var from = 0;
            while (from <= folded.Length - Text.Length)
            {
                var index = folded.IndexOf(Text, from, StringComparison.Ordinal);
                if (index < 0)
                {
                    return false;
                }

                var end = index + Text.Length;
                if ((!checkStart || index == 0 || !KeywordFolding.IsWordChar(folded[index - 1]))
                    && (!checkEnd || end == folded.Length || !KeywordFolding.IsWordChar(folded[end])))
                {
                    return true;
                }

                from = index + 1;
            }

            return false;
        }
    }
}
