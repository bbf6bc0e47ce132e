using System.Buffers;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The default offline language detector: the writing system first, then naive-Bayes scoring of character n-grams
/// (orders 1 to 4) against profiles built from openly licensed text, together with each language's everyday words
/// (function words, pronouns, auxiliaries from openly licensed stop-word lists), both shipped inside the package. Tells apart English,
/// German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian, Finnish, Polish, Czech, Romanian,
/// Hungarian and Turkish (Latin script), Japanese and Chinese (kana and Han), Korean, Russian and Arabic.
/// </summary>
/// <remarks>
/// <para>Returns <see cref="LanguageDetection.Unknown"/> when the text has fewer than
/// <see cref="LanguageDetectorOptions.MinimumLetters"/> letters of its main script, when no script has
/// <see cref="LanguageDetectorOptions.MinimumScriptShare"/> of the letters (too mixed), when no profile is written in
/// its script, or when the best language's confidence is below <see cref="LanguageDetectorOptions.MinimumConfidence"/>.</para>
/// <para>In a text that mixes the Latin alphabet with another script, Latin tokens that look like product names
/// ("Apple Watch Series 9", "iPhone", "USB-C", "45mm") do not count as letters of the text's language, so
/// "Apple Watch Series 9 Band 45mm 届いていません" is Japanese; a Latin sentence beside the other script still counts.
/// In Latin text, tokens that are names on their own (model numbers, "iPhone", "USB") are not scored.</para>
/// <para>The n-gram profiles come from the Universal Declaration of Human Rights, formal text with few of the words
/// buyers write ("Mein Paket ist kaputt" scored as Finnish on them alone). So each word of the text that is on a
/// language's list of everyday words adds that language's likelihood of the word: a word on several lists ("de" in
/// French, Spanish, Portuguese, Dutch…) adds to each of them, less in a longer list; a word on none adds nothing. Accents
/// may be left out ("tambien" is "también"). Japanese and Chinese, written without spaces, are told by their n-grams,
/// kana, the kanji forms only Japanese uses and the Han forms Japanese does not use; in a text of kanji alone the
/// n-grams are read as Han-only text of each language (Japanese writes kana too, which made its kanji look rarer than
/// Chinese ones), so terse Japanese such as "在庫有無確認" is Japanese.</para>
/// <para>The confidence is the posterior of the best language among those of the same script: the n-gram
/// log-likelihoods divided by the square root of the number of n-grams (overlapping n-grams make naive Bayes far too
/// sure), plus the word log-likelihoods as they are.</para>
/// <para>Thread-safe. Only the first <see cref="LanguageDetectorOptions.MaximumLength"/> characters are read. The
/// profiles and word lists load once, on first use (about 0.1 s); a word costs one dictionary look-up, without
/// allocation.</para>
/// </remarks>
public sealed class NgramLanguageDetector : ILanguageDetector
{
    private const double Sharpness = 1.5;

    /// <summary>
    /// The prior odds of the likely language (<see cref="Detect(string, string)"/>) where the text cannot decide: 1,000
    /// to 1, so that the context decides. There the n-grams, from formal text, give 0.9-0.99 to the wrong language as
    /// often as to the right one (kanji words both languages write: 商品, 希望, 返金), and odds of 19 to 1 (one message
    /// in twenty) changed almost nothing.
    /// </summary>
    private const double LikelyLanguageOdds = 1000;

    /// <summary>
    /// Kanji in the forms only Japanese uses: simplified in Japan in 1946 differently from China (収, 売, 発, 様, 対,
    /// 関; Chinese 收, 卖/賣, 发/發, 样/樣, 对/對, 关/關) or made in Japan (込, 働, 枠). None of them occurs in the
    /// 729 Chinese Lingua sentences; they are in 190 of the 412 Japanese ones. They tell Japanese written in kanji alone
    /// ("領収書希望", "返品対応依頼") from Chinese: each takes 40 from the Chinese log-likelihood, as good as proof.
    /// </summary>
    private static readonly SearchValues<char> JapaneseOnlyKanji =
        SearchValues.Create("収込売読続発変対関済払戻単様円気図駅広価検験証歳営労転伝実両辺楽薬総経剤険県黒従拡雑帰悪覚権働枠壊効鉄満遅頼");

