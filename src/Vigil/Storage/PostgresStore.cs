using Vigil.Model;

namespace Vigil.Storage;

/// <summary>PostgreSQL backend of <see cref="IStore"/> (completed when the shared schema lands).</summary>
public sealed class PostgresStore(string connectionString) : IStore
{
    public void Migrate() => throw new NotSupportedException(connectionString.Length > 0 ? "PostgreSQL store pending" : "");
    public bool AddDocument(Document document) => throw new NotSupportedException();
    public Document? GetDocument(string id) => throw new NotSupportedException();
    public IReadOnlyList<Document> GetDocuments() => throw new NotSupportedException();
    public void SaveAnalysis(AnalysisResult analysis) => throw new NotSupportedException();
    public AnalysisResult LoadAnalysis() => throw new NotSupportedException();
    public StoreCounts Count() => throw new NotSupportedException();
    public void Dispose() { }
}
