using Vigil.Model;

namespace Vigil.Tests.Reporting;

internal static class ReportSamples
{
    public const string Hostile = "<script>alert(1)</script> Putin met <img src=x onerror=alert(2)> Kim in [Pyongyang](javascript:alert(3)).";

    public static AnalysisResult Analysis()
    {
        var doc = TestData.Doc(Hostile, "hostile.html");
        var start = Hostile.IndexOf("Putin", StringComparison.Ordinal);
        var putin = new Mention(new Span(doc.Id, start, start + 5), "Putin", EntitySchema.Person, "Vladimir Putin");
        var hit = new SanctionHit("US-OFAC", "35096", "PUTIN, Vladimir Vladimirovich", 0.95, true, ["RUSSIA-EO14024"], "surname and given name agree", []);
        var entity = new Entity("per-putin", EntitySchema.Person, "Vladimir Putin", ["Putin"], [putin], [hit]);
        return new AnalysisResult([doc], [entity], [], []);
    }
}
