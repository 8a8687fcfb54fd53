using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Ingest;

/// <summary>
/// Produces the cleaned text every offset in Vigil refers to: whitespace normalised, lines that
/// repeat an earlier line of the same document dropped (scrapers often copy the headline several
/// times), and page chrome dropped (navigation links, "follow us" calls, separator lines).
/// Paragraphs stay one per line; a blank line in the source stays one blank line.
/// </summary>
public static partial class TextCleaner
{
    public static string Clean(string raw)
    {
        var output = new StringBuilder(raw.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pendingBlank = false;
        foreach (var rawLine in raw.Split('\n'))
        {
            var line = NormaliseWhitespace(rawLine);
            if (line.Length == 0)
            {
                pendingBlank = output.Length > 0;
                continue;
            }
            if (IsChrome(line)) continue;
            if (IsRepeatable(line) && !seen.Add(DedupKey(line))) continue;
            if (output.Length > 0) output.Append(pendingBlank ? "\n\n" : "\n");
            pendingBlank = false;
            output.Append(line);
        }
        return output.ToString();
    }

    /// <summary>True when the line is page furniture rather than reporting.</summary>
    public static bool IsChrome(string line)
    {
        if (!line.Any(char.IsLetterOrDigit)) return true;
        if (line.Length <= 200 && NavigationLink().IsMatch(line)) return true;
        if (line.Length <= 100 && CallToAction().IsMatch(line)) return true;
        if (line.Length <= 300 && ReadAlso().IsMatch(line)) return true;
        return line.Length <= 40 && Widgets.Contains(line.TrimEnd(':', '.', '!').ToLowerInvariant());
    }

    /// <summary>Trims, turns every kind of space into a plain one, collapses runs, drops invisible characters.</summary>
    public static string NormaliseWhitespace(string line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD') continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Short lines (a number in a table, "Yes", a one-word heading) legitimately repeat; only
    // sentence-length lines repeated are copies.
    private static bool IsRepeatable(string line) => line.Length >= 20 && line.Contains(' ');

    // Lines repeated with different spacing or case are still the same line.
    private static string DedupKey(string line) => line.ToLowerInvariant();

    // Link lines to the previous/next article: "PREV ...", "NEXT ...", "Previous article: ...".
    // Capitalised "Next week ..." is a sentence; the all-caps form or the word "article"/"post" is a link.
    [GeneratedRegex(@"^(?:(?-i:PREV|PREVIOUS|NEXT)\b|(?:previous|next|older|newer)\s+(?:article|post|story)\b|articolo\s+(?:precedente|successivo)\b|article\s+(?:précédent|suivant)\b|(?:artículo|noticia)\s+(?:anterior|siguiente)\b|(?:vorheriger|nächster)\s+artikel\b|(?:предыдущая|следующая)\s+(?:статья|новость)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NavigationLink();

    // Calls to follow, share or subscribe, in the languages Vigil reads.
    [GeneratedRegex(@"\b(?:follow\s+us|like\s+us\s+on|share\s+(?:this|on)|subscribe\s+(?:to|now)|sign\s+up\s+for|click\s+here|for\s+latest\s+updates|seguici|iscriviti|clicca\s+qui|condividi\s+(?:su|questo)|suivez[- ]nous|abonnez[- ]vous|partager\s+sur|síguenos|suscríbete|compartir\s+en|folgen\s+sie\s+uns|abonnieren\s+sie|teilen\s+sie|подписывайтесь|подпишитесь|поделиться|구독|팔로우)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();

    // "Read also - <headline of another article>".
    [GeneratedRegex(@"^(?:read\s+(?:also|more|next)|see\s+also|related(?:\s+(?:articles?|stories|news))?|more\s+on\s+this|leggi\s+anche|leggi\s+(?:di\s+)?più|potrebbe\s+interessarti|lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|lee\s+también|ver\s+también|te\s+puede\s+interesar|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant|читайте\s+также|смотрите\s+также|по\s+теме|관련\s*기사)\s*[:\-–—|]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadAlso();

    // Share-bar and advertising labels that appear as lines of their own.
    private static readonly HashSet<string> Widgets = new(StringComparer.Ordinal)
    {
        "share", "tweet", "print", "email", "e-mail", "comments", "comment", "advertisement", "advertising", "sponsored",
        "pubblicità", "condividi", "stampa", "commenti", "publicité", "partager", "imprimer", "publicidad", "compartir",
        "imprimir", "anzeige", "werbung", "teilen", "drucken", "реклама", "поделиться", "광고", "공유", "whatsapp", "facebook",
        "twitter", "linkedin", "telegram", "copy link", "copia link", "read more", "leggi di più", "continua a leggere",
    };
}
