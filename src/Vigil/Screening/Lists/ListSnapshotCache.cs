using System.Security.Cryptography;
using System.Text;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>One file a parse read: its path, size, modification time and SHA-256.</summary>
public sealed record ListInputStamp(string Path, long Length, long ModifiedTicks, string Sha256)
{
    public static ListInputStamp Of(string path)
    {
        var info = new FileInfo(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new ListInputStamp(Path: info.FullName, info.Length, info.LastWriteTimeUtc.Ticks, Convert.ToHexString(SHA256.HashData(stream)));
    }
}

/// <summary>A parse read back from the snapshot cache, with what it was made from.</summary>
public sealed record ListSnapshot(IReadOnlyList<ListInputStamp> Inputs, ParsedList Parsed, DateTimeOffset Written)
{
    /// <summary>True when the parse met no problem: a copy worth falling back to when a later file is broken.</summary>
    public bool Clean => Parsed.Problems.Count == 0 && Parsed.Entries.Count > 0;
}

/// <summary>
/// Parsed lists kept as binary snapshots so a later load skips the parsers. A snapshot is used only
/// when every input file still has the size, modification time and SHA-256 it was parsed from, and
/// only by the same build of Vigil (parsers change between builds); its own SHA-256 trailer must
/// verify, so a torn or corrupt snapshot is ignored and rebuilt. Snapshots live in the lists cache
/// (never beside the list files, which may be read-only or shared), one file per parsed list, written
/// to a temporary name and renamed into place so concurrent loads never read half a file.
/// </summary>
public sealed class ListSnapshotCache(string directory)
{
    private const uint Magic = 0x534C4756; // "VGLS"
    private const int FormatVersion = 1;
    private static readonly Guid Build = typeof(ListEntry).Assembly.ManifestModule.ModuleVersionId;

    public string Directory { get; } = directory;

    private string PathFor(string key) =>
        System.IO.Path.Combine(Directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24].ToLowerInvariant() + ".snap");

