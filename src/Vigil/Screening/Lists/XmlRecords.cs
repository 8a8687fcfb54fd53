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
        var t = text.AsSpan().Trim();
        if (t.StartsWith("circa ", StringComparison.OrdinalIgnoreCase)) t = t[6..];
        // Hand-written rather than DateTime.TryParseExact, which reads the clock and time zone on every call.
        if (t.Length is 4 or 7 or >= 10 && IsDigits(t[..4]) && IsoDate(t) is { } iso) return iso;
        Span<Range> parts = stackalloc Range[4];
        foreach (var separator in "/. ")
        {
            var count = t.Split(parts, separator);
            if (count == 3 && IsDigits(t[parts[2]]) && t[parts[2]].Length == 4)
            {
                var year = Number(t[parts[2]]);
                int day, month;
                var a = t[parts[0]];
                var b = t[parts[1]];
                if (separator == ' ')
                {
                    // dd MMM yyyy, d MMM yyyy
                    if (a.Length is < 1 or > 2 || !IsDigits(a) || MonthNumber(b) is not { } m) continue;
                    (day, month) = (Number(a), m);
                }
                else if (separator == '.')
                {
                    // dd.MM.yyyy, day first only
                    if (monthFirst || a.Length != 2 || b.Length != 2 || !IsDigits(a) || !IsDigits(b)) continue;
                    (day, month) = (Number(a), Number(b));
                }
                else
                {
                    // d/M/yyyy (or M/d/yyyy), one or two digits each
                    if (a.Length is < 1 or > 2 || b.Length is < 1 or > 2 || !IsDigits(a) || !IsDigits(b)) continue;
                    (day, month) = monthFirst ? (Number(b), Number(a)) : (Number(a), Number(b));
                }
                if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                    return FuzzyDate.Day(new NodaTime.LocalDate(year, month, day));
            }
            else if (count == 2 && separator is ' ' or '/' && t[parts[1]].Length == 4 && IsDigits(t[parts[1]]))
            {
                // MMM yyyy, MM/yyyy
                var a = t[parts[0]];
                int? month = separator == ' ' ? MonthNumber(a) : a.Length == 2 && IsDigits(a) ? Number(a) : null;
                var year = Number(t[parts[1]]);
                if (month is >= 1 and <= 12 && year >= 1) return FuzzyDate.Month(year, month.Value);
            }
        }
        // "00/00/1965" and similar: only the year is known.
        var y = t.Length >= 4 && IsDigits(t[^4..]) ? Number(t[^4..]) : 0;
        return y is > 1800 and < 2200 ? FuzzyDate.Year(y) : null;
    }

    /// <summary>1984, 1984-01 or 1984-01-08 (anything after the tenth character ignored), as <see cref="FuzzyDate.TryParse"/> reads them.</summary>
    private static FuzzyDate? IsoDate(ReadOnlySpan<char> t)
    {
        if (t.Length >= 10)
        {
            if (t[4] != '-' || t[7] != '-' || !IsDigits(t[5..7]) || !IsDigits(t[8..10])) return null;
            int year = Number(t[..4]), month = Number(t[5..7]), day = Number(t[8..10]);
            return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? FuzzyDate.Day(new NodaTime.LocalDate(year, month, day)) : null;
        }
        return FuzzyDate.TryParse(t.ToString(), out var date) ? date : null;
    }

    private static readonly string[] MonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>1-12 for an English month abbreviation (Jan, feb, DEC), else null.</summary>
    public static int? MonthNumber(ReadOnlySpan<char> abbreviation)
    {
        if (abbreviation.Length != 3) return null;
        for (var i = 0; i < MonthAbbreviations.Length; i++)
            if (abbreviation.Equals(MonthAbbreviations[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        return null;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
