using System.Xml;
using System.Xml.Linq;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// Streams the record elements of a list XML file one at a time (the files are large), turning each
/// into a <see cref="ListEntry"/>. A record that cannot be read is skipped with its line number;
/// malformed XML stops the file with the line and position, keeping the records read before it.
/// </summary>
internal static class XmlRecords
{
    public static ParsedList Parse(ListFile file, string list, Func<string, bool> isRecord, Func<XElement, ListEntry?> toEntry,
        Func<XmlReader, FuzzyDate?>? publishedFromRoot = null, Func<XElement, FuzzyDate?>? publishedFromElement = null)
    {
        var entries = new List<ListEntry>();
        var problems = new List<ListProblem>();
        FuzzyDate? published = null;
        try
        {
            using var reader = XmlReader.Create(file.Path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
            var lineInfo = (IXmlLineInfo)reader;
            reader.MoveToContent();
            published = publishedFromRoot?.Invoke(reader);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                var name = reader.LocalName;
                var line = lineInfo.LineNumber;
                if (isRecord(name))
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    try
                    {
                        if (toEntry(element) is { } entry) entries.Add(entry);
                    }
                    catch (Exception e) when (e is FormatException or InvalidDataException or OverflowException)
                    {
                        problems.Add(new ListProblem(file.Path, $"line {line}, <{name}>: {e.Message}; record skipped"));
                    }
                }
                else if (publishedFromElement is not null && published is null && reader.Depth == 1)
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    published = publishedFromElement(element);
                }
                else reader.Read();
            }
        }
        catch (XmlException e)
        {
            problems.Add(new ListProblem(file.Path, $"line {e.LineNumber}, position {e.LinePosition}: malformed XML ({e.Message}); {entries.Count} records read before it were kept. Re-download the file (vigil lists update)."));
        }
        return new ParsedList(list, file.Path, entries, published, problems);
    }

    /// <summary>The trimmed text of the first descendant with this local name, or null.</summary>
    public static string? Text(XElement e, string localName)
    {
        var value = e.Descendants().FirstOrDefault(d => d.Name.LocalName == localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The trimmed text of a direct child with this local name, or null.</summary>
    public static string? Child(XElement e, string localName)
    {
        var value = e.Elements().FirstOrDefault(d => d.Name.LocalName == localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static IEnumerable<XElement> All(XElement e, string localName) => e.Descendants().Where(d => d.Name.LocalName == localName);

    public static string? Attr(XElement e, string name)
    {
        var value = e.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Dates as lists write them: 1984, 1984-01-08, 08/01/1984 (day first), 08 Jan 1984, 01/08/1984 when <paramref name="monthFirst"/>.</summary>
    public static FuzzyDate? Date(string? text, bool monthFirst = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.StartsWith("circa ", StringComparison.OrdinalIgnoreCase)) t = t[6..];
        if (FuzzyDate.TryParse(t, out var iso) && t.Length is 4 or 7 or >= 10 && t[..4].All(char.IsAsciiDigit)) return iso;
        var formats = monthFirst ? new[] { "MM/dd/yyyy", "M/d/yyyy" } : new[] { "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy" };
        if (DateTime.TryParseExact(t, [.. formats, "dd MMM yyyy", "d MMM yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var dt))
            return FuzzyDate.Day(new NodaTime.LocalDate(dt.Year, dt.Month, dt.Day));
        if (DateTime.TryParseExact(t, ["MMM yyyy", "MM/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out dt))
            return FuzzyDate.Month(dt.Year, dt.Month);
        // "00/00/1965" and similar: only the year is known.
        var year = t.Length >= 4 && t[^4..].All(char.IsAsciiDigit) ? int.Parse(t[^4..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return year is > 1800 and < 2200 ? FuzzyDate.Year(year) : null;
    }
}
