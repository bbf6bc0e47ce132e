using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using BuyerMessaging.Internal;

namespace BuyerMessaging;

/// <summary>
/// The default, offline <see cref="ITemplateMatcher"/>: a classifier trained on the templates' example questions and BM25
/// ranking over each template's name, example buyer questions and body, in the buyer's language, with a calibrated
/// confidence.
/// </summary>
/// <remarks>
/// <para>Text is folded with <see cref="TextFolding"/> (NFKC, case, width); Latin, Cyrillic and other alphabetic
/// scripts are cut into words (lightly stemmed), Japanese and Chinese into overlapping character pairs. The name, each
/// example and the body of a template are separate BM25 documents; a template scores its best document plus half its
/// second best, so that several close examples count more than one.</para>
/// <para>When a language has from 2 to <see cref="LexicalTemplateMatcherOptions.ClassifierTemplateLimit"/> templates, a
/// softmax classifier over the question's words, word pairs and character 3- to 5-grams is trained on each template's
/// name and example questions (deterministically, on first use of a template list); a template then ranks by the
/// classifier's probability plus 0.3 times its BM25 score relative to the best. The more example questions a template
/// has, the better both parts rank. A question with no word in common with any template fails, whatever the
/// classifier says.</para>
/// <para>The confidence is a logistic function of features of the ranking, fitted on held-out development questions:
/// the share of the question's information (the IDF of its terms) that the best template explains, the margin between
/// the best and the second template and, with the classifier, its probability. The outcome is
/// <see cref="MatchOutcome.Matched"/> at or above <see cref="LexicalTemplateMatcherOptions.AutoSendThreshold"/>,
/// <see cref="MatchOutcome.Suggested"/> at or above <see cref="LexicalTemplateMatcherOptions.SuggestThreshold"/>,
/// otherwise <see cref="MatchOutcome.Failed"/>.</para>
/// <para>Precision first: a question that says "not" ("don't cancel my order", "キャンセルしないでください", "bitte
/// nicht stornieren"; English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish, Japanese and
/// Chinese) is at most <see cref="MatchOutcome.Suggested"/> (<see cref="MatchFailureReason.Negated"/>) when none of the
/// best template's example questions does: sharing every word, it may ask the opposite of what the template answers. The
/// reverse holds too: when the best template's example closest to the question says "not" and the question does not
/// ("Is the charger included in the box?" against "The charger was not included"), the result is at most suggested
/// (<see cref="MatchFailureReason.ExampleNegated"/>).</para>
/// <para>Likewise, a question whose information (the IDF of its terms) lies for 40 % or more in words no template of its
/// language uses ("please cancel my subscription" against templates about orders) is at most suggested
/// (<see cref="MatchFailureReason.UnknownWords"/>): the templates have never seen what it is about.</para>
/// <para>With a single enabled template in the buyer's language, a match is at most suggested
/// (<see cref="MatchFailureReason.SingleTemplate"/>): the margin over a second template is what tells a question about
/// it from one about something else, and there is none. Smart reply passes the store's whole library, so a store with
/// templates for its other common questions gets automatic answers.</para>
/// <para>A message of several sentences (cut at ".", "!", "?", "。" and line breaks) is matched sentence by sentence as
/// well. When a sentence is about another template than the message's best one with the confidence to send it ("Where
/// is my parcel? … Can I get an invoice?"), the message is at most suggested (<see cref="MatchFailureReason.SeveralTopics"/>).
/// When the whole message is only suggested but one sentence alone would be sent with the same template, and every other
/// sentence is about that template too or shares no word with any template (a greeting, a signature, an order number),
/// that sentence's match is sent. A question written in hiragana alone ("はい") shares only particles and endings with
/// the templates and fails (<see cref="MatchFailureReason.NoTermInCommon"/>).</para>
/// <para>Only enabled templates in the buyer's language (primary subtag) are considered. When the request has no
/// language, it is detected; when detection says "unknown" and every template is written in one language, that
/// language is used. <see cref="TemplateMatchRequest.Previous"/> is ignored: this matcher ranks from scratch.</para>
/// <para>Thread-safe. The index of a template list (and its classifier) is built on first use and kept as long as the
/// list instance lives; a new list with the same content (ids, names, examples, bodies, in order) reuses the index of
/// one of the last 64 contents seen, so rebuilding the list for every question costs a hash, not a training.</para>
/// </remarks>
public sealed class LexicalTemplateMatcher : ITemplateMatcher
{
    // Fitted by logistic regression on the development questions (see benchmarks/README.md, "Smart-reply matching"):
    // BM25 alone (one template in the language, or more than the classifier limit) ...
    internal const double Bias = 0.07;
    internal const double CoverageWeight = -1.54;
    internal const double MarginWeight = 16.91;
    internal const double PartWeight = 0.5;

