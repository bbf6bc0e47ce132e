using System.Text.RegularExpressions;
using BuyerMessaging.Internal;
using Microsoft.Extensions.Options;

namespace BuyerMessaging;

/// <summary>
/// Checks outbound text against Amazon's buyer-seller messaging rules (the package README, "Amazon content check"): links other
/// than Amazon's and carriers' https links, e-mail addresses, phone numbers, review and feedback requests and incentives,
/// asking to withdraw an A-to-Z claim, marketing, attachment types and sizes, length, HTML, language and automated
/// wording. Text is compared after <see cref="TextFolding.Fold"/>, so full-width forms (「ｉｎｆｏ＠ｓｈｏｐ．ｊｐ」) are
/// caught too; findings point at the original text.
/// </summary>
/// <remarks>
/// Thread-safe; the rule set is compiled once in the constructor. Rules apply to Amazon channels: a reply to an own
/// support mailbox needs no check. Extend or adjust the rule set through <see cref="ContentCheckOptions"/>.
/// </remarks>
public sealed partial class AmazonContentChecker : IContentChecker
{
    private const int MaxExcerpt = 120;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly ContentCheckOptions _options;
    private readonly (ContentPhraseRule Rule, Regex[] Patterns)[] _phraseRules;
    private readonly HashSet<string> _linkDomains;
    private readonly ILanguageDetector _languageDetector;

    /// <summary>Initializes a new instance of the <see cref="AmazonContentChecker"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="languageDetector">Detects the language of the text; <see cref="BasicLanguageDetector"/> when <see langword="null"/>.</param>
    /// <exception cref="DefinitionValidationException">A phrase rule has no id, no pattern, or a pattern that does not compile; every failing member is listed.</exception>
    public AmazonContentChecker(IOptions<ContentCheckOptions>? options = null, ILanguageDetector? languageDetector = null)
    {
        _options = options?.Value ?? new ContentCheckOptions();
        _languageDetector = languageDetector ?? BasicLanguageDetector.Instance;
        var errors = new List<ValidationError>();
        var rules = new List<(ContentPhraseRule, Regex[])>();
        for (var i = 0; i < _options.PhraseRules.Count; i++)
        {
            var rule = _options.PhraseRules[i];
            if (rule is null || string.IsNullOrWhiteSpace(rule.Id))
            {
                errors.Add(new($"PhraseRules[{i}].Id", "is required"));
                continue;
            }

            if (rule.Patterns is not { Count: > 0 })
            {
                errors.Add(new($"PhraseRules[{i}].Patterns", "needs at least one pattern"));
                continue;
            }

            var patterns = new List<Regex>();
            for (var j = 0; j < rule.Patterns.Count; j++)
            {
                try
                {
                    patterns.Add(new Regex(rule.Patterns[j], RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout));
                }
                catch (ArgumentException ex)
                {
                    errors.Add(new($"PhraseRules[{i}].Patterns[{j}]", $"regular expression does not compile: {ex.Message}"));
                }
            }

            rules.Add((rule, [.. patterns]));
        }

        if (_options.MaxTextLength <= 0)
        {
            errors.Add(new("MaxTextLength", "must be positive"));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException("Content check options", errors);
        }

        _phraseRules = [.. rules];
        _linkDomains = new HashSet<string>(_options.AllowedLinkDomains.Select(d => d.Trim().TrimStart('.').ToLowerInvariant()), StringComparer.Ordinal);
        foreach (var marketplace in AmazonMarketplaces.All)
        {
            _linkDomains.Add(marketplace.Domain);
        }
    }

