using Vigil.Model;

namespace Vigil.Storage;

/// <summary>How many documents a store took as new, and how many it already had.</summary>
public readonly record struct AddedDocuments(int Added, int AlreadyStored);

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

    /// <summary>
    /// Adds each document (a no-op for one already stored) and counts which were new. Stores
    /// write the batch in one transaction: it is stored whole or, after a crash, not at all.
    /// </summary>
    AddedDocuments AddDocuments(IEnumerable<Document> documents)
    {
        int added = 0, known = 0;
        foreach (var d in documents)
        {
            if (AddDocument(d)) added++;
            else known++;
        }
        return new AddedDocuments(added, known);
    }

    Document? GetDocument(string id);

    IReadOnlyList<Document> GetDocuments();

    /// <summary>Replaces every derived row with this analysis, atomically.</summary>
    void SaveAnalysis(AnalysisResult analysis);

    /// <summary>The stored documents with the last saved analysis.</summary>
    AnalysisResult LoadAnalysis();

    StoreCounts Count();
}