    // ... and with the classifier: it ranks by its probability plus this weight times the BM25 score relative to the
    // best (chosen on the development questions); the confidence has the probability as a further feature.
    internal const double Bm25Weight = 0.3;
    internal const double ClassifierBias = -1.41;
    internal const double ClassifierCoverageWeight = -0.73;
    internal const double ClassifierMarginWeight = 9.69;
    internal const double ProbabilityWeight = 2.56;
    internal const double ProbabilityCoverageWeight = -5.01;
    internal const double ExampleCoverageWeight = 1.34;

    // A question whose information lies this much in words no template of its language uses is at most suggested
    // (MatchFailureReason.UnknownWords): "please cancel my subscription" against a "cancel my order" template.
    // 0.4: on the evaluation suites it costs 0.1-0.8 points of coverage in English (3.3 on xsid-ja) and keeps precision
    // (benchmarks/README.md); 0.3 cost up to 5.7, 0.5 caught few of the audit's near misses.
    internal const double UnseenShareLimit = 0.4;

    // How many template contents' indexes are kept for lists that are new instances (see IndexOf).
    private const int ContentCacheSize = 64;

    private readonly LexicalTemplateMatcherOptions _options;
    private readonly ILanguageDetector _detector;
    private readonly ConditionalWeakTable<IReadOnlyList<Template>, ConcurrentDictionary<string, TemplateIndex>> _indexes = [];
    private readonly ConcurrentDictionary<string, TemplateIndex> _byContent = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="LexicalTemplateMatcher"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="languageDetector">Detects the buyer's language when a request has none; <see cref="NgramLanguageDetector.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LexicalTemplateMatcher(LexicalTemplateMatcherOptions? options = null, ILanguageDetector? languageDetector = null)
    {
        _options = options ?? new LexicalTemplateMatcherOptions();
        CheckProbability(_options.AutoSendThreshold, "options.AutoSendThreshold");
        CheckProbability(_options.SuggestThreshold, "options.SuggestThreshold");
        if (_options.SuggestThreshold > _options.AutoSendThreshold)
        {
            throw new ArgumentOutOfRangeException("options.SuggestThreshold", _options.SuggestThreshold, "Must not be above the auto-send threshold.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCandidates, 1, "options.MaxCandidates");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.ClassifierTemplateLimit, "options.ClassifierTemplateLimit");
        if (_options.K1 is < 0 or > 10 || double.IsNaN(_options.K1))
        {
            throw new ArgumentOutOfRangeException("options.K1", _options.K1, "Must be from 0 to 10.");
        }

        CheckProbability(_options.B, "options.B");
        _detector = languageDetector ?? NgramLanguageDetector.Default;
    }

    /// <summary>Gets a shared instance with the default options.</summary>
    public static LexicalTemplateMatcher Default { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its text or its templates are <see langword="null"/>.</exception>
    public ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Text, "request.Text");
        ArgumentNullException.ThrowIfNull(request.Templates, "request.Templates");
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Match(request));
    }

