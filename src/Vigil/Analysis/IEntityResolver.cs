using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Groups mentions from all documents into entities (one per real-world thing), with stable ids
/// and every alias kept. Sanctions are attached later, by screening.
/// </summary>
public interface IEntityResolver
{
    IReadOnlyList<Entity> Resolve(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions);
}
