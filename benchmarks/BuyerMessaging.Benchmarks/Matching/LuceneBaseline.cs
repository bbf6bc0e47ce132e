using BuyerMessaging.Evaluation;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// The baseline: Lucene.Net with its English analyzer (stop words, Porter stemming) and BM25, one document per template
/// holding its name, example questions and body, the question as a disjunction of its analysed terms.
/// </summary>
internal sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneBaseline(IEnumerable<Template> templates)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var t in templates)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", t.Id.Value, Field.Store.YES),
                    new TextField("text", string.Join("\n", t.Examples.Prepend(t.Name).Append(t.Body)), Field.Store.NO),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public string? Top(string question)
    {
        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return null;
        }

        var hits = _searcher.Search(query, 1).ScoreDocs;
        return hits.Length == 0 ? null : _searcher.Doc(hits[0].Doc).Get("id");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
