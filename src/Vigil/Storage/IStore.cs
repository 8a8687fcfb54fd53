using Vigil.Model;

namespace Vigil.Storage;

/// <summary>Row counts, for status displays and for tests that check nothing was added twice.</summary>
public sealed record StoreCounts(int Documents, int Entities, int Mentions, int Hits, int Claims, int Stories);

/// <summary>
/// Vigil's persistence seam: SQLite embedded, PostgreSQL for servers. Documents are keyed by
/// content hash, so adding one twice is a no-op; derived rows (entities, mentions, hits, claims,
/// stories) are replaced as a whole by each analysis, in one transaction.
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>Brings the schema to the latest version; safe to call on every start.</summary>
    void Migrate();

    /// <summary>Stores the document unless one with the same content hash exists. True when it was new.</summary>
    bool AddDocument(Document document);

    Document? GetDocument(string id);

    IReadOnlyList<Document> GetDocuments();

    /// <summary>Replaces every derived row with this analysis, atomically.</summary>
    void SaveAnalysis(AnalysisResult analysis);

    /// <summary>The stored documents with the last saved analysis.</summary>
    AnalysisResult LoadAnalysis();

    StoreCounts Count();
}
