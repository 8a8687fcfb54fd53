using Vigil.Ingest;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>How many of a batch's documents were new, and how many the store already had.</summary>
public sealed record StoreOutcome(int Added, int AlreadyStored, IReadOnlyList<IngestProblem> Problems);

/// <summary>
/// `vigil analyze` as a library call: store what was ingested (a document already stored is a
/// no-op), analyse every stored document, and replace the stored analysis in one transaction.
/// Near-copies stored by separate ingest runs are linked to their originals here, and the links
/// are saved with the analysis. A failure part-way leaves the previous analysis in place.
/// </summary>
public sealed class AnalyzeWorkflow(IStore store, AnalysisPipeline pipeline)
{
    public StoreOutcome Store(IngestBatch batch)
    {
        var (added, known) = store.AddDocuments(batch.Documents);
        return new StoreOutcome(added, known, batch.Problems);
    }

    /// <remarks>Cancelling stops before anything is saved: the previous analysis stays in place.</remarks>
    public AnalysisResult AnalyzeStored(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var documents = NearDuplicateIndex.LinkCopies(store.GetDocuments());
        var result = pipeline.Analyze(documents, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        store.SaveAnalysis(result);
        return result;
    }
}
