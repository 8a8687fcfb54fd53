using Vigil.Analysis;
using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Pipeline;

/// <summary>
/// Runs the stages after ingest over a set of documents, one way down the chain:
/// extraction per document, entity resolution across documents, then screening.
/// Later analysis (stories, corroboration, provisions) plugs in as <see cref="IAnalysisStep"/>s.
/// </summary>
public sealed class AnalysisPipeline(
    IExtractor extractor,
    IEntityResolver resolver,
    EntityScreening? screening,
    IReadOnlyList<IAnalysisStep>? steps = null)
{
    public AnalysisResult Analyze(IReadOnlyList<Document> documents, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var extractions = new ExtractionResult[documents.Count];
        var done = 0;
        // Documents are independent: extract them in parallel, keep the input order.
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            extractions[i] = extractor.Extract(documents[i]);
            progress?.Report(Interlocked.Increment(ref done));
        });

        cancellationToken.ThrowIfCancellationRequested();
        var entities = resolver.Resolve(documents, extractions);
        if (screening is not null) entities = screening.Attach(entities);
        var result = new AnalysisResult(documents, entities, extractions.SelectMany(x => x.Claims).ToList(), []);
        foreach (var step in steps ?? []) result = step.Apply(result, extractions);
        return result;
    }
}
