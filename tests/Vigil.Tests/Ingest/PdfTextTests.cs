using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public class PdfTextTests
{
    [Fact]
    public void A_pdf_with_a_text_layer_is_ingested()
    {
        using var tmp = new TempFolder();
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("The vessel Sky Ocean unloaded coal at Nakhodka in March 2024.", 12, new PdfPoint(25, 700), font);
        page.AddText("Satellite imagery shows the transfer took two days.", 12, new PdfPoint(25, 680), font);
        var path = tmp.File("report.pdf", builder.Build());

        var doc = Assert.Single(new Ingestor().Ingest([path]).Documents);

        Assert.Contains("The vessel Sky Ocean unloaded coal at Nakhodka in March 2024.", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Satellite imagery", doc.Text, StringComparison.Ordinal);
        Assert.Equal("en", doc.Lang);
    }

    [Fact]
    public void An_encrypted_pdf_gets_a_clear_message()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("locked.pdf", EncryptedPdf());

        var batch = new Ingestor().Ingest([path]);

        Assert.Empty(batch.Documents);
        var problem = Assert.Single(batch.Problems);
        Assert.Equal(path, problem.Input);
        Assert.Contains("encrypted", problem.Message, StringComparison.Ordinal);
        Assert.Contains("decrypt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_without_text_says_so()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var result = PdfText.Extract(builder.Build());

        Assert.Null(result.Text);
        Assert.Contains("no extractable text", result.Problem, StringComparison.Ordinal);
    }

    /// <summary>A one-page PDF under the standard security handler whose user password is not empty.</summary>
    private static byte[] EncryptedPdf()
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Obj(string body)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        var key = string.Concat(Enumerable.Repeat("41", 32));
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>");
        Obj("<< /Length 8 >>\nstream\nxxxxxxxx\nendstream");
        Obj($"<< /Filter /Standard /V 1 /R 2 /O <{key}> /U <{key}> /P -44 >>");
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<{key}> <{key}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