    /// <summary>The snapshot stored under <paramref name="key"/>, or null when there is none or it does not verify.</summary>
    public ListSnapshot? TryRead(string key)
    {
        var path = PathFor(key);
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 64) return null;
            var body = bytes.AsSpan(0, bytes.Length - 32);
            if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) return null;
            var reader = new SnapshotReader(bytes, body.Length);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion || new Guid(reader.ReadBytes(16)) != Build) return null;
            if (reader.Text() != key) return null;
            var written = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var inputs = reader.List(() => new ListInputStamp(reader.Text()!, reader.ReadInt64(), reader.ReadInt64(), reader.Text()!));
            return new ListSnapshot(inputs, reader.ReadParsedList(), written);
        }
        // A snapshot that cannot be read is no snapshot: the list is parsed again and the snapshot rewritten.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or InvalidDataException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="parsed"/> under <paramref name="key"/>; a cache that cannot be written is skipped silently (it is only a cache).</summary>
    public bool Write(string key, IReadOnlyList<ListInputStamp> inputs, ParsedList parsed)
    {
        var path = PathFor(key);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new MemoryStream())
            {
                using (var writer = new SnapshotWriter(stream))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(Build.ToByteArray());
                    writer.Text(key);
                    writer.Write(DateTimeOffset.UtcNow.UtcTicks);
                    writer.List(inputs, i => { writer.Text(i.Path); writer.Write(i.Length); writer.Write(i.ModifiedTicks); writer.Text(i.Sha256); });
                    writer.WriteParsedList(parsed);
                }
                var body = stream.ToArray();
                using var file = File.Create(temp);
                file.Write(body);
                file.Write(SHA256.HashData(body));
            }
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
            return false;
        }
    }

    /// <summary>Snapshots whose list file no longer exists (a deleted folder, a renamed file) are removed.</summary>
    public void Prune()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.snap"))
        {
            try
            {
                var head = new byte[4096];
                int read;
                using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                var reader = new SnapshotReader(head, read);
                if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion) { File.Delete(path); continue; }
                var build = new Guid(reader.ReadBytes(16));
                var key = reader.Text() ?? "";
                var file = key[(key.IndexOf('|') + 1)..];
                if (build != Build || !File.Exists(file)) File.Delete(path);
            }
            catch (EndOfStreamException)
            {
                // A key longer than the head read: keep it rather than guess.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                try { File.Delete(path); } catch (IOException) { }
            }
        }
    }

    /// <summary>Strings are written once and then referred to by number: lists repeat their names, programmes and countries thousands of times.</summary>
    private sealed class SnapshotWriter(Stream stream) : BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

        public void Text(string? s)
        {
            if (s is null) { Write7BitEncodedInt(0); return; }
            if (seen.TryGetValue(s, out var index)) { Write7BitEncodedInt(index + 2); return; }
            seen[s] = seen.Count;
            Write7BitEncodedInt(1);
            Write(s);
        }

        public void List<T>(IReadOnlyCollection<T> items, Action<T> write)
        {
            Write7BitEncodedInt(items.Count);
            foreach (var item in items) write(item);
        }

        public void Date(FuzzyDate? date)
        {
            Write(date is not null);
            if (date is not { } d) return;
            Write((short)d.Value.Year);
            Write((byte)d.Value.Month);
            Write((byte)d.Value.Day);
            Write((byte)d.Precision);
            Write(d.IsRelative);
        }

        public void WriteParsedList(ParsedList parsed)
        {
            Text(parsed.List);
            Text(parsed.File);
            Date(parsed.Published);
            Text(parsed.Note);
            List(parsed.Problems, p => { Text(p.File); Text(p.Message); });
            List(parsed.Entries, e =>
            {
                Text(e.List);
                Text(e.ListId);
                Write((byte)e.Schema);
                Text(e.Name);
                List(e.Aliases, Text);
                List(e.WeakAliases, Text);
                List(e.BirthDates, d => Date(d));
                List(e.Nationalities, Text);
                List(e.Identifiers, i => { Text(i.Type); Text(i.Value); Text(i.Country); });
                List(e.Addresses, Text);
                List(e.Programs, Text);
                Date(e.ListedOn);
                Text(e.SourceUrl);
                Text(e.Remarks);
            });
        }
    }

    /// <summary>Reads a snapshot held in memory (straight from the byte array: BinaryReader builds long strings through a StringBuilder).</summary>
    private sealed class SnapshotReader(byte[] bytes, int length)
    {
        private readonly List<string> seen = [];
        private int position;

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || position + count > length) throw new EndOfStreamException("snapshot ends early");
            var span = bytes.AsSpan(position, count);
            position += count;
            return span;
        }

        public uint ReadUInt32() => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public int ReadInt32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public long ReadInt64() => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public short ReadInt16() => System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(Take(2));
        public byte ReadByte() => Take(1)[0];
        public bool ReadBoolean() => Take(1)[0] != 0;
        public byte[] ReadBytes(int count) => Take(count).ToArray();

        public int Read7BitEncodedInt()
        {
            var result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = ReadByte();
                result |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return result;
            }
            throw new InvalidDataException("snapshot holds a malformed number");
        }

        public string? Text()
        {
            var code = Read7BitEncodedInt();
            if (code == 0) return null;
            if (code == 1)
            {
                var s = Encoding.UTF8.GetString(Take(Read7BitEncodedInt()));
                seen.Add(s);
                return s;
            }
            return code - 2 < seen.Count ? seen[code - 2] : throw new InvalidDataException("snapshot refers to a string it has not written");
        }

        private string Required() => Text() ?? throw new InvalidDataException("snapshot has no value where one is required");

        public T[] List<T>(Func<T> read)
        {
            var count = Read7BitEncodedInt();
            if (count < 0 || count > length - position) throw new InvalidDataException("snapshot list length out of range");
            if (count == 0) return [];
            var items = new T[count];
            for (var i = 0; i < count; i++) items[i] = read();
            return items;
        }

        public FuzzyDate? Date()
        {
            if (!ReadBoolean()) return null;
            var (year, month, day) = (ReadInt16(), ReadByte(), ReadByte());
            var precision = (DatePrecision)ReadByte();
            return new FuzzyDate(new NodaTime.LocalDate(year, month, day), precision, ReadBoolean());
        }

        public ParsedList ReadParsedList()
        {
            var list = Required();
            var file = Required();
            var published = Date();
            var note = Text();
            var problems = List(() => new ListProblem(Required(), Required()));
            var entries = List(() => new ListEntry
            {
                List = Required(),
                ListId = Required(),
                Schema = (EntitySchema)ReadByte(),
                Name = Required(),
                Aliases = List(Required),
                WeakAliases = List(Required),
                BirthDates = List(() => Date() ?? throw new InvalidDataException("snapshot birth date missing")),
                Nationalities = List(Required),
                Identifiers = List(() => new EntryIdentifier(Required(), Required(), Text())),
                Addresses = List(Required),
                Programs = List(Required),
                ListedOn = Date(),
                SourceUrl = Text(),
                Remarks = Text(),
            });
            return new ParsedList(list, file, entries, published, problems) { Note = note };
        }
    }
}
