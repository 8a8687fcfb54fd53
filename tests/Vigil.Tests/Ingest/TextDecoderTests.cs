using System.Text;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public class TextDecoderTests
{
    // The tests encode their input with legacy code pages before the decoder (which registers them) may have been used.
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве во время визита Путина в Пхеньян.";
    private const string Italian = "La città è più grande di quanto si pensasse: è così, perché l’accordo è già firmato.";

    [Fact]
    public void Windows_1251_without_any_declaration_is_detected()
    {
        var decoded = TextDecoder.Decode(TextDecoder.Windows1251.GetBytes(Russian));

        Assert.Equal(Russian, decoded.Text);
        Assert.Equal(1251, decoded.Encoding.CodePage);
    }

    [Fact]
    public void Windows_1252_without_any_declaration_is_detected()
    {
        var decoded = TextDecoder.Decode(TextDecoder.Windows1252.GetBytes(Italian));

        Assert.Equal(Italian, decoded.Text);
    }

    [Fact]
    public void The_html_meta_charset_is_followed()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>{Russian}</p></body></html>";

        var decoded = TextDecoder.Decode(TextDecoder.Windows1251.GetBytes(html));

        Assert.Contains(Russian, decoded.Text, StringComparison.Ordinal);
        Assert.Equal("declared in the HTML", decoded.Reason);
    }

    [Fact]
    public void The_server_header_wins_over_the_meta_tag_and_a_bom_over_both()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes($"<meta charset=\"utf-8\"><p>{Russian}</p>");
        Assert.Contains(Russian, TextDecoder.Decode(bytes, "text/html; charset=KOI8-R").Text, StringComparison.Ordinal);

        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Italian)).ToArray();
        Assert.Equal(Italian, TextDecoder.Decode(withBom, "text/plain; charset=windows-1252").Text);
    }

    [Fact]
    public void A_false_utf8_declaration_falls_back_to_detection()
    {
        var decoded = TextDecoder.Decode(TextDecoder.Windows1252.GetBytes($"<meta charset=\"utf-8\"><p>{Italian}</p>"));

        Assert.Contains(Italian, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_labels_read_as_windows_1252_like_browsers()
    {
        Assert.Equal(1252, TextDecoder.Resolve("ISO-8859-1")!.CodePage);
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(1252)]
    [InlineData(65001)]
    public void A_pooled_decode_gives_the_same_text(int codePage)
    {
        var encoding = codePage == 65001 ? Encoding.UTF8 : System.Text.Encoding.GetEncoding(codePage);
        var bytes = encoding.GetBytes($"<html><head><meta charset=\"{encoding.WebName}\"></head><body>{(codePage == 1251 ? Russian : Italian)}</body></html>");

        var rented = TextDecoder.DecodeRented(bytes);
        try
        {
            Assert.Equal(TextDecoder.Decode(bytes).Text, new string(rented.Span));
        }
        finally
        {
            rented.Return();
        }
    }
}
