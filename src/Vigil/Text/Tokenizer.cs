using System.Globalization;

namespace Vigil.Text;

public enum TokenKind { Word, Number, Punctuation, Symbol }

/// <summary>
/// One token: half-open [Start, End) into the text it came from. Tokens never copy text, so
/// offsets stay exact whatever normalisation a later stage applies to <see cref="Tokenizer.Normalize"/>d keys.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
    public string TextOf(string text) => text.Substring(Start, End - Start);
    public ReadOnlySpan<char> SpanOf(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>
/// Splits Latin, Cyrillic and Hangul text into words, numbers and punctuation with exact offsets.
/// Words are runs of letters and combining marks; an apostrophe inside a word ends it after the
/// apostrophe ("dell’Ucraina" → "dell’", "Ucraina"; "Russia's" → "Russia", "'s") so that names
/// glued to an elided article are separate tokens. Numbers keep their grouping and decimal
/// separators ("11.000", "13,000", "3.5"). Hyphens are their own tokens: "Kim Jong-un" is
/// "Kim", "Jong", "-", "un", and name lookups treat the hyphen as a space.
/// </summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            if (IsWordChar(text, i))
            {
                var j = i + 1;
                while (j < end)
                {
                    if (IsWordChar(text, j)) { j++; continue; }
                    if (IsApostrophe(text[j]) && j + 1 < end && char.IsLetter(text[j + 1]))
                    {
                        // English possessive / contraction: the apostrophe starts the next token.
                        if (IsEnglishClitic(text, j + 1, end)) break;
                        j++; // elision: keep the apostrophe with the article, next word starts after it
                        break;
                    }
                    break;
                }
                tokens.Add(new Token(i, j, TokenKind.Word));
                i = j;
                continue;
            }
            if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    if (char.IsDigit(text[j])) { j++; continue; }
                    if (text[j] is '.' or ',' or '\u00A0' or '\u202F' && j + 1 < end && char.IsDigit(text[j + 1])) { j++; continue; }
                    break;
                }
                // Korean counters and units glue to digits ("27일", "1만"): the digits are one token, the suffix another.
                tokens.Add(new Token(i, j, TokenKind.Number));
                i = j;
                continue;
            }
            // A clitic ("'s") follows a word or number; after punctuation ("``Today") the apostrophe is a quote mark.
            if (IsApostrophe(c) && tokens.Count > 0 && tokens[^1].End == i && tokens[^1].Kind is TokenKind.Word or TokenKind.Number && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                var j = i + 1;
                while (j < end && IsWordChar(text, j)) j++;
                tokens.Add(new Token(i, j, TokenKind.Word));
                i = j;
                continue;
            }
            var len = char.IsSurrogatePair(text, i) && i + 1 < end ? 2 : 1;
            var cat = CharUnicodeInfo.GetUnicodeCategory(text, i);
            var kind = cat is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
                ? TokenKind.Symbol : TokenKind.Punctuation;
            tokens.Add(new Token(i, i + len, kind));
            i += len;
        }
        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetter(c)) return true;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length) return char.IsLetter(text, i);
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '`' or '\u00B4';

    private static bool IsEnglishClitic(string text, int i, int end)
    {
        var j = i;
        while (j < end && char.IsLetter(text[j])) j++;
        var len = j - i;
        if (len is 0 or > 2) return false;
        var s = text.AsSpan(i, len);
        return s.Equals("s", StringComparison.OrdinalIgnoreCase) || s.Equals("t", StringComparison.OrdinalIgnoreCase)
            || s.Equals("re", StringComparison.OrdinalIgnoreCase) || s.Equals("ve", StringComparison.OrdinalIgnoreCase)
            || s.Equals("ll", StringComparison.OrdinalIgnoreCase) || s.Equals("d", StringComparison.OrdinalIgnoreCase)
            || s.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The <see cref="Normalize"/>d key of every token, computed once per text and shared by the
    /// taggers that read it. A word that occurs again gets the same string: news text repeats its
    /// words, and each key is otherwise a new string.
    /// </summary>
    public static string[] Keys(string text, IReadOnlyList<Token> tokens)
    {
        var keys = new string[tokens.Count];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var surface = tokens[i].SpanOf(text);
            if (!lookup.TryGetValue(surface, out var key))
            {
                key = Normalize(surface);
                // Most words are their own key (lower-case ASCII): then one string serves as both.
                seen[surface.SequenceEqual(key) ? key : surface.ToString()] = key;
            }
            keys[i] = key;
        }
        return keys;
    }

    /// <summary>
    /// A lookup key for a word: case-folded, accents removed, typographic apostrophes unified.
    /// "Mosca" and "MOSCA" share a key; "Москва" keeps its letters (й, ё fold to и, е).
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        var plain = true;
        foreach (var c in word)
        {
            if (c >= 0x80) { plain = false; break; }
        }
        if (plain)
        {
            foreach (var c in word) buffer[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : c;
            return new string(buffer[..n]);
        }
        var decomposed = word.ToString().Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark && !IsHangulOrKeep(c)) continue;
            sb.Append(IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    private static bool IsHangulOrKeep(char c) => c is >= '\u1100' and <= '\u11FF';
}

/// <summary>Binary searches over tokens in text order (as <see cref="Tokenizer"/> returns them).</summary>
public static class TokenSearch
{
    /// <summary>The first token that ends after <paramref name="offset"/> (the token a span starting there begins with), or -1.</summary>
    public static int FirstEndingAfter(IReadOnlyList<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End > offset) { found = mid; hi = mid - 1; } else lo = mid + 1;
        }
        return found;
    }

    /// <summary>The token that starts exactly at <paramref name="offset"/>, or -1.</summary>
    public static int StartingAt(IReadOnlyList<Token> tokens, int offset)
    {
        var i = FirstEndingAfter(tokens, offset);
        return i >= 0 && tokens[i].Start == offset ? i : -1;
    }
}
