using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>A later analysis step (stories, corroboration, provisions...) that refines the result.</summary>
public interface IAnalysisStep
{
    AnalysisResult Apply(AnalysisResult result, IReadOnlyList<ExtractionResult> extractions);
}
