using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Vigil.Ingest;

/// <summary>The text layer of a PDF (PdfPig), or why there is none.</summary>
public static class PdfText
{
    public sealed record Result(string? Text, string? Title, string? Problem);

    public static Result Extract(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            var sb = new StringBuilder();
            var images = 0;
            foreach (var page in pdf.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page, true);
                if (!string.IsNullOrWhiteSpace(text)) sb.Append(text.Trim()).Append("\n\n");
                images += page.NumberOfImages;
            }
            var title = pdf.Information.Title;
            if (sb.ToString().Count(char.IsLetter) < 20)
            {
                return new(null, null, images > 0
                    ? $"is a PDF of {pdf.NumberOfPages} page(s) with images but no text layer (a scan). Run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`) and ingest the result."
                    : $"is a PDF of {pdf.NumberOfPages} page(s) with no extractable text. Export its text another way and ingest that.");
            }
            return new(sb.ToString(), string.IsNullOrWhiteSpace(title) ? null : title.Trim(), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return new(null, null, "is an encrypted (password-protected) PDF. Remove the protection (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`) and ingest the decrypted copy.");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or FormatException)
        {
            return new(null, null, $"is a damaged PDF that could not be read ({e.Message}). Re-save or re-download it and try again.");
        }
    }
}