    /// <summary>
    /// Han characters in forms Japanese does not use: Chinese simplified forms that differ from Japan's (这, 说, 对,
    /// 发, 货, 单, 时, 间; Japanese 這/—, 説, 対, 発, 貨, 単, 時, 間), the traditional forms Japan simplified differently
    /// (們, 說, 對, 發, 壞, 顏, 單, 處, 圖, 實, 應; Japanese —, 説, 対, 発, 壊, 顔, 単, 処, 図, 実, 応), and the particles
    /// of Chinese grammar and the words Japanese does not write (吗, 呢, 吧, 么, 怎, 你, 您, 她, 很). None of them occurs
    /// in the Japanese Lingua sentences, word pairs and words nor in the repository's Japanese buyer messages; the
    /// simplified ones are in most of the 729 Chinese Lingua sentences. The mirror of <see cref="JapaneseOnlyKanji"/>:
    /// each takes 40 from the Japanese log-likelihood.
    /// </summary>
    private static readonly SearchValues<char> ChineseOnlyHan =
        SearchValues.Create("你您她它很呀啦嘛跟们吗呢吧啊哪么怎咱这说还给东坏颜货订单为开错压对发换损码个谢过请让问题认识确边时间样钱买卖运输车门长场网页电话书处务员师课进远选办图记该实应們嗎麼這說沒壞顏單壓數對發碼讓樣錢賣處辦圖實應寫會來學氣點號體價");

    private readonly LanguageDetectorOptions _options;
    private readonly LanguageProfiles? _profiles;

    /// <summary>Initializes a new instance of the <see cref="NgramLanguageDetector"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public NgramLanguageDetector(LanguageDetectorOptions? options = null)
        : this(options, null)
    {
    }