    /// <summary>Matches synchronously (the work is CPU only).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public TemplateMatch Match(TemplateMatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = ResolveLanguage(request);
        if (language is null)
        {
            return Failed(LanguageDetection.UnknownTag, MatchFailureReason.LanguageUnknown);
        }

        var index = _indexes.GetOrCreateValue(request.Templates).GetOrAdd(language, (lang, state) => state.Self.IndexOf(state.Templates, lang), (Self: this, request.Templates));
        if (index.Templates.Length == 0)
        {
            return Failed(language, MatchFailureReason.NoTemplateInLanguage);
        }

        var whole = MatchText(index, request.Text, language, request.Eligible, out _);
        return whole.Candidates.Count == 0 ? whole : BySentence(index, request, language, whole);
    }

    /// <summary>
    /// Matches one text (a whole message or one of its sentences) against the templates of a language;
    /// <paramref name="agrees"/> tells whether the text and the best template's example closest to it agree about "not"
    /// (both say it or neither does; false when the closest part is the body or there is none).
    /// </summary>
    private TemplateMatch MatchText(TemplateIndex index, string text, string language, IReadOnlyCollection<TemplateId>? eligible, out bool agrees)
    {
        agrees = false;
        var terms = MatchTokenizer.Tokenize(text);
        var query = terms.Distinct(StringComparer.Ordinal).ToArray();
        if (query.Length == 0)
        {
            return Failed(language, MatchFailureReason.EmptyText);
        }

        var match = Rank(index, query, index.Classifier?.Predict(terms), language, eligible, out var closest);
        var negated = Negation.In(text, language);
        // Whether the best template's example closest to the text says "not" (null when the closest part is not an example).
        bool? closestNegated = closest >= 0 && index.PartQuestion[closest] is { } example ? Negation.In(example, language) : null;
        agrees = closestNegated == negated;

        // A question in hiragana alone ("はい", "ありがとう") shares only particles and endings with the templates (the "はい"
        // of "返金はいつ"), no evidence a person could check: it fails, with the ranking kept.
        if (match.Outcome != MatchOutcome.Failed && terms.All(MatchTokenizer.IsKanaOnly))
        {
            return match with { Outcome = MatchOutcome.Failed, TemplateId = null, FailureReason = MatchFailureReason.NoTermInCommon };
        }

        if (match.Outcome != MatchOutcome.Matched)
        {
            return match;
        }

        // Precision first: what the ranking cannot see keeps a match from being sent. A question that says "not" when
        // no example of the template does is the more specific reason, so it is told first.
        if (negated
            && index.Templates.FirstOrDefault(t => t.Id == match.TemplateId) is { } template
            && !template.Examples.Append(template.Name).Any(e => Negation.In(e, language)))
        {
            return match with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.Negated };
        }

        // The reverse: the template's example closest to the question says "not" and the question does not. "Is the
        // charger included in the box?" shares every word of "The charger was not included" and asks something else
        // (a question before buying, not a missing part); so do "I received my refund, thanks" and "Sind Schrauben dabei?".
        if (!negated && closestNegated == true)
        {
            return match with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.ExampleNegated };
        }

        if (UnseenShare(index, query) >= UnseenShareLimit)
        {
            return match with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.UnknownWords };
        }

        // With a single template in the language there is no second one to measure the margin against, and the margin
        // is what tells a question about this template from one about something else that shares a few of its words
        // ("返金してください" against a lone cancellation template scored 0.9999).
        return index.Templates.Length == 1
            ? match with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.SingleTemplate }
            : match;
    }

    /// <summary>
    /// A message of several sentences, matched sentence by sentence as well: when another sentence is about another
    /// template (its best template reaches the suggest threshold) the message asks several things and is at most
    /// suggested (<see cref="MatchFailureReason.SeveralTopics"/>); when every sentence that is about something is about
    /// the message's best template and one of them alone would be sent, it is sent with that sentence's match, as a
    /// greeting, a signature or the story around the question no longer dilutes it. A message or sentence that says
    /// "not" where the template's examples do not is never sent this way.
    /// </summary>
    private TemplateMatch BySentence(TemplateIndex index, TemplateMatchRequest request, string language, TemplateMatch whole)
    {
        // Only a match that would be sent, or one suggested for want of confidence, can change: the rest need no sentence.
        var sendable = whole.Outcome == MatchOutcome.Suggested && whole.FailureReason is MatchFailureReason.BelowThreshold or MatchFailureReason.UnknownWords;
        if (whole.Outcome != MatchOutcome.Matched && !sendable)
        {
            return whole;
        }

        var sentences = MatchTokenizer.Sentences(request.Text);
        if (sentences.Count < 2)
        {
            return whole;
        }

        var parts = new List<(TemplateMatch Match, bool Agrees)>(sentences.Count);
        foreach (var sentence in sentences)
        {
            parts.Add((MatchText(index, sentence, language, request.Eligible, out var agrees), agrees));
        }

        var best = whole.Candidates[0].TemplateId;
        if (parts.Any(p => p.Match.Candidates.Count > 0 && p.Match.Candidates[0].Confidence >= _options.AutoSendThreshold && p.Match.Candidates[0].TemplateId != best))
        {
            return whole.Outcome == MatchOutcome.Matched ? whole with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.SeveralTopics } : whole;
        }

        // Every other sentence is about the same template or about nothing the templates know (no term in common
        // beyond particles and endings: a greeting, a signature, an order number).
        static bool Noise(TemplateMatch m) => m.Candidates.Count == 0 || m.Candidates[0].Terms.All(t => MatchTokenizer.IsKanaOnly(t.Term));
        return sendable
            && !parts.Any(p => p.Match.FailureReason is MatchFailureReason.Negated or MatchFailureReason.ExampleNegated)
            && parts.All(p => Noise(p.Match) || (p.Match.Candidates[0].TemplateId == best && p.Match.Candidates[0].Confidence >= _options.SuggestThreshold))
            && parts.FirstOrDefault(p => p.Match.Outcome == MatchOutcome.Matched && p.Match.TemplateId == best && p.Agrees) is { Match: { } alone }
                ? alone
                : whole;
    }

    /// <summary>
    /// The index of a list's templates in a language: the one already built for the same content (same templates, names,
    /// examples and bodies, in the same order) when there is one, so that a caller building a new list for every
    /// question (as the smart-reply worker does) does not retrain the classifier each time.
    /// </summary>
    internal TemplateIndex IndexOf(IReadOnlyList<Template> templates, string language)
    {
        var chosen = templates.Where(t => t.Enabled && LanguageTags.Primary(t.Language) == language).ToArray();
        var key = ContentKey(chosen, language);
        if (_byContent.TryGetValue(key, out var known))
        {
            return known;
        }

        var built = TemplateIndex.Build(chosen, _options.K1, _options.B, _options.ClassifierTemplateLimit);
        if (_byContent.Count >= ContentCacheSize)
        {
            _byContent.Clear();
        }

        return _byContent.GetOrAdd(key, built);
    }

    private static string ContentKey(Template[] templates, string language)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        Add(language);
        foreach (var t in templates)
        {
            Add(t.Id.Value);
            Add(t.Name);
            Add(t.Body);
            Add(t.Examples.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var example in t.Examples)
            {
                Add(example);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Ranks the templates; <paramref name="closest"/> is the document of <see cref="TemplateIndex.Parts"/> closest to the question within the best template (-1 when none).</summary>
    private TemplateMatch Rank(TemplateIndex index, string[] query, double[]? probabilities, string language, IReadOnlyCollection<TemplateId>? eligible, out int closest)
    {
        closest = -1;
        var count = index.Templates.Length;
        var partCount = index.Parts.DocumentCount;
        var whole = ArrayPool<double>.Shared.Rent(count);
        var best = ArrayPool<double>.Shared.Rent(count);
        var bestDoc = ArrayPool<int>.Shared.Rent(count);
        var parts = ArrayPool<double>.Shared.Rent(partCount);
        try
        {
            Array.Clear(whole, 0, count);
            Array.Clear(best, 0, count);
            Array.Fill(bestDoc, -1, 0, count);
            Array.Clear(parts, 0, partCount);
            var idfs = new double[query.Length];
            var information = 0.0;
            for (var q = 0; q < query.Length; q++)
            {
                var wholePostings = index.Whole.PostingsOf(query[q]);
                var idf = index.Whole.Idf(wholePostings.Length);
                foreach (var posting in wholePostings)
                {
                    whole[posting.Doc] += index.Whole.Weight(idf, posting.Doc, posting.Tf);
                }

                var partPostings = index.Parts.PostingsOf(query[q]);
                idfs[q] = index.Parts.Idf(partPostings.Length);
                information += idfs[q];
                foreach (var posting in partPostings)
                {
                    parts[posting.Doc] += index.Parts.Weight(idfs[q], posting.Doc, posting.Tf);
                }
            }

            for (var d = 0; d < partCount; d++)
            {
                var t = index.PartTemplate[d];
                if (parts[d] > best[t])
                {
                    best[t] = parts[d];
                    bestDoc[t] = d;
                }
            }

            // BM25 ranks by the whole template plus its closest part; with a classifier, its probability plus the BM25
            // score relative to the best template's. Keep the top few with a small insertion sort.
            var bestBm25 = 0.0;
            for (var t = 0; t < count; t++)
            {
                whole[t] += PartWeight * best[t];
                bestBm25 = Math.Max(bestBm25, whole[t]);
            }

            var keep = Math.Max(2, _options.MaxCandidates);
            var top = new List<(int Template, double Score)>(keep + 1);
            for (var t = 0; t < count; t++)
            {
                var score = probabilities is null ? whole[t] : probabilities[t] + (Bm25Weight * (bestBm25 > 0 ? whole[t] / bestBm25 : 0));
                if (score <= 0 || (top.Count == keep && score <= top[^1].Score))
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && top[at - 1].Score < score)
                {
                    at--;
                }

                top.Insert(at, (t, score));
                if (top.Count > keep)
                {
                    top.RemoveAt(keep);
                }
            }

            // Without a single word in common there is no evidence a person could check, whatever character n-grams say.
            if (top.Count == 0 || bestBm25 <= 0)
            {
                return Failed(language, MatchFailureReason.NoTermInCommon);
            }

            closest = bestDoc[top[0].Template];
            return Decide(index, query, idfs, information, top, bestDoc, probabilities, language, eligible);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(whole);
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(bestDoc);
            ArrayPool<double>.Shared.Return(parts);
        }
    }

    private TemplateMatch Decide(TemplateIndex index, string[] query, double[] idfs, double information, List<(int Template, double Score)> top, int[] bestDoc, double[]? probabilities, string language, IReadOnlyCollection<TemplateId>? eligible)
    {
        var candidates = new List<TemplateCandidate>(Math.Min(top.Count, _options.MaxCandidates));
        for (var i = 0; i < top.Count && i < _options.MaxCandidates; i++)
        {
            var (t, score) = top[i];
            var terms = new List<MatchedTerm>();
            var explained = 0.0;
            for (var q = 0; q < query.Length; q++)
            {
                foreach (var posting in index.Parts.PostingsOf(query[q]))
                {
                    if (posting.Doc == bestDoc[t])
                    {
                        terms.Add(new MatchedTerm(query[q], index.Parts.Weight(idfs[q], posting.Doc, posting.Tf)));
                        explained += idfs[q];
                    }
                }
            }

            var next = i == 0 ? (top.Count > 1 ? top[1].Score : 0) : top[0].Score;
            var margin = Math.Max(0, (score - next) / top[0].Score);
            var coverage = information > 0 ? explained / information : 0;
            var exampleCoverage = bestDoc[t] >= 0 && index.PartInformation[bestDoc[t]] > 0 ? explained / index.PartInformation[bestDoc[t]] : 0;
            // The classifier's probability above chance (1 / templates), so that two templates' 0.6 counts as little as it says.
            var chance = probabilities is null ? 0 : 1.0 / probabilities.Length;
            var probability = probabilities is null ? -1 : Math.Max(0, (probabilities[t] - chance) / (1 - chance));
            candidates.Add(new TemplateCandidate
            {
                TemplateId = index.Templates[t].Id,
                Score = score,
                Confidence = probabilities is null ? Confidence(coverage, margin) : Confidence(coverage, margin, probability, exampleCoverage),
                Terms = [.. terms.OrderByDescending(x => x.Weight)],
                Coverage = coverage,
                Margin = margin,
                Probability = probability,
                ExampleCoverage = exampleCoverage,
            });
        }

        var first = candidates[0];
        var notEligible = eligible is not null && !eligible.Contains(first.TemplateId);
        var outcome = notEligible ? MatchOutcome.Failed
            : first.Confidence >= _options.AutoSendThreshold ? MatchOutcome.Matched
            : first.Confidence >= _options.SuggestThreshold ? MatchOutcome.Suggested
            : MatchOutcome.Failed;
        return new TemplateMatch
        {
            Outcome = outcome,
            TemplateId = outcome == MatchOutcome.Failed ? null : first.TemplateId,
            Confidence = first.Confidence,
            Language = language,
            FailureReason = notEligible ? MatchFailureReason.NotEligible : outcome == MatchOutcome.Matched ? MatchFailureReason.None : MatchFailureReason.BelowThreshold,
            Candidates = candidates,
            AutoSendThreshold = _options.AutoSendThreshold,
            SuggestThreshold = _options.SuggestThreshold,
        };
    }

    /// <summary>The share of a question's information (the IDF of its terms) in terms no template of the language uses.</summary>
    private static double UnseenShare(TemplateIndex index, string[] query)
    {
        double information = 0, unseen = 0;
        foreach (var term in query)
        {
            var df = index.Parts.PostingsOf(term).Length;
            var idf = index.Parts.Idf(df);
            information += idf;
            unseen += df == 0 ? idf : 0;
        }

        return information > 0 ? unseen / information : 0;
    }

    /// <summary>The calibrated confidence of BM25 alone, from the share of the question explained and the margin over the next template.</summary>
    internal static double Confidence(double coverage, double margin) =>
        1 / (1 + Math.Exp(-(Bias + (CoverageWeight * coverage) + (MarginWeight * margin * coverage))));

    /// <summary>The calibrated confidence with the classifier: its probability joins the share explained and the margin.</summary>
    internal static double Confidence(double coverage, double margin, double probability, double exampleCoverage) =>
        1 / (1 + Math.Exp(-(ClassifierBias + (ClassifierCoverageWeight * coverage) + (ClassifierMarginWeight * margin * coverage)
            + (ProbabilityWeight * probability) + (ProbabilityCoverageWeight * probability * coverage) + (ExampleCoverageWeight * exampleCoverage))));

    private string? ResolveLanguage(TemplateMatchRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Language) && request.Language != LanguageDetection.UnknownTag)
        {
            return LanguageTags.Primary(request.Language);
        }

        var detected = _detector.Detect(request.Text);
        if (detected.IsKnown)
        {
            return detected.Language;
        }

        var languages = request.Templates.Where(t => t.Enabled).Select(t => LanguageTags.Primary(t.Language)).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return languages.Count == 1 ? languages[0] : null;
    }

    private TemplateMatch Failed(string language, MatchFailureReason reason) => new()
    {
        Outcome = MatchOutcome.Failed,
        Confidence = 0,
        Language = language,
        FailureReason = reason,
        AutoSendThreshold = _options.AutoSendThreshold,
        SuggestThreshold = _options.SuggestThreshold,
    };

    private static void CheckProbability(double value, string name)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be from 0 to 1.");
        }
    }
}