    /// <summary>Gets a checker with the default options.</summary>
    public static AmazonContentChecker Default { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ContentCheckResult Check(ContentCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findings = new List<ContentFinding>();
        try
        {
            if (!string.IsNullOrEmpty(request.Subject))
            {
                CheckText(request.Subject, ContentPart.Subject, findings);
            }

            CheckText(request.Text ?? string.Empty, ContentPart.Body, findings);
            CheckUnnecessary(request.Text ?? string.Empty, findings);
            if (!string.IsNullOrEmpty(request.Html))
            {
                CheckHtml(request.Html, findings);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Every pattern is linear, so this takes a pathological text on a starved machine; say so rather than pass it silently.
            findings.Add(new(ContentRuleIds.CheckIncomplete, ContentSeverity.Warn, ContentPart.Body, 0, 0, string.Empty,
                "The content check did not finish in time; read the text against Amazon's rules before sending it.",
                "内容チェックが時間内に完了しませんでした。送信前にAmazonのルールに沿っているか確認してください。"));
        }

        CheckLength(request.Text ?? string.Empty, findings);
        CheckLanguage(request, findings);

        CheckAttachments(request.Attachments ?? [], findings);
        foreach (var custom in _options.CustomRules)
        {
            findings.AddRange(custom.Check(request));
        }

        var result = findings
            .Where(f => !_options.DisabledRules.Contains(f.RuleId))
            .Select(f => _options.SeverityOverrides.TryGetValue(f.RuleId, out var severity) ? f with { Severity = severity } : f)
            .OrderBy(f => f.Part == ContentPart.Subject ? 0 : (int)f.Part + 1)
            .ThenBy(f => f.Start)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return result.Count == 0 ? ContentCheckResult.Clean : new ContentCheckResult(result);
    }

    private void CheckText(string text, ContentPart part, List<ContentFinding> findings)
    {
        if (text.Length == 0)
        {
            return;
        }

        var folded = TextFolding.FoldWithMap(text);
        var taken = new List<(int Start, int End)>();

        foreach (Match m in EmailPattern().Matches(folded.Text).Concat(ObfuscatedEmailPattern().Matches(folded.Text)))
        {
            if (Overlaps(taken, m.Index, m.Length))
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            Add(findings, ContentRuleIds.EmailAddress, ContentSeverity.Block, part, text, folded, m.Index, m.Length,
                "E-mail addresses are not allowed: contact with the buyer stays in Amazon's messaging.",
                "メールアドレスを記載することはできません。購入者との連絡はAmazonのメッセージ内で行ってください。");
        }

        foreach (Match m in LinkPattern().Matches(folded.Text).Concat(SpacedLinkPattern().Matches(folded.Text)))
        {
            if (Overlaps(taken, m.Index, m.Length))
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            var shown = m.Value.TrimEnd('.', ',', ')', ']', '」', '』', '!', '?', ';', ':');

            // "www . shop . fr", "shop [dot] com": checked as the host a buyer would type.
            var link = SpacedLinkSeparator().Replace(shown, ".");
            if (IsAllowedLink(link, out var secure))
            {
                continue;
            }

            Add(findings, ContentRuleIds.Link, ContentSeverity.Block, part, text, folded, m.Index, shown.Length,
                secure
                    ? "Links are allowed only to Amazon and to a carrier's tracking page, never to your shop, social media or other sites."
                    : "Only secure (https) links needed to complete the order are allowed.",
                secure
                    ? "リンクはAmazonと配送業者の追跡ページのみ可能です。自社ショップやSNSなどへのリンクはできません。"
                    : "注文の完了に必要な安全な(https)リンク以外は記載できません。");
        }

        foreach (var (regex, maxDigits) in PhonePatterns)
        {
            foreach (Match m in regex.Matches(folded.Text))
            {
                var digits = CountDigits(m.Value);
                if (Overlaps(taken, m.Index, m.Length) || digits < 8 || digits > maxDigits || IsNumberContext(folded.Text, m.Index) || DatePattern().IsMatch(m.Value))
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                Add(findings, ContentRuleIds.PhoneNumber, ContentSeverity.Block, part, text, folded, m.Index, m.Length,
                    "Phone numbers are not allowed: contact with the buyer stays in Amazon's messaging.",
                    "電話番号を記載することはできません。購入者との連絡はAmazonのメッセージ内で行ってください。");
            }
        }

        foreach (var (rule, patterns) in _phraseRules)
        {
            if (rule.Parts.Count > 0 && !rule.Parts.Contains(part))
            {
                continue;
            }

            var ruleTaken = new List<(int, int)>();
            foreach (var regex in patterns)
            {
                foreach (Match m in regex.Matches(folded.Text))
                {
                    if (m.Length == 0 || Overlaps(ruleTaken, m.Index, m.Length))
                    {
                        continue;
                    }

                    ruleTaken.Add((m.Index, m.Index + m.Length));
                    Add(findings, rule.Id, rule.Severity, part, text, folded, m.Index, m.Length, rule.Message, rule.MessageJa);
                }
            }
        }

        if (part == ContentPart.Subject && (text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal)))
        {
            var at = text.IndexOfAny(['\r', '\n']);
            findings.Add(new(ContentRuleIds.Length, ContentSeverity.Block, part, at, 1, Excerpt(text.Substring(at, 1)),
                "The subject must be one line.", "件名は1行にしてください。"));
        }
    }

    private void CheckLength(string text, List<ContentFinding> findings)
    {
        if (text.Length > _options.MaxTextLength)
        {
            findings.Add(new(ContentRuleIds.Length, ContentSeverity.Block, ContentPart.Body, _options.MaxTextLength, text.Length - _options.MaxTextLength,
                Excerpt(text[_options.MaxTextLength..]),
                $"The text is {text.Length} characters long; the limit is {_options.MaxTextLength}.",
                $"本文が{text.Length}文字です。上限は{_options.MaxTextLength}文字です。"));
        }
    }

    private static void CheckUnnecessary(string text, List<ContentFinding> findings)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200)
        {
            return;
        }

