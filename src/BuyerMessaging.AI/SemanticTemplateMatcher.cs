using System.Collections.Concurrent;
using BuyerMessaging.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BuyerMessaging;

/// <summary>
/// An <see cref="ITemplateMatcher"/> that re-ranks another matcher's candidates (by default the offline
/// <see cref="LexicalTemplateMatcher"/>) by meaning, with any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: a
/// local model or a hosted provider. Words alone cannot tell "my top-up failed" from "my top-up was reverted" when
/// each template has ten example questions; an embedding model can.
/// </summary>
/// <remarks>
/// <para>Each candidate's final score is its lexical score relative to the best (0 to 1) plus
/// <see cref="SemanticMatchingOptions.Weight"/> times its semantic similarity: the mean of the cosine between the
/// question and the template's closest example question, and between the question and the centroid of its examples
/// (a template without examples is represented by its name and the start of its body).</para>
/// <para>Precision first: when the meaning and the words agree on the best template, the first matcher's outcome and
/// confidence stand; when they disagree, the result is at most <see cref="MatchOutcome.Suggested"/>
/// (<see cref="MatchFailureReason.RankingsDisagree"/>), with the lower of the two templates' confidences, and failed
/// when that is below the suggest threshold, so nothing is sent automatically that the words do not support. A match the words would send is also only suggested when its template is not close enough in meaning
/// (<see cref="SemanticMatchingOptions.MinimumSimilarity"/>, <see cref="MatchFailureReason.MeaningTooFar"/>). A question in a language the model does not serve (<see cref="SemanticMatchingOptions.Languages"/>), and
/// any failure of the generator (logged), leave the first matcher's result as it is: matching never depends on the
/// provider being up.</para>
/// <para>When the words find fewer than two templates (a question worded unlike every example), up to 200 enabled
/// templates of the buyer's language are ranked by meaning alone: the candidates show what a person might answer with,
/// and the outcome stays failed.</para>
/// <para>Template embeddings are cached while a template's name and examples stay the same; each match embeds the
/// question (one call to the generator, with any template not seen before).</para>
/// </remarks>
public sealed class SemanticTemplateMatcher : ITemplateMatcher
{
    private const int BodyCharacters = 500;

    /// <summary>The most templates ranked by meaning alone when the words found fewer than two (each is embedded once).</summary>
    private const int MeaningOnlyTemplateLimit = 200;

