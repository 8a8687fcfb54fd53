using System.Text;

namespace Vigil.Screening.Matching;

/// <summary>
/// Spelling-insensitive keys for romanised name tokens, so that the spellings different
/// transliteration systems and languages give one sound meet: Sergey/Sergei/Sergej/Serguei,
/// Alexander/Aleksandr, Jong/Chong/Jeong, Eun/Un, Poutine/Putin.
/// <see cref="Sound"/> keeps vowel classes; <see cref="Skeleton"/> keeps only consonant classes
/// (looser: used to find candidates and, at a lower similarity, to match Cyrillic renderings of
/// Korean names such as Чен Ын / Jong Un).
/// </summary>
public static class PhoneticKey
{
    public static string Sound(string token) => Encode(token, keepVowels: true);

    public static string Skeleton(string token) => Encode(token, keepVowels: false);

    private static string Encode(string token, bool keepVowels)
    {
        var s = token;
        var sb = new StringBuilder(s.Length);
        char last = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            var next2 = i + 2 < s.Length ? s[i + 2] : '\0';
            string code;
            int skip = 0;
            switch (c)
            {
                case 'a': code = next is 'e' or 'i' or 'y' && !IsVowel(next2) ? "e" : "a"; if (code == "e") skip = 1; break;
                case 'e':
                    if (next == 'o') { code = "o"; skip = 1; }            // Korean RR eo = o
                    else if (next == 'u') { code = "u"; skip = 1; }       // Korean RR eu = u
                    else if (next is 'i' or 'y' or 'e') { code = "i"; skip = 1; } // ei/ey/ee
                    else code = "e";
                    break;
                // A first ye before a consonant is the Russian е that other systems write e (Yevgeny/Evgeny, Yelena/Elena);
                // before a vowel it is a Korean syllable (Yeong, Yeon).
                case 'y' when i == 0 && next == 'e' && next2 != '\0' && !IsVowel(next2): code = ""; break;
                case 'i': case 'y': code = "i"; break;
                // ou/oo (Poutine, Moussa) and the Dutch oe (Poetin) are all u.
                case 'o': code = next is 'u' or 'o' || (next == 'e' && i > 0 && !IsVowel(s[i - 1])) ? "u" : "o"; if (code == "u") skip = 1; break;
                case 'u': code = "u"; break;
                case 'j':
                    // After a vowel j is a glide (Sergej, Dmitrij); elsewhere the affricate (Jong).
                    code = i > 0 && IsVowel(s[i - 1]) ? "i" : "j";
                    break;
                case 'c':
                    if (next == 'h') { code = "j"; skip = 1; }
                    else if (next == 'k') { code = "k"; skip = 1; }
                    else if (next == 'z') { code = "j"; skip = 1; }
                    else if (next is 'e' or 'i' or 'y') code = "s";
                    else code = "k";
                    break;
                case 's':
                    if (next == 'c' && next2 == 'h') { code = "s"; skip = 2; }
                    else if (next is 'h' or 'z') { code = "s"; skip = 1; }
                    else code = "s";
                    break;
                case 't':
                    // German tsch is English ch (Tschaikowski/Tchaikovsky).
                    if (next == 's' && next2 == 'c' && i + 3 < s.Length && s[i + 3] == 'h') { code = "j"; skip = 3; }
                    else if (next == 's' || next == 'z') { code = "s"; skip = 1; }
                    else if (next == 'c' && next2 == 'h') { code = "j"; skip = 2; }
                    else if (next == 'j' && (next2 == '\0' || !IsVowel(next2))) { code = "j"; skip = 1; } // Dutch and Scandinavian tj (Vladimirovitj)
                    else if (next == 'h') { code = "t"; skip = 1; }
                    else code = "t";
                    break;
                case 'd':
                    if (next == 'j' || (next == 'z' && next2 == 'h')) { code = "j"; skip = next == 'j' ? 1 : 2; }
                    else code = "t";
                    break;
                case 'z': code = next == 'h' ? "j" : "s"; if (next == 'h') skip = 1; break;
                case 'g': code = "k"; if (next == 'u' && (next2 is 'e' or 'i')) skip = 1; break;
                case 'k': code = "k"; if (next == 'h') skip = 1; break;
                case 'q': code = "k"; if (next == 'u') skip = 1; break;
                // A first x is the pinyin x that Wade-Giles writes hs (Xi/Hsi); elsewhere ks (Alexander/Aleksandr).
                case 'x': code = i == 0 ? "x" : "ks"; break;
                case 'b': case 'p': code = "p"; if (c == 'p' && next == 'h') { code = "f"; skip = 1; } break;
                case 'f': case 'v': code = "f"; break;
                // After a consonant w is the vowel u of Arabic and Persian transliterations (bwtyn, Putin); elsewhere v/w.
                case 'w': code = i > 0 && !IsVowel(s[i - 1]) && s[i - 1] != 'w' ? "u" : "f"; break;
                case 'l': case 'r': code = "r"; break;
                case 'm': code = "m"; break;
                case 'n': code = "n"; if (next == 'g' && !IsVowel(next2)) skip = 1; break;
                // h is silent in the sound key (Heo/Eo) but kept in the skeleton, where it is often the only consonant.
                // Except at the start of a short token, where it is a syllable's own consonant (Hun is not Un).
                case 'h':
                    if (i == 0 && next == 's') { code = "x"; skip = 1; }
                    else code = keepVowels && (i > 0 || s.Length > 4) ? "" : "h";
                    break;
                default: code = char.IsDigit(c) ? c.ToString() : ""; break;
            }
            // A final e after a consonant is silent in French and English spellings (Poutine, Vladimire).
            if (c == 'e' && i == s.Length - 1 && s.Length >= 5 && !IsVowel(s[i - 1])) code = "";
            i += skip;
            foreach (var ch in code)
            {
                var isVowel = ch is 'a' or 'e' or 'i' or 'o' or 'u';
                if (!keepVowels && isVowel)
                {
                    // A leading vowel still counts (Un vs Yn vs Eun all start with one).
                    if (sb.Length == 0 && last == '\0') { sb.Append('.'); last = '.'; }
                    continue;
                }
                if (ch == last) continue;
                sb.Append(ch);
                last = ch;
            }
        }
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
