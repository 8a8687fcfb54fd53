using System.IO.Compression;
using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

public sealed class XlsxSheetTests
{
    /// <summary>A minimal workbook: shared strings (one rich text), an inline string, a plain number, a date-styled number, a gap row.</summary>
    internal static void WriteWorkbook(string path, string sheetRows, string? sharedStrings = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(xml);
        }
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Add("xl/workbook.xml", $"""<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Add("xl/styles.xml", $"""<?xml version="1.0"?><styleSheet xmlns="{main}"><numFmts count="1"><numFmt numFmtId="166" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs></styleSheet>""");
        Add("xl/sharedStrings.xml", $"""<?xml version="1.0"?><sst xmlns="{main}">{sharedStrings ?? "<si><t>Reference</t></si><si><r><t>Kim </t></r><r><t>Jong Un</t></r><rPh><t>x</t></rPh></si><si><t>line_x000D_break</t></si>"}</sst>""");
        Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{sheetRows}</sheetData></worksheet>""");
    }

    [Fact]
    public void Reads_shared_inline_numeric_and_date_cells_by_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteWorkbook(path,
                """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>""" +
                """<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4"><v>1959</v></c><c r="C4" s="1"><v>41988</v></c><c r="D4" s="2"><v>21692</v></c><c r="E4" t="s"><v>2</v></c></row>""");
            var rows = XlsxSheet.ReadFirstSheet(path).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(1, rows[0].Row);
            Assert.Equal(new string?[] { "Reference", null, "inline" }, rows[0].Cells.AsEnumerable());
            Assert.Equal(4, rows[1].Row);
            Assert.Equal(new string?[] { "Kim Jong Un", "1959", "2014-12-15", "1959-05-22", "line\rbreak" }, rows[1].Cells.AsEnumerable());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_cell_pointing_past_the_shared_strings_is_an_error_not_a_blank()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteWorkbook(path, """<row r="1"><c r="A1" t="s"><v>99</v></c></row>""");
            Assert.Throws<InvalidDataException>(() => XlsxSheet.ReadFirstSheet(path).ToList());
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("dd/mm/yyyy;@", true)]
    [InlineData("[$-C09]d\\ mmmm\\ yyyy;@", true)]
    [InlineData("General", false)]
    [InlineData("@", false)]
    [InlineData("0.00", false)]
    [InlineData("\"day\"0", false)]
    [InlineData("[Red]0", false)]
    public void Date_formats_are_told_from_number_formats(string code, bool isDate) => Assert.Equal(isDate, XlsxSheet.IsDateFormat(code));
}
