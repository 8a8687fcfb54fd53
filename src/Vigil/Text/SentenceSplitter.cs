namespace Vigil.Text;

/// <summary>A sentence: half-open [Start, End) into the text, trimmed of surrounding white space.</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into sentences for Latin, Cyrillic and Hangul scripts. A sentence ends at a line
/// break that closes a paragraph or a headline, or at '.', '!', '?', '…' (and the CJK full stop)
/// followed by space or a closing quote and then an upper-case letter, a digit, a quote or a
/// non-cased script. Abbreviations ("Dr.", "gen.", "U.S.", "т.е.") and initials ("J. Kirby")
/// do not end a sentence. Machine-translated text often lacks the space ("…Pyongyang.Il"), so
/// a full stop directly followed by an upper-case word also ends one when the left word is long.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp",
        "no", "nos", "art", "fig", "vol", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "sig", "sigg", "dott", "ing", "avv", "on", "sen", "gov", "rep", "amb", "pres", "min", "cfr", "ecc", "ca",
        "m", "mme", "mlle", "sr", "sra", "srta", "dña", "hr", "fr", "nr", "bzw", "usw", "z", "b",
        "г", "гг", "т", "е", "д", "др", "им", "ул", "тыс", "млн", "млрд", "руб", "см", "с", "н", "э",
    };

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        var result = new List<SentenceSpan>();
        var start = 0;
        var n = text.Length;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A blank line, or a line that ends without sentence punctuation (a headline), closes a sentence.
                var j = i + 1;
                while (j < n && text[j] is ' ' or '\t' or '\r' or '\u00A0') j++;
                var blank = j < n && text[j] == '\n';
                if (blank || LineLooksClosed(text, start, i) || EndsWithoutPunctuation(text, start, i))
                {
                    Add(text, result, start, i);
                    start = i + 1;
                }
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…' or '。' or '！' or '？')) continue;
            var k = i + 1;
            while (k < n && text[k] is '.' or '!' or '?' or '…') k++;
            var end = k;
            while (end < n && IsClosingQuote(text[end])) end++;
            var s = end;
            while (s < n && text[s] is ' ' or '\t' or '\u00A0') s++;
            if (s >= n) continue;
            var next = text[s];
            var spaced = s > end;
            if (c == '.' && k == i + 1 && IsAbbreviation(text, start, i)) continue;
            if (c == '.' && k == i + 1 && s < n && char.IsDigit(next) && !spaced) continue; // 11.000
            bool boundary;
            if (next == '\n') boundary = true;
            else if (char.IsUpper(next) || char.IsDigit(next) || IsOpeningQuote(next) || IsUncasedLetter(next)) boundary = spaced || LeftWordLength(text, i) >= 4;
            else boundary = false;
            if (!boundary) continue;
            Add(text, result, start, end);
            start = end;
            i = end - 1;
        }
        Add(text, result, start, n);
        return result;
    }

    private static bool LineLooksClosed(string text, int start, int i)
    {
        var j = i - 1;
        while (j >= start && char.IsWhiteSpace(text[j])) j--;
        return j >= start && (text[j] is '.' or '!' or '?' or '…' or ':' or '。' || IsClosingQuote(text[j]));
    }

    private static bool EndsWithoutPunctuation(string text, int start, int i)
    {
        var j = i - 1;
        while (j >= start && char.IsWhiteSpace(text[j])) j--;
        return j >= start && (char.IsLetterOrDigit(text[j]) || text[j] == ')');
    }

    private static int LeftWordLength(string text, int i)
    {
        var end = i - 1;
        while (end >= 0 && IsClosingQuote(text[end])) end--;
        var j = end;
        while (j >= 0 && char.IsLetter(text[j])) j--;
        return end - j;
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var j = dot - 1;
        while (j >= start && char.IsLetter(text[j])) j--;
        var len = dot - 1 - j;
        if (len == 0) return false;
        // An initial: one upper-case letter ("J. Kirby"), or dotted letters ("U.S.").
        if (len == 1 && char.IsUpper(text[dot - 1])) return true;
        if (j >= start && text[j] == '.' && len <= 2) return true;
        return Abbreviations.Contains(text.Substring(j + 1, len));
    }

    private static bool IsClosingQuote(char c) => c is '"' or '”' or '’' or '»' or '\'' or ')' or '“';
    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '«' or '„' or '‘' or '(' or '\'';
    private static bool IsUncasedLetter(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    private static void Add(string text, List<SentenceSpan> result, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new SentenceSpan(start, end));
    }
}
