namespace BuyerMessaging.Internal;

/// <summary>
/// The BM25 indexes over the templates of one language: <see cref="Whole"/> has one document per template (its name,
/// examples and body together, so that evidence from several examples adds up) and <see cref="Parts"/> one document per
/// name, example question and body (so that a question close to one example stands out); <see cref="Classifier"/>, when
/// there are from 2 to the configured limit of templates, is trained on each template's name and example questions.
/// Immutable once built; safe to share between threads.
/// </summary>
internal sealed class TemplateIndex
{
    private TemplateIndex(Template[] templates, Bm25Field whole, Bm25Field parts, int[] partTemplate, string?[] partQuestion, double[] partInformation, TemplateClassifier? classifier)
    {
        PartQuestion = partQuestion;
        PartInformation = partInformation;
        Templates = templates;
        Whole = whole;
        Parts = parts;
        PartTemplate = partTemplate;
        Classifier = classifier;
    }

    public Template[] Templates { get; }

    public Bm25Field Whole { get; }

    public Bm25Field Parts { get; }

    /// <summary>The template of each document of <see cref="Parts"/>.</summary>
    public int[] PartTemplate { get; }

    /// <summary>The text of each document of <see cref="Parts"/> that is a question (a template's name or example), <see langword="null"/> for a body.</summary>
    public string?[] PartQuestion { get; }

    /// <summary>The information (the sum of the IDFs of its distinct terms) of each document of <see cref="Parts"/>.</summary>
    public double[] PartInformation { get; }

    /// <summary>The classifier over the templates (same order as <see cref="Templates"/>), or <see langword="null"/>.</summary>
    public TemplateClassifier? Classifier { get; }

    public static TemplateIndex Build(IEnumerable<Template> templates, double k1, double b, int classifierLimit)
    {
        var chosen = templates.ToArray();
        var wholeDocs = new List<List<string>>();
        var partDocs = new List<List<string>>();
        var partTemplate = new List<int>();
        var partQuestion = new List<string?>();
        var questions = new List<IReadOnlyList<List<string>>>();
        for (var t = 0; t < chosen.Length; t++)
        {
            var template = chosen[t];
            var all = new List<string>();
            var asked = new List<List<string>>();
            var name = template.Name.Replace('_', ' ').Replace('-', ' ');
            foreach (var (text, isQuestion) in template.Examples.Prepend(name).Select(x => (x, true)).Append((template.Body, false)))
            {
                var terms = MatchTokenizer.Tokenize(text);
                if (terms.Count > 0)
                {
                    partDocs.Add(terms);
                    partTemplate.Add(t);
                    partQuestion.Add(isQuestion ? text : null);
                    all.AddRange(terms);
                    if (isQuestion)
                    {
                        asked.Add(terms);
                    }
                }
            }

            wholeDocs.Add(all);
            questions.Add(asked);
        }

        var classifier = chosen.Length <= classifierLimit ? TemplateClassifier.Train(questions) : null;
        var parts = Bm25Field.Build(partDocs, k1, b);
        var partInformation = partDocs.Select(d => d.Distinct(StringComparer.Ordinal).Sum(term => parts.Idf(parts.PostingsOf(term).Length))).ToArray();
        return new TemplateIndex(chosen, Bm25Field.Build(wholeDocs, k1, b), parts, [.. partTemplate], [.. partQuestion], partInformation, classifier);
    }
}

/// <summary>An inverted index with BM25 weights over a set of documents.</summary>
internal sealed class Bm25Field
{
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly float[] _norm;
    private readonly double _k1;

    private Bm25Field(Dictionary<string, Posting[]> postings, float[] norm, double k1)
    {
        _postings = postings;
        _norm = norm;
        _k1 = k1;
    }

    public int DocumentCount => _norm.Length;

    public static Bm25Field Build(List<List<string>> docs, double k1, double b)
    {
        var building = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var d = 0; d < docs.Count; d++)
        {
            foreach (var group in docs[d].GroupBy(x => x, StringComparer.Ordinal))
            {
                if (!building.TryGetValue(group.Key, out var list))
                {
                    building[group.Key] = list = [];
                }

                list.Add(new Posting(d, group.Count()));
            }
        }

        var average = docs.Count == 0 ? 1 : Math.Max(1, docs.Average(d => d.Count));
        var norms = docs.Select(d => (float)(k1 * (1 - b + (b * d.Count / average)))).ToArray();
        return new Bm25Field(building.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), norms, k1);
    }

    public Posting[] PostingsOf(string term) => _postings.TryGetValue(term, out var postings) ? postings : [];

    /// <summary>The inverse document frequency of a term found in <paramref name="df"/> documents.</summary>
    public double Idf(int df) => Math.Log(1 + ((DocumentCount - df + 0.5) / (df + 0.5)));

    /// <summary>The BM25 contribution of a term with frequency <paramref name="tf"/> in a document.</summary>
    public double Weight(double idf, int doc, int tf) => idf * tf * (_k1 + 1) / (tf + _norm[doc]);

    internal readonly record struct Posting(int Doc, int Tf);
}
