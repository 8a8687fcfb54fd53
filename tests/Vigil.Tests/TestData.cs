using Vigil.Model;

namespace Vigil.Tests;

/// <summary>Small records built for tests, and a scratch folder that cleans itself up.</summary>
internal static class TestData
{
    public static Document Doc(string text, string source = "test.txt", string? lang = "en") =>
        new(Ids.Derive("doc", Ids.Hash(text)), source, text, Ids.Hash(text), Title: text.Split('\n')[0], Lang: lang);
}

public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
