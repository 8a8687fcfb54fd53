namespace Vigil.Extraction;

/// <summary>
/// Month, weekday and relative-date words for the languages Vigil reads, keyed by the
/// accent-free lower-case form. Russian month names are listed in the forms news uses
/// (nominative, genitive, prepositional).
/// </summary>
internal static class TemporalLexicon
{
    public static readonly Dictionary<string, int> Months = Build(
        ("gennaio", 1), ("febbraio", 2), ("marzo", 3), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7), ("agosto", 8), ("settembre", 9), ("ottobre", 10), ("novembre", 11), ("dicembre", 12),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("janvier", 1), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("decembre", 12),
        ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
        ("januar", 1), ("februar", 2), ("marz", 3), ("april", 4), ("mai", 5), ("juni", 6), ("juli", 7), ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("dezember", 12),
        ("январь", 1), ("января", 1), ("январе", 1), ("февраль", 2), ("февраля", 2), ("феврале", 2), ("март", 3), ("марта", 3), ("марте", 3),
        ("апрель", 4), ("апреля", 4), ("апреле", 4), ("май", 5), ("мая", 5), ("мае", 5), ("июнь", 6), ("июня", 6), ("июне", 6),
        ("июль", 7), ("июля", 7), ("июле", 7), ("август", 8), ("августа", 8), ("августе", 8), ("сентябрь", 9), ("сентября", 9), ("сентябре", 9),
        ("октябрь", 10), ("октября", 10), ("октябре", 10), ("ноябрь", 11), ("ноября", 11), ("ноябре", 11), ("декабрь", 12), ("декабря", 12), ("декабре", 12));

    /// <summary>ISO weekday numbers (Monday = 1).</summary>
    public static readonly Dictionary<string, int> Weekdays = Build(
        ("lunedi", 1), ("martedi", 2), ("mercoledi", 3), ("giovedi", 4), ("venerdi", 5), ("sabato", 6), ("domenica", 7),
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("lundi", 1), ("mardi", 2), ("mercredi", 3), ("jeudi", 4), ("vendredi", 5), ("samedi", 6), ("dimanche", 7),
        ("lunes", 1), ("martes", 2), ("miercoles", 3), ("jueves", 4), ("viernes", 5), ("sabado", 6), ("domingo", 7),
        ("montag", 1), ("dienstag", 2), ("mittwoch", 3), ("donnerstag", 4), ("freitag", 5), ("samstag", 6), ("sonntag", 7),
        ("понедельник", 1), ("вторник", 2), ("среда", 3), ("среду", 3), ("четверг", 4), ("пятница", 5), ("пятницу", 5), ("суббота", 6), ("субботу", 6), ("воскресенье", 7),
        ("월요일", 1), ("화요일", 2), ("수요일", 3), ("목요일", 4), ("금요일", 5), ("토요일", 6), ("일요일", 7));

    /// <summary>Day offsets from the anchor: today, yesterday, tomorrow and their kin.</summary>
    public static readonly Dictionary<string, int> DayWords = Build(
        ("oggi", 0), ("ieri", -1), ("domani", 1), ("stamattina", 0), ("stasera", 0), ("stanotte", 0), ("avantieri", -2), ("dopodomani", 2),
        ("today", 0), ("yesterday", -1), ("tomorrow", 1), ("tonight", 0),
        ("aujourd'hui", 0), ("hier", -1), ("demain", 1), ("hoy", 0), ("ayer", -1), ("manana", 1), ("anteayer", -2),
        ("heute", 0), ("gestern", -1), ("morgen", 1), ("vorgestern", -2), ("ubermorgen", 2),
        ("сегодня", 0), ("вчера", -1), ("завтра", 1), ("позавчера", -2), ("послезавтра", 2),
        ("오늘", 0), ("어제", -1), ("내일", 1), ("그저께", -2), ("모레", 2));

    /// <summary>Modifiers: -1 last/previous, +1 next, 0 this.</summary>
    public static readonly Dictionary<string, int> Modifiers = Build(
        ("scorso", -1), ("scorsa", -1), ("passato", -1), ("passata", -1), ("prossimo", 1), ("prossima", 1), ("questo", 0), ("questa", 0), ("quest'", 0),
        ("last", -1), ("previous", -1), ("past", -1), ("next", 1), ("coming", 1), ("this", 0),
        ("dernier", -1), ("derniere", -1), ("prochain", 1), ("prochaine", 1), ("ce", 0), ("cette", 0),
        ("pasado", -1), ("pasada", -1), ("proximo", 1), ("proxima", 1), ("este", 0), ("esta", 0),
        ("letzten", -1), ("letzte", -1), ("letztes", -1), ("vergangenen", -1), ("vergangene", -1), ("nachsten", 1), ("nachste", 1), ("kommenden", 1), ("diesen", 0), ("diese", 0), ("dieses", 0),
        ("прошлый", -1), ("прошлой", -1), ("прошлом", -1), ("прошлого", -1), ("прошлую", -1), ("следующий", 1), ("следующей", 1), ("следующем", 1), ("следующую", 1), ("этот", 0), ("этой", 0), ("этом", 0), ("эту", 0), ("текущем", 0),
        ("지난", -1), ("다음", 1), ("이번", 0), ("올", 0));

    /// <summary>Words for "year", "month", "week".</summary>
    public static readonly Dictionary<string, char> Units = Build(
        ("anno", 'Y'), ("year", 'Y'), ("annee", 'Y'), ("an", 'Y'), ("ano", 'Y'), ("jahr", 'Y'), ("jahres", 'Y'), ("год", 'Y'), ("году", 'Y'), ("года", 'Y'),
        ("mese", 'M'), ("month", 'M'), ("mois", 'M'), ("mes", 'M'), ("monat", 'M'), ("monats", 'M'), ("месяц", 'M'), ("месяце", 'M'), ("месяца", 'M'),
        ("settimana", 'W'), ("week", 'W'), ("semaine", 'W'), ("semana", 'W'), ("woche", 'W'), ("неделе", 'W'), ("неделю", 'W'), ("неделя", 'W'));

    /// <summary>Single words meaning "last year", "this year", "next year" ("작년", "올해", "내년").</summary>
    public static readonly Dictionary<string, int> YearWords = Build(("작년", -1), ("지난해", -1), ("올해", 0), ("금년", 0), ("내년", 1), ("재작년", -2));

    /// <summary>Single words meaning "last month", "this month", "next month" ("지난달", "이달", "다음달").</summary>
    public static readonly Dictionary<string, int> MonthWords = Build(("지난달", -1), ("이달", 0), ("이번달", 0), ("다음달", 1), ("전달", -1));

    private static Dictionary<string, T> Build<T>(params (string, T)[] items)
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        // Keyed as tokens are (Tokenizer.Normalize): "май" is looked up as "маи".
        foreach (var (k, v) in items) d[Vigil.Text.Tokenizer.Normalize(k)] = v;
        return d;
    }
}