    internal NgramLanguageDetector(LanguageDetectorOptions? options, LanguageProfiles? profiles)
    {
        _options = options ?? new LanguageDetectorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinimumLetters, 1, "options.MinimumLetters");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaximumLength, 16, "options.MaximumLength");
        if (_options.MinimumConfidence is < 0 or > 1 || double.IsNaN(_options.MinimumConfidence))
        {
            throw new ArgumentOutOfRangeException("options.MinimumConfidence", _options.MinimumConfidence, "Must be from 0 to 1.");
        }

        if (_options.MinimumScriptShare is < 0 or > 1 || double.IsNaN(_options.MinimumScriptShare))
        {
            throw new ArgumentOutOfRangeException("options.MinimumScriptShare", _options.MinimumScriptShare, "Must be from 0 to 1.");
        }

        _profiles = profiles;
    }

    /// <summary>Gets a shared instance with the default options.</summary>
    public static NgramLanguageDetector Default { get; } = new();

    /// <summary>Gets the languages the detector can return (BCP-47 primary tags), in ordinal order.</summary>
    public IReadOnlyList<string> SupportedLanguages => Profiles.Languages;

    private LanguageProfiles Profiles => _profiles ?? LanguageProfiles.Default;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public LanguageDetection Detect(string text) => Detect(text, null);

    /// <inheritdoc />
    /// <remarks>
    /// The likely language counts only between Japanese and Chinese, for a text in Han characters alone with no form
    /// only one of them uses ("商品未着。返金希望。"): their n-grams, from formal text, barely hold the kanji words both
    /// write, so there the context is the better evidence. It then weighs as a prior of 1,000 to 1: the context
    /// decides unless the n-grams are overwhelming. Everywhere else the text alone decides (an English message on
    /// amazon.de is English).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public LanguageDetection Detect(string text, string? likelyLanguage)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _options.MaximumLength)
        {
            var cut = _options.MaximumLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text[..cut];
        }

        var folded = TextFolding.Fold(text);
        Span<int> weights = stackalloc int[Scripts.GroupCount];
        foreach (var c in folded)
        {
            var script = Scripts.Of(c);
            if (script != ScriptGroup.None)
            {
                // One Han, kana or Hangul character carries about as much as two letters of an alphabet.
                weights[(int)script] += script is ScriptGroup.Cjk or ScriptGroup.Hangul ? 2 : 1;
            }
        }

        if (weights[(int)ScriptGroup.Latin] > 0 && weights[(int)ScriptGroup.Latin] < Sum(weights))
        {
            // Buyers writing Japanese, Chinese, Korean or Russian name the product as the shop does: "Apple Watch
            // Series 9 Band 45mm 届いていません". Such names are not the language of the message.
            weights[(int)ScriptGroup.Latin] = Math.Max(0, weights[(int)ScriptGroup.Latin] - LatinNames(text, strongOnly: false, mask: false, out _));
        }

        var total = 0;
        var main = ScriptGroup.None;
        for (var s = 1; s < Scripts.GroupCount; s++)
        {
            total += weights[s];
            if (weights[s] > weights[(int)main])
            {
                main = (ScriptGroup)s;
            }
        }

        if (main == ScriptGroup.None || weights[(int)main] < _options.MinimumLetters)
        {
            return LanguageDetection.Unknown;
        }

        var share = (double)weights[(int)main] / total;
        if (share < _options.MinimumScriptShare)
        {
            return LanguageDetection.Unknown;
        }

        var profiles = Profiles;
        Span<int> candidateSpace = stackalloc int[profiles.Languages.Count];
        var count = 0;
        for (var l = 0; l < profiles.Languages.Count; l++)
        {
            if (profiles.LanguageScripts[l] == main)
            {
                candidateSpace[count++] = l;
            }
        }

        var candidates = candidateSpace[..count];
        if (candidates.Length == 0)
        {
            return LanguageDetection.Unknown;
        }

        if (candidates.Length == 1)
        {
            return Result(profiles.Languages[candidates[0]], share);
        }

        var scores = new double[profiles.Languages.Count];
        var scored = main == ScriptGroup.Latin ? WithoutLatinNames(text, folded) : folded;
        var grams = profiles.Score(scored, main, scores);
        var undecidedHan = main == ScriptGroup.Cjk && AddKanaEvidence(folded, profiles, scores);

        // The n-grams overlap (each letter is in up to ten of them), so their log-likelihoods are tempered; the words
        // of a text are close to independent pieces of evidence and are added as they are.
        var scale = Sharpness / Math.Sqrt(Math.Max(grams, 1));
        for (var l = 0; l < scores.Length; l++)
        {
            scores[l] *= scale;
        }

        if (undecidedHan && likelyLanguage is not null)
        {
            // The primary tag: "ja-JP" is "ja".
            var dash = likelyLanguage.IndexOf('-', StringComparison.Ordinal);
            var likely = dash > 0 ? likelyLanguage.AsSpan(0, dash) : likelyLanguage.AsSpan();
            foreach (var l in candidates)
            {
                scores[l] += likely.Equals(profiles.Languages[l], StringComparison.OrdinalIgnoreCase) ? Math.Log(LikelyLanguageOdds) : 0;
            }
        }

        if (main != ScriptGroup.Cjk)
        {
            profiles.Words?.Score(scored, main, scores);
        }

        var best = candidates[0];
        foreach (var l in candidates)
        {
            best = scores[l] > scores[best] ? l : best;
        }

        var sum = 0.0;
        foreach (var l in candidates)
        {
            sum += Math.Exp(scores[l] - scores[best]);
        }

        var confidence = share / sum;
        return confidence < _options.MinimumConfidence ? LanguageDetection.Unknown : Result(profiles.Languages[best], confidence);
    }

    /// <summary>
    /// Japanese is written with kana between the Han characters and Chinese is not: each kana or Han character adds the
    /// log-probability of its class (kana in about 45 % of the characters of Japanese; katakana rarely in Chinese, in
    /// a Japanese brand name; hiragana, the particles and endings of Japanese grammar, practically never). A few
    /// hiragana thus make a text written mostly in kanji Japanese ("未発送表示が継続中です").
    /// </summary>
    /// <returns>Whether the text is Han alone with no form only Japanese or only Chinese uses: what its n-grams alone decide.</returns>
    private static bool AddKanaEvidence(string folded, LanguageProfiles profiles, double[] scores)
    {
        int hiragana = 0, katakana = 0, han = 0, japaneseForms = 0, chineseForms = 0;
        foreach (var c in folded)
        {
            japaneseForms += JapaneseOnlyKanji.Contains(c) ? 1 : 0;
            chineseForms += ChineseOnlyHan.Contains(c) ? 1 : 0;
            if (Scripts.IsHiragana(c))
            {
                hiragana++;
            }
            else if (Scripts.IsKana(c))
            {
                katakana++;
            }
            else if (Scripts.IsCjk(c))
            {
                han++;
            }
        }

        for (var l = 0; l < profiles.Languages.Count; l++)
        {
            var (hiraganaShare, katakanaShare, hanShare, japaneseFormScore, chineseFormScore) = profiles.Languages[l] switch
            {
                "ja" => (0.35, 0.10, 0.55, 0.0, -40.0),
                "zh" => (1e-9, 0.001, 0.999, -40.0, 0.0),
                _ => (0.25, 0.25, 0.5, 0.0, 0.0),
            };
            scores[l] += (hiragana * Math.Log(hiraganaShare)) + (katakana * Math.Log(katakanaShare)) + (han * Math.Log(hanShare))
                + (japaneseForms * japaneseFormScore) + (chineseForms * chineseFormScore);
        }

        return hiragana == 0 && katakana == 0 && japaneseForms == 0 && chineseForms == 0;
    }

    /// <summary>
    /// The folded text without the Latin tokens that are names on their own (model numbers, "iPhone", "USB": "Bosch
    /// GSR 12V-15 Akkuschrauber" is scored on "bosch akkuschrauber"), or the whole folded text when it has none or too
    /// little is left without them. Capitalised words stay: German writes its nouns so ("Mein Paket").
    /// </summary>
    private string WithoutLatinNames(string text, string folded)
    {
        if (!MayHoldStrongName(text) || LatinNames(text, strongOnly: true, mask: true, out var masked) == 0)
        {
            return folded;
        }

        var rest = TextFolding.Fold(new string(masked));
        var letters = 0;
        foreach (var c in rest)
        {
            letters += Scripts.Of(c) == ScriptGroup.Latin ? 1 : 0;
        }

        return letters >= _options.MinimumLetters ? rest : folded;
    }

    /// <summary>
    /// Whether the text may hold a token that is a name on its own (<see cref="LatinNames"/> with <c>strongOnly</c>):
    /// such a token has a digit or a capital right after a letter or a hyphen of the token ("S24", "iPhone", "USB",
    /// "X-T5"). Most buyer text has neither, and the token scan is skipped.
    /// </summary>
    private static bool MayHoldStrongName(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = Widen(text[i]);
            if (char.IsDigit(c) || (char.IsUpper(c) && i > 0 && (IsTokenChar(text[i - 1]) || text[i - 1] == '-')))
            {
                return true;
            }
        }

        return false;
    }

    private static int Sum(ReadOnlySpan<int> weights)
    {
        var sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        return sum;
    }

    /// <summary>
    /// Counts the letters of the Latin tokens that look like product or brand names rather than words of a sentence:
    /// a token with a digit ("S24", "45mm", "WH-1000XM5"), with a capital after a small letter ("iPhone", "AirPods"),
    /// an acronym of two to four capitals ("USB", "HDMI"; not in a text written in capitals), or a capitalised word beside another such token ("Apple
    /// Watch", "Echo Dot"). A capitalised word beside small-letter words ("Where is my parcel") is a sentence and counts.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="strongOnly">Whether only tokens that are names on their own count (digits, inner capitals, acronyms).</param>
    /// <param name="mask">Whether to give a copy of the text with the names overwritten with spaces.</param>
    /// <param name="masked">That copy, when <paramref name="mask"/> is set and the text has a name; else <see langword="null"/>.</param>
    private static int LatinNames(string text, bool strongOnly, bool mask, out char[]? masked)
    {
        // In a text written in capitals ("WO IST MEIN PAKET???") a short word in capitals is no acronym.
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            upper += char.IsUpper(c) ? 1 : 0;
            lower += char.IsLower(c) ? 1 : 0;
        }

        var acronyms = lower > upper;
        char[]? copy = null;
        var names = 0;
        NameToken previous = default, current = default;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var spaceOnly = true;
            while (i < text.Length && !IsTokenChar(text[i]))
            {
                spaceOnly &= text[i] is ' ' or '\u3000';
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var next = ReadToken(text, ref i, spaceOnly && start > 0, acronyms);
            names += Take(current, previous, next);
            previous = current;
            current = next;
        }

        names += Take(current, previous, default);
        masked = copy;
        return names;

        int Take(NameToken token, NameToken previous, NameToken next)
        {
            if (strongOnly ? !token.Strong || token.Letters == 0 : !token.IsName(previous, next))
            {
                return 0;
            }

            if (mask)
            {
                copy ??= text.ToCharArray();
                copy.AsSpan(token.Start, token.Length).Fill(' ');
            }

            return token.Letters;
        }
    }

    private static NameToken ReadToken(string text, ref int i, bool joined, bool acronyms)
    {
        int letters = 0, upper = 0;
        bool digit = false, capitalAfterSmall = false, firstUpper = false, previousLower = false;
        var start = i;
        while (i < text.Length && (IsTokenChar(text[i]) || (text[i] == '-' && i + 1 < text.Length && IsTokenChar(text[i + 1]) && i > start)))
        {
            var c = Widen(text[i]);
            if (char.IsDigit(c))
            {
                digit = true;
            }
            else if (c != '-')
            {
                letters++;
                var isUpper = char.IsUpper(c);
                firstUpper |= isUpper && i == start;
                capitalAfterSmall |= isUpper && previousLower;
                upper += isUpper ? 1 : 0;
                previousLower = char.IsLower(c);
            }

            i++;
        }

        var strong = digit || capitalAfterSmall || (acronyms && upper == letters && letters is >= 2 and <= 4);
        var title = firstUpper && upper == 1 && letters >= 2;
        return new NameToken(start, i - start, letters, strong, title, joined);
    }

    private static bool IsTokenChar(char c)
    {
        c = Widen(c);
        return char.IsAsciiDigit(c) || Scripts.Of(c) == ScriptGroup.Latin;
    }

    /// <summary>Maps a full-width ASCII form to ASCII ("Ｓ２４" is "S24").</summary>
    private static char Widen(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static LanguageDetection Result(string language, double confidence) =>
        new(language, Math.Round(Math.Clamp(confidence, 0, 1), 3));

    /// <summary>A Latin token, as <see cref="LatinNames"/> reads it.</summary>
    /// <param name="Start">Where it starts in the text.</param>
    /// <param name="Length">Its length in the text.</param>
    /// <param name="Letters">Its letters.</param>
    /// <param name="Strong">Whether it is a name on its own (digits, inner capitals, an acronym).</param>
    /// <param name="Title">Whether it is a capitalised word.</param>
    /// <param name="Joined">Whether only spaces separate it from the token before.</param>
    private readonly record struct NameToken(int Start, int Length, int Letters, bool Strong, bool Title, bool Joined)
    {
        public bool IsName(NameToken previous, NameToken next) =>
            Letters > 0 && (Strong || (Title && ((Joined && (previous.Strong || previous.Title)) || (next.Joined && (next.Strong || next.Title)))));
    }
}
