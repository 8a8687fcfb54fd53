using Vigil.Pipeline;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>Opens the workbench for a command and says plainly what went wrong when it cannot.</summary>
internal static class Services
{
    public static Workbench? Open(string db, string? lists, TextWriter err)
    {
        Workbench workbench;
        try
        {
            workbench = Workbench.Open(new WorkbenchOptions(db, lists));
        }
        catch (StoreException e)
        {
            err.WriteLine($"error: {e.Message}");
            return null;
        }
        catch (DirectoryNotFoundException e)
        {
            err.WriteLine($"error: {e.Message}");
            return null;
        }
        foreach (var p in workbench.Lists.Problems) err.WriteLine($"warning: list {p.File}: {p.Message}");
        if (workbench.ListsDirectory is null)
            err.WriteLine("warning: no sanctions lists found, so nothing is screened. Run `vigil lists update`, or give --lists DIR / set VIGIL_LISTS to a folder of list files.");
        else
            err.WriteLine($"lists: {workbench.Lists.Entries.Count} entries from {workbench.Lists.Lists.Count} list file(s) in {workbench.ListsDirectory}");
        return workbench;
    }
}
