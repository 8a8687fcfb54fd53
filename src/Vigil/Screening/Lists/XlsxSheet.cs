using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Vigil.Screening.Lists;

/// <summary>
/// Reads the first worksheet of an XLSX workbook as rows of cell text, streaming the sheet's XML.
/// Shared strings are resolved, numbers written in invariant culture, and numbers whose cell
/// style is a date format given as yyyy-MM-dd. Only what list files need: no formulas evaluated
/// (their cached values are read), no merged cells, no other sheets.
/// </summary>
internal static class XlsxSheet
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true };

    /// <summary>The first sheet's rows with their 1-based row numbers; empty rows are skipped.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable workbook.</exception>
    public static IEnumerable<(int Row, string?[] Cells)> ReadFirstSheet(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var (sheetPath, date1904) = FirstSheet(zip);
        var strings = SharedStrings(zip);
        var dateStyles = DateStyles(zip);
        var sheet = zip.GetEntry(sheetPath) ?? throw new InvalidDataException($"the workbook names {sheetPath} as its first sheet, but it is missing");
        using var stream = sheet.Open();
        using var reader = XmlReader.Create(stream, Settings);
        var cells = new List<string?>();
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            cells.Clear();
            if (reader.IsEmptyElement) continue;
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
                var column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                var type = reader.GetAttribute("t");
                var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                var value = CellValue(reader, type, style, strings, dateStyles, date1904);
                while (cells.Count <= column) cells.Add(null);
                cells[column] = value;
            }
            if (cells.Any(c => c is not null)) yield return (rowNumber, cells.ToArray());
        }
    }

    private static string? CellValue(XmlReader reader, string? type, int style, List<string> strings, HashSet<int> dateStyles, bool date1904)
    {
        if (reader.IsEmptyElement) return null;
        var depth = reader.Depth;
        string? raw = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (reader.LocalName == "v") raw = reader.ReadElementContentAsString();
            else if (reader.LocalName == "is") raw = ReadStringItem(reader);
            else reader.Skip();
        }
        if (raw is null) return null;
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index]
                    : throw new InvalidDataException($"a cell refers to shared string {raw}, which the workbook does not have");
            case "inlineStr" or "str" or "e":
                return raw;
            case "b":
                return raw == "1" ? "True" : "False";
            default:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
                if (dateStyles.Contains(style) && number is > -657435 and < 2958466)
                {
                    var date = DateTime.FromOADate(number + (date1904 ? 1462 : 0));
                    return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                return number.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt;, or its rich-text runs' &lt;t&gt;s joined; phonetic runs left out.</summary>
    private static string ReadStringItem(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh") { reader.Skip(); continue; }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t") { text.Append(reader.ReadElementContentAsString()); continue; }
            reader.Read();
        }
        reader.Read();
        return DecodeEscapes(text.ToString());
    }

    /// <summary>Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return).</summary>
    private static string DecodeEscapes(string s)
    {
        if (!s.Contains("_x", StringComparison.Ordinal)) return s;
        var result = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '_' && i + 6 < s.Length && s[i + 1] == 'x' && s[i + 6] == '_'
                && int.TryParse(s.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else result.Append(s[i]);
        }
        return result.ToString();
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null) return strings;
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") strings.Add(ReadStringItem(reader));
            else reader.Read();
        }
        return strings;
    }

    /// <summary>Indexes of the cell styles (cellXfs) whose number format shows a date or time.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var result = new HashSet<int>();
        var entry = zip.GetEntry("xl/styles.xml");
        if (entry is null) return result;
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings);
        var custom = new Dictionary<int, string>();
        var inCellXfs = false;
        var index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                    custom[id] = reader.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (custom.TryGetValue(format, out var code) ? IsDateFormat(code) : format is >= 14 and <= 22 or >= 45 and <= 47) result.Add(index);
                    index++;
                    break;
            }
        }
        return result;
    }

    /// <summary>True when a number format code shows date or time parts (d, m, y, h, s outside quotes, brackets and escapes).</summary>
    internal static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        var quoted = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c == '\\' || c == '_' || c == '*') { i++; continue; }
            if (c == '[')
            {
                var end = section.IndexOf(']', i);
                if (end < 0) break;
                i = end;
                continue;
            }
            if (char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's') return true;
        }
        return false;
    }

    private static (string SheetPath, bool Date1904) FirstSheet(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("no xl/workbook.xml: this is not an XLSX workbook");
        string? relationId = null;
        var date1904 = false;
        using (var stream = workbook.Open())
        using (var reader = XmlReader.Create(stream, Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "workbookPr") date1904 = reader.GetAttribute("date1904") is "1" or "true";
                if (reader.LocalName == "sheet" && reader.NamespaceURI == MainNs) { relationId = reader.GetAttribute("id", RelNs); break; }
            }
        }
        if (relationId is null) throw new InvalidDataException("the workbook lists no sheets");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels") ?? throw new InvalidDataException("no xl/_rels/workbook.xml.rels: the workbook's sheets cannot be found");
        using (var stream = rels.Open())
        using (var reader = XmlReader.Create(stream, Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.GetAttribute("Id") != relationId) continue;
                var target = reader.GetAttribute("Target") ?? "";
                return (target.StartsWith('/') ? target[1..] : "xl/" + target, date1904);
            }
        }
        throw new InvalidDataException($"the workbook's first sheet ({relationId}) has no relationship entry");
    }

    /// <summary>0-based column of a cell reference such as "AB12", or null.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++) column = column * 26 + (reference[i] - 'A' + 1);
        return i == 0 ? null : column - 1;
    }
}
