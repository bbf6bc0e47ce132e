using BenchmarkDotNet.Attributes;
using BuyerMessaging.Cli;
using BuyerMessaging.Evaluation;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// One smart-reply match, 10 templates (the first ten intents of banking77, ten example questions each), over 100
/// banking77 test questions: the offline <see cref="LexicalTemplateMatcher"/> (the baseline) against
/// <see cref="SemanticTemplateMatcher"/> with the local all-MiniLM-L6-v2, template embeddings cached, the question
/// embedded each time. Needs ../shared/corpora.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int Questions = 100;

    private TemplateMatchRequest[] _requests = [];
    private LexicalTemplateMatcher _lexical = null!;
    private MiniLmEmbeddingGenerator _generator = null!;
    private SemanticTemplateMatcher _semantic = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var corpora = Path.GetFullPath(Path.Combine(MatchingEvaluation.FindRoot(), "..", "shared", "corpora"));
        var suite = IntentSuites.Banking77(corpora);
        var templates = suite.Templates.Take(10).ToList();
        _requests = [.. suite.Test.Take(Questions).Select(q => new TemplateMatchRequest { Text = q.Text, Language = "en", Templates = templates })];
        _lexical = new LexicalTemplateMatcher(new LexicalTemplateMatcherOptions { MaxCandidates = 10 });
        _generator = new MiniLmEmbeddingGenerator();
        _semantic = new SemanticTemplateMatcher(_lexical, _generator);
        foreach (var request in _requests)
        {
            _semantic.MatchAsync(request).AsTask().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _generator.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Questions)]
    public int Lexical()
    {
        var found = 0;
        foreach (var request in _requests)
        {
            found += _lexical.Match(request).Candidates.Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Questions)]
    public async Task<int> Semantic()
    {
        var found = 0;
        foreach (var request in _requests)
        {
            found += (await _semantic.MatchAsync(request)).Candidates.Count;
        }

        return found;
    }
}
