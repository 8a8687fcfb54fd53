using NodaTime;
using NodaTime.Text;

namespace Vigil.Model;

public enum DatePrecision { Year, Month, Day }

/// <summary>
/// A calendar date known only to some precision. "June 2024" is (2024-06-01, Month), never a
/// guessed day. <see cref="IsRelative"/> records that it was resolved from an expression such as
/// "mercoledì" against an anchor (usually the publication date).
/// </summary>
public readonly record struct FuzzyDate(LocalDate Value, DatePrecision Precision, bool IsRelative = false)
{
    public static FuzzyDate Year(int year) => new(new LocalDate(year, 1, 1), DatePrecision.Year);
    public static FuzzyDate Month(int year, int month) => new(new LocalDate(year, month, 1), DatePrecision.Month);
    public static FuzzyDate Day(LocalDate date, bool relative = false) => new(date, DatePrecision.Day, relative);

    /// <summary>ISO form truncated to the precision: 2024, 2024-06, 2024-06-19.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Value.Year.ToString("D4"),
        DatePrecision.Month => $"{Value.Year:D4}-{Value.Month:D2}",
        _ => LocalDatePattern.Iso.Format(Value),
    };

    public static bool TryParse(string? text, out FuzzyDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, out var y) && y is > 0 and < 10000) { date = Year(y); return true; }
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], out y) && int.TryParse(t[5..], out var m) && m is >= 1 and <= 12)
        { date = Month(y, m); return true; }
        var parsed = LocalDatePattern.Iso.Parse(t.Length >= 10 ? t[..10] : t);
        if (!parsed.Success) return false;
        date = Day(parsed.Value);
        return true;
    }

    /// <summary>True when both dates can denote the same day at the coarser of the two precisions.</summary>
    public bool IsCompatibleWith(FuzzyDate other)
    {
        var p = (DatePrecision)Math.Min((int)Precision, (int)other.Precision);
        return p switch
        {
            DatePrecision.Year => Value.Year == other.Value.Year,
            DatePrecision.Month => Value.Year == other.Value.Year && Value.Month == other.Value.Month,
            _ => Value == other.Value,
        };
    }
}
