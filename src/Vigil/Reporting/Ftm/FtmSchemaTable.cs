namespace Vigil.Reporting.Ftm;

/// <summary>
/// The FollowTheMoney schemata Vigil reads and writes, with every property each one allows
/// (its own and its parents'), from resources/ftm/schema.tsv (names taken from the FtM model).
/// </summary>
public sealed class FtmSchemaTable
{
    private readonly Dictionary<string, (string[] Parents, string[] Own)> _rows;

    private FtmSchemaTable(Dictionary<string, (string[] Parents, string[] Own)> rows) => _rows = rows;

    public IEnumerable<string> Schemata => _rows.Keys;

    public bool Has(string schema) => _rows.ContainsKey(schema);

    /// <summary>Every property the schema allows, inherited ones included.</summary>
    public IReadOnlySet<string> PropertiesOf(string schema)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([schema]);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!_rows.TryGetValue(s, out var row)) throw new KeyNotFoundException($"FtM schema '{s}' is not in the schema table.");
            all.UnionWith(row.Own);
            foreach (var p in row.Parents) stack.Push(p);
        }
        return all;
    }

    public static FtmSchemaTable LoadDefault()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "resources", "ftm", "schema.tsv");
                if (File.Exists(candidate)) return Load(candidate);
            }
        throw new FileNotFoundException("The FtM schema table resources/ftm/schema.tsv was not found beside the program; reinstall Vigil.", "schema.tsv");
    }

    public static FtmSchemaTable Load(string path)
    {
        var rows = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length != 3) throw new InvalidDataException($"{path}: the line '{line}' needs three tab-separated columns (schema, parents, properties).");
            static string[] List(string cell) => cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows[cells[0]] = (List(cells[1]), List(cells[2]));
        }
        return new FtmSchemaTable(rows);
    }
}
