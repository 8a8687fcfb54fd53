using Vigil.Screening;
using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

/// <summary>Writes a small list file to a temporary folder and loads that folder.</summary>
internal static class ListFormatTestFiles
{
    public static ListLoadResult LoadOne(string fileName, string content)
    {
        var dir = Directory.CreateTempSubdirectory("vigil-list-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, fileName), content);
            return ListLoader.Load(dir.FullName);
        }
        finally { dir.Delete(recursive: true); }
    }

    public static ParsedList ParseShared(IListParser parser, params string[] path)
    {
        var file = ListFile.Open(Vigil.Evaluation.SharedData.Path(["data", "sanctions", .. path]));
        Assert.True(parser.CanParse(file), $"{parser.Format} should recognise {file.Path}");
        return parser.Parse(file, [file]);
    }
}