        var folded = TextFolding.FoldWithMap(text);
        var thanks = ThanksOnlyPattern().Match(folded.Text);
        var confirmation = ShippedConfirmationPattern().Match(folded.Text);
        var match = thanks.Success ? thanks : confirmation;
        if (match.Success)
        {
            var (start, length) = folded.ToOriginal(match.Index, match.Length);
            findings.Add(new(ContentRuleIds.UnnecessaryMessage, ContentSeverity.Warn, ContentPart.Body, start, length, Excerpt(text.Substring(start, length)),
                "The message seems only to say thanks or to confirm what Amazon already confirms; Amazon counts such messages as unnecessary.",
                "お礼やAmazonが既に通知している内容の確認だけのメッセージは、不要なメッセージとみなされます。"));
        }
    }

    private void CheckLanguage(ContentCheckRequest request, List<ContentFinding> findings)
    {
        if (request.Marketplace is null || !AmazonMarketplaces.TryGetByCountry(request.Marketplace, out var marketplace) || string.IsNullOrWhiteSpace(request.Text))
        {
            return;
        }

        var detected = _languageDetector.Detect(request.Text);
        if (detected.IsKnown && detected.Confidence >= 0.6 && !string.Equals(detected.Language, LanguageTags.Primary(marketplace.Language), StringComparison.Ordinal))
        {
            findings.Add(new(ContentRuleIds.Language, ContentSeverity.Warn, ContentPart.Body, 0, request.Text.Length, Excerpt(request.Text),
                $"The text seems to be in '{detected.Language}', but Amazon asks sellers to write in the marketplace's language ('{marketplace.Language}' for {marketplace.CountryCode}).",
                $"本文の言語は「{detected.Language}」のようですが、Amazonはマーケットプレイスの言語({marketplace.CountryCode}は「{marketplace.Language}」)で書くよう求めています。"));
        }
    }

    private static void CheckHtml(string html, List<ContentFinding> findings)
    {
        foreach (Match m in RichHtmlPattern().Matches(html))
        {
            var pixel = TrackingPixelPattern().IsMatch(m.Value);
            findings.Add(new(ContentRuleIds.Html, ContentSeverity.Warn, ContentPart.Html, m.Index, m.Length, Excerpt(m.Value),
                pixel
                    ? "Tracking pixels are not allowed in buyer messages."
                    : "Keep HTML to simple formatting: images, links, scripts, styles and frames are removed or refused by Amazon.",
                pixel
                    ? "トラッキングピクセルは購入者へのメッセージに使用できません。"
                    : "HTMLは簡単な書式だけにしてください。画像、リンク、スクリプト、スタイル、フレームはAmazonで削除または拒否されます。"));
        }
    }

    private void CheckAttachments(IReadOnlyList<MessageAttachment> attachments, List<ContentFinding> findings)
    {
        long total = 0;
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            total += a.Size;
            if (!IsAllowedType(a.ContentType))
            {
                findings.Add(new(ContentRuleIds.AttachmentType, ContentSeverity.Block, ContentPart.Attachment, i, 0, a.FileName,
                    $"Attachment '{a.FileName}' is of type '{a.ContentType}', which Amazon does not accept (allowed: {string.Join(", ", _options.AllowedAttachmentTypes)}).",
                    $"添付ファイル「{a.FileName}」の形式({a.ContentType})はAmazonで受け付けられません(可能な形式: {string.Join(", ", _options.AllowedAttachmentTypes)})。"));
            }
        }

        if (total > _options.MaxAttachmentBytes)
        {
            findings.Add(new(ContentRuleIds.AttachmentSize, ContentSeverity.Block, ContentPart.Attachment, 0, 0, string.Join(", ", attachments.Select(a => a.FileName)),
                $"The attachments are {total} bytes in total; the limit is {_options.MaxAttachmentBytes} bytes.",
                $"添付ファイルの合計が{total}バイトです。上限は{_options.MaxAttachmentBytes}バイトです。"));
        }

        if (attachments.Count > _options.MaxAttachments)
        {
            findings.Add(new(ContentRuleIds.AttachmentSize, ContentSeverity.Block, ContentPart.Attachment, _options.MaxAttachments, 0, attachments[_options.MaxAttachments].FileName,
                $"There are {attachments.Count} attachments; the limit is {_options.MaxAttachments}.",
                $"添付ファイルが{attachments.Count}個あります。上限は{_options.MaxAttachments}個です。"));
        }
    }

    private bool IsAllowedType(string contentType)
    {
        var type = contentType.Split(';', 2)[0].Trim();
        return _options.AllowedAttachmentTypes.Any(t => string.Equals(t.Trim(), type, StringComparison.OrdinalIgnoreCase));
    }

    private bool IsAllowedLink(string link, out bool secure)
    {
        secure = !link.StartsWith("http://", StringComparison.Ordinal);
        if (!secure)
        {
            return false;
        }

        var rest = link.StartsWith("https://", StringComparison.Ordinal) ? link["https://".Length..] : link;
        var end = rest.IndexOfAny(['/', '?', '#', ':']);
        var host = (end < 0 ? rest : rest[..end]).TrimEnd('.');
        if (!link.StartsWith("https://", StringComparison.Ordinal))
        {
            // A bare domain ("shop.example.com") is a link too; Amazon's own domains are fine without a scheme.
            return IsAllowedHost(host) && AmazonMarketplaces.All.Any(m => host == m.Domain || host.EndsWith("." + m.Domain, StringComparison.Ordinal));
        }

        return IsAllowedHost(host);
    }

    private bool IsAllowedHost(string host)
    {
        var candidate = host;
        while (true)
        {
            if (_linkDomains.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return false;
            }

            candidate = candidate[(dot + 1)..];
        }
    }

    private static void Add(List<ContentFinding> findings, string rule, ContentSeverity severity, ContentPart part, string text, FoldedText folded, int index, int length, string message, string messageJa)
    {
        var (start, originalLength) = folded.ToOriginal(index, length);
        findings.Add(new(rule, severity, part, start, originalLength, Excerpt(text.Substring(start, originalLength)), message, messageJa));
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int index, int length) =>
        taken.Exists(t => index < t.End && t.Start < index + length);

    private static int CountDigits(string value) => value.Count(char.IsAsciiDigit);

    private static string Excerpt(string value) => value.Length <= MaxExcerpt ? value : value[..MaxExcerpt] + "…";

    /// <summary>
    /// Phone number shapes (international, Japanese, North American, German, British, French, Spanish, Italian, Dutch,
    /// Polish, Swedish, Turkish) with the most digits each may have.
    /// </summary>
    private static readonly (Regex Pattern, int MaxDigits)[] PhonePatterns =
    [
        (new(@"(?<![\w+])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\d)", RegexOptions.CultureInvariant, MatchTimeout), 15),
        (new(@"(?<!\d)0\d{1,4}[-(\s]\d{1,4}[-)\s]\d{3,4}(?![\d-])", RegexOptions.CultureInvariant, MatchTimeout), 11),
        (new(@"(?<![\d-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\d-])", RegexOptions.CultureInvariant, MatchTimeout), 10),
        (new(@"(?<![\d-])0\d{2,5}\s?/\s?\d{3,10}(?![\d-])", RegexOptions.CultureInvariant, MatchTimeout), 13),
        (new(@"(?<!\d)0\d{9,10}(?!\d)", RegexOptions.CultureInvariant, MatchTimeout), 11),

        // 0171 1234567, 030 12345678 (German), 07700 900123 (British), 02 12345678 (Italian).
        (new(@"(?<![\w/.,-])0\d{2,4}\s\d{5,8}(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 12),

        // 06 12 34 56 78, 01.23.45.67.89 (French: five pairs, one separator throughout).
        (new(@"(?<!\w)0[1-9]([\s.-]?)\d{2}(?:\1\d{2}){3}(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 10),

        // 612 345 678, 654 32 10 98, 91 123 45 67, 612345678 (Spanish mobile and landline).
        (new(@"(?<!\w)(?:[6789]\d{2}([\s.])\d{3}\1\d{3}|[6789]\d{2}\s\d{2}\s\d{2}\s\d{2}|9\d\s\d{3}\s\d{2}\s\d{2}|[67]\d{8})(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 9),

        // 347 1234567 (Italian mobile).
        (new(@"(?<!\w)3\d{2}[\s.-]\d{6,7}(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 10),

        // 06-12345678, 020-1234567, 0111-123456 (Dutch: ten digits, one hyphen after the area code).
        (new(@"(?<![\w/.,-])0(?:\d-\d{8}|\d{2}-\d{7}|\d{3}-\d{6})(?![\d-])", RegexOptions.CultureInvariant, MatchTimeout), 10),

        // 501 234 567, 600-123-456 (Polish mobile), 22 123 45 67, (22) 123 45 67 (Polish landline).
        (new(@"(?<![\w-])(?:[4-8]\d{2}([\s-])\d{3}\1\d{3}|\(?[1-9]\d\)?\s\d{3}\s\d{2}\s\d{2})(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 9),

        // 070-123 45 67, 08-123 45 67, 08-123 456 78 (Swedish).
        (new(@"(?<![\w/.,-])0\d{1,3}-(?:\d{2,3}\s\d{2}\s\d{2}|\d{3}\s\d{3}\s\d{2})(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 10),

        // 0532 123 45 67, 0 (532) 123 45 67, 0212 123 45 67 (Turkish).
        (new(@"(?<![\w/.,-])0\s?\(?[2-5]\d{2}\)?\s\d{3}\s\d{2}\s\d{2}(?!\d|[.,-]\d)", RegexOptions.CultureInvariant, MatchTimeout), 11),

        // Any number labelled as one ("Tel.", "WhatsApp", "portable").
        (new(@"(?:tel|phone|telephone|telefon|fax|電話|携帯|☎|t[ée]l[ée]phone|tel[ée]fono|portable|\bmobile?|m[oó]vil|cellulare|whatsapp|handy|mobiel|kom[óo]rk\w*|tel\.?\s*kom\.?|\bcep\b|\bgsm\b|telefonumuz|\bsms\b|pod numer(em)?)\s*(?:番号|number|nummer|nr\.?|no\.?)?\s*[:：]?(?:\s+(?:al|au|allo|at|on|an|unter|sur|su))?\s*\+?\d[\d\s().-]{6,}\d", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout), 15),
    ];

    /// <summary>
    /// Whether the number at <paramref name="index"/> is labelled as a tracking, order, invoice or postal number ("追跡番号",
    /// "tracking number", "Sendungsnummer", "numer przesyłki", "kollinummer", "takip numarası"), which look like phone numbers but are what a buyer needs.
    /// </summary>
    private static bool IsNumberContext(string folded, int index)
    {
        var from = Math.Max(0, index - 30);
        return NumberLabelPattern().IsMatch(folded.AsSpan(from, index - from));
    }

    [GeneratedRegex(@"(tracking|order|invoice|reference|ref|sendungs|paket|bestell|rechnungs?|追跡|伝票|お問い?合わ?せ|注文|荷物|〒|postal|zip|plz|zending|verzend|przesy[łl]ki|paczki|zam[óo]wienia|nadania|kolli|s[äa]ndnings|sp[åa]rnings|takip|sipari[şs]|kargo|g[öo]nderi)\s*(number|no\.?|#|id|code|番号|nummer|nr\.?|numarası|numaranız|kodu)?\s*(is|lautet|は|:|：|-|to|är)?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberLabelPattern();

    /// <summary>A date with a year ("04-11-2026", "04.11.2026", "2026-11-04"), which a phone shape such as 0x-xx-xxxx also takes.</summary>
    [GeneratedRegex(@"^(?:(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    /// <summary>
    /// An e-mail address written to get past a filter: "anna [at] shop [dot] com", "info(at)shop.de", "sav
    /// (arobase) boutique.fr", "ventas [arroba] tienda [punto] es", "info [chiocciola] negozio [punto] it", "info
    /// apenstaartje winkel punt nl", "biuro małpa sklep kropka pl", "info snabel-a butik punkt se", "bilgi et işareti
    /// magaza nokta com", or a bare "anna at shop dot com". The words for a dot stand bare only after a word for "@".
    /// </summary>
    [GeneratedRegex(@"(?<![\w.@])[a-z0-9][a-z0-9._%+-]*(?:\s*[\[({<]\s*(?:at|@|ät|arobase|arroba|chiocciola|apenstaartje|ma[łl]pa|snabel-?a|et\s+i[şs]areti|アット|あっと)\s*[\])}>]\s*|\s*(?:arobase|arroba|chiocciola|apenstaartje|ma[łl]pa|snabel-?a|et\s+i[şs]areti)\s*)[a-z0-9-]+(?:(?:\s*[\[({<]\s*(?:dot|punkt|point|punto|punt|kropka|nokta|\.)\s*[\])}>]\s*|\s+(?:dot|punt|punkt|kropka|nokta)\s+|\.)[a-z0-9-]+)*(?:\s*[\[({<]\s*(?:dot|punkt|point|punto|punt|kropka|nokta|\.)\s*[\])}>]\s*|\s+(?:dot|punt|punkt|kropka|nokta)\s+|\.)[a-z]{2,}\b|(?<![\w.@])[a-z0-9][a-z0-9._%+-]*\s+at\s+[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+[a-z]{2,}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ObfuscatedEmailPattern();

    /// <summary>
    /// A link written with spaces or words for its dots: "www . shop . fr", "shop dot com", "shop [punto] it", "www punt
    /// winkel punt nl" (the other languages' bare words only after "www": "punt de" is Dutch for "point the").
    /// </summary>
    [GeneratedRegex(@"\bwww(?:\s*(?:\.|\b(?:dot|punt|punkt|kropka|nokta)\b|[\[(](?:dot|punkt|point|punto|punt|kropka|nokta)[\])])\s*[a-z0-9-]+){2,}|(?<![\w.@])[a-z0-9-]{2,}(?:\s+dot\s+|\s*[\[(](?:dot|punkt|point|punto|punt|kropka|nokta)[\])]\s*)(?:com|net|org|info|shop|store|de|fr|it|es|nl|pl|se|tr|jp|uk|eu|at|ch|be|co\.uk|co\.jp|com\.tr)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpacedLinkPattern();

    /// <summary>The separators of a <see cref="SpacedLinkPattern"/> link, to make it a host name again.</summary>
    [GeneratedRegex(@"\s*(?:\.|\b(?:dot|punt|punkt|kropka|nokta)\b|[\[(](?:dot|punkt|point|punto|punt|kropka|nokta)[\])])\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpacedLinkSeparator();

    [GeneratedRegex(@"\b(?:https?://[^\s<>""'「」『』（）]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>""'「」『』（）]*|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|shop|store|online|site|io|co|me|jp|de|uk|fr|it|es|nl|pl|se|ca|au|cn|top|xyz)(?:\.[a-z]{2})?(?![\w-])(?:/[^\s<>""'「」『』（）]*)?)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkPattern();

    // The sentence must not also announce something done or to be done ("Thanks for contacting us, we will send a new part
    // tomorrow", "Tack för ditt omdöme, vi har uppdaterat beskrivningen"): a clause with such a verb, or with "we have"
    // (Polish "-liśmy", Turkish "-dik": what we did), is the message's substance, the thanks only its courtesy.
    [GeneratedRegex(@"^(?![^.!?。！？\n]*\b(will|'ll|shall|send|sent|sending|ship(ping|ped)?|refund|replac|repair|werden|wird|schick|sende|erstatt|ersatz|envoy|envoi|rembours|rempla|exp[ée]di|envia|enviamos|enviaremos|reembols|reemplaz|spedi|invier|inviamo|rimbors|sostitu|stuur|verzend|verzond|verstuur|terugbeta|vervang|zullen|wy[śs]l|wys[łl]|wysy[łl]|zwr[óo]c|wymien|napraw|skick|[åa]terbetal|ers[äa]tt|kommer att|g[öo]nder|iade|de[ğg]i[şs]tir|we('ve| have)|wir haben|haben wir|nous avons|hemos|abbiamo|(we|wij) (hebben|zijn)|vi har|\w+li[śs]my\b|\w+[dt][iıuü]k\b))\W*[^.!?。！？\n]{0,40}(thank(s| you)|ありがとう|感謝|danke|(vielen|herzlichen|besten) dank|merci(?!\s+(de|d')\s*(nous|me|bien vouloir|[a-zàâçéèêëîïôûù]+(er|ir|re)\b))|remerci|gracias|agradec|grazie|ringrazi|bedankt|dank (je|u)\b|(hartelijk|veel) dank|dzi[ęe]k|\btack\b|te[şs]ekk[üu]r)[^.!?。！？\n]{0,80}[.!。！\s]*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ThanksOnlyPattern();

    [GeneratedRegex(@"(your (order|package|item) (has been|was|is) (shipped|dispatched|delivered)|ご注文[^。\n]{0,20}(発送|出荷)(いた)?しました|ihre bestellung wurde (versandt|verschickt|zugestellt)|votre commande (a [ée]t[ée]|est) (exp[ée]di[ée]e|envoy[ée]e|livr[ée]e)|su pedido (ha sido|fue|est[aá]) (enviado|entregado|despachado)|il suo ordine [èe] stato (spedito|consegnato|inviato)|uw (bestelling|pakket) is (verzonden|verstuurd|bezorgd|geleverd)|zam[óo]wienie (zosta[łl]o|jest) (wys[łl]ane|dostarczone|nadane)|din (best[äa]llning|order) har (skickats|levererats)|sipari[şs]iniz (kargoya verildi|g[öo]nderildi|teslim edildi|kargoland[ıi]))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShippedConfirmationPattern();

    [GeneratedRegex(@"<\s*(img|a|script|iframe|style|object|embed|form|link|meta|video|audio)\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex RichHtmlPattern();

    [GeneratedRegex(@"^<\s*img\b[^>]*\b(width|height)\s*=\s*[""']?[01](px)?[""']?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex TrackingPixelPattern();
}