    private readonly ITemplateMatcher _first;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly SemanticMatchingOptions _options;
    private readonly HashSet<string>? _languages;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TemplateVectors> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Initializes a new instance of the <see cref="SemanticTemplateMatcher"/> class over the offline
    /// <see cref="LexicalTemplateMatcher"/>, made to return <see cref="SemanticMatchingOptions.Candidates"/> candidates.
    /// </summary>
    /// <param name="generator">The embedding generator.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="languageDetector">The lexical matcher's language detector, or <see langword="null"/> for the default.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is <see langword="null"/>.</exception>
    public SemanticTemplateMatcher(IEmbeddingGenerator<string, Embedding<float>> generator, SemanticMatchingOptions? options = null, ILanguageDetector? languageDetector = null, ILogger<SemanticTemplateMatcher>? logger = null)
        : this(
            new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { MaxCandidates = (options ?? new SemanticMatchingOptions()).Candidates }, languageDetector),
            generator,
            options,
            logger)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SemanticTemplateMatcher"/> class.</summary>
    /// <param name="first">The matcher whose candidates are re-ranked when a request carries no <see cref="TemplateMatchRequest.Previous"/> result.</param>
    /// <param name="generator">The embedding generator.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="generator"/> is <see langword="null"/>.</exception>
    public SemanticTemplateMatcher(ITemplateMatcher first, IEmbeddingGenerator<string, Embedding<float>> generator, SemanticMatchingOptions? options = null, ILogger<SemanticTemplateMatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(generator);
        _first = first;
        _generator = generator;
        _options = options ?? new SemanticMatchingOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Weight, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Candidates, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.CacheSize, nameof(options));
        _languages = _options.Languages.Count == 0 ? null : new HashSet<string>(_options.Languages, StringComparer.OrdinalIgnoreCase);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <remarks>Uses <see cref="TemplateMatchRequest.Previous"/> as the result to re-rank when given; otherwise asks the first matcher.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async ValueTask<TemplateMatch> MatchAsync(TemplateMatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = request.Previous ?? await _first.MatchAsync(request, cancellationToken).ConfigureAwait(false);
        if (_languages is not null && !_languages.Contains(first.Language))
        {
            return first;
        }

        var templates = new Dictionary<TemplateId, Template>();
        foreach (var template in request.Templates)
        {
            templates.TryAdd(template.Id, template);
        }

        var candidates = first.Candidates.Take(_options.Candidates).Where(c => templates.ContainsKey(c.TemplateId)).ToList();
        if (candidates.Count < 2 && first.FailureReason is MatchFailureReason.None or MatchFailureReason.NoTermInCommon or MatchFailureReason.BelowThreshold)
        {
            // The words found fewer than two templates: rank the other enabled templates of the buyer's language by meaning
            // alone (a question worded unlike every example), when there are few enough to embed.
            var others = templates.Values
                .Where(t => t.Enabled && InLanguage(t, first.Language) && !candidates.Exists(c => c.TemplateId == t.Id))
                .ToList();
            if (others.Count + candidates.Count <= MeaningOnlyTemplateLimit)
            {
                candidates.AddRange(others.Select(t => new TemplateCandidate { TemplateId = t.Id, Score = 0, Confidence = 0 }));
            }
        }

        if (candidates.Count < 2)
        {
            return first;
        }

        double[] similarity;
        try
        {
            similarity = await SimilaritiesAsync(request.Text, [.. candidates.Select(c => templates[c.TemplateId])], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.SemanticRerankFailed(_logger, first.Language, candidates.Count, ex);
            return first;
        }

        var best = candidates[0].Score;
        var order = candidates
            .Select((c, i) => (Candidate: c with { Score = (best > 0 ? c.Score / best : 0) + (_options.Weight * similarity[i]) }, Similarity: similarity[i], Order: i))
            .OrderByDescending(p => p.Candidate.Score)
            .ThenBy(p => p.Order)
            .ToList();
        var reranked = order.Select(p => p.Candidate).ToList();
        var top = reranked[0];
        if (top.TemplateId == candidates[0].TemplateId)
        {
            return first.Outcome == MatchOutcome.Matched && order[0].Similarity < _options.MinimumSimilarity
                ? first with { Outcome = MatchOutcome.Suggested, FailureReason = MatchFailureReason.MeaningTooFar, Candidates = reranked }
                : first with { Candidates = reranked };
        }

        Log.SemanticRerankChangedTop(_logger, top.TemplateId.Value, candidates[0].TemplateId.Value);
        var eligible = request.Eligible is null || request.Eligible.Contains(top.TemplateId);
        if (first.Outcome == MatchOutcome.Failed || !eligible)
        {
            return first with
            {
                Outcome = MatchOutcome.Failed,
                TemplateId = null,
                Confidence = top.Confidence,
                FailureReason = eligible ? first.FailureReason : MatchFailureReason.NotEligible,
                Candidates = reranked,
            };
        }

        // Suggested only as far as the words support it: below the suggest threshold, nobody is shown it.
        var confidence = Math.Min(top.Confidence, first.Confidence);
        var suggested = confidence >= first.SuggestThreshold;
        return first with
        {
            Outcome = suggested ? MatchOutcome.Suggested : MatchOutcome.Failed,
            TemplateId = suggested ? top.TemplateId : null,
            Confidence = confidence,
            FailureReason = MatchFailureReason.RankingsDisagree,
            Candidates = reranked,
        };
    }

    /// <summary>For each template, the mean of the question's cosine with its closest example and with its examples' centroid.</summary>
    private async Task<double[]> SimilaritiesAsync(string question, IReadOnlyList<Template> templates, CancellationToken cancellationToken)
    {
        var keys = templates.Select(Key).ToArray();
        var vectors = new TemplateVectors?[templates.Count];
        var texts = new List<string> { question };
        var missing = new List<(int Index, int Start, int Count)>();
        for (var i = 0; i < templates.Count; i++)
        {
            if (!_cache.TryGetValue(keys[i], out vectors[i]))
            {
                var own = Texts(templates[i]);
                missing.Add((i, texts.Count, own.Count));
                texts.AddRange(own);
            }
        }

        var embeddings = await _generator.GenerateAsync(texts, null, cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} embeddings for {texts.Count} texts.");
        }

        var q = Normalize(embeddings[0].Vector.Span);
        if (_cache.Count + missing.Count > _options.CacheSize)
        {
            _cache.Clear();
        }

        foreach (var (index, start, count) in missing)
        {
            var examples = new float[count][];
            for (var j = 0; j < count; j++)
            {
                examples[j] = Normalize(embeddings[start + j].Vector.Span);
            }

            vectors[index] = new TemplateVectors(examples);
            _cache[keys[index]] = vectors[index]!;
        }

        var result = new double[templates.Count];
        for (var i = 0; i < templates.Count; i++)
        {
            var own = vectors[i]!;
            if (own.Centroid.Length != q.Length)
            {
                throw new InvalidOperationException($"The embedding generator returned vectors of {q.Length} dimensions for the question and {own.Centroid.Length} for template '{templates[i].Id}'.");
            }

            var closest = double.MinValue;
            foreach (var example in own.Examples)
            {
                closest = Math.Max(closest, Dot(q, example));
            }

            result[i] = (closest + Dot(q, own.Centroid)) / 2;
        }

        return result;
    }

    /// <summary>The texts that stand for a template: its example questions and name, or its name and the start of its body.</summary>
    private static List<string> Texts(Template template)
    {
        var texts = template.Examples.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        texts.Add(template.Name);
        if (texts.Count == 1 && !string.IsNullOrWhiteSpace(template.Body))
        {
            texts.Add(template.Body.Length <= BodyCharacters ? template.Body : template.Body[..BodyCharacters]);
        }

        return texts;
    }

    /// <summary>Whether a template is written in a language (a primary tag, as the first matcher reports it): "en" for "en" and "en-GB".</summary>
    private static bool InLanguage(Template template, string language) =>
        template.Language.Length > language.Length
            ? template.Language[language.Length] == '-' && template.Language.StartsWith(language, StringComparison.OrdinalIgnoreCase)
            : string.Equals(template.Language, language, StringComparison.OrdinalIgnoreCase);

    private static string Key(Template template) =>
        string.Join('\u001f', [template.Id.Value, template.Name, .. template.Examples, template.Examples.Count == 0 ? template.Body : string.Empty]);

    private static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var norm = 0.0;
        foreach (var x in vector)
        {
            norm += (double)x * x;
        }

        norm = Math.Sqrt(norm);
        var result = new float[vector.Length];
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                result[i] = (float)(vector[i] / norm);
            }
        }

        return result;
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private sealed class TemplateVectors
    {
        public TemplateVectors(float[][] examples)
        {
            Examples = examples;
            var sum = new float[examples[0].Length];
            foreach (var e in examples)
            {
                if (e.Length != sum.Length)
                {
                    throw new InvalidOperationException("The embedding generator returned vectors of different dimensions.");
                }

                for (var i = 0; i < e.Length; i++)
                {
                    sum[i] += e[i];
                }
            }

            Centroid = Normalize(sum);
        }

        public float[][] Examples { get; }

        public float[] Centroid { get; }
    }
}
