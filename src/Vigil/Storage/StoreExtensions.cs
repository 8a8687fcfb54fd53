using Vigil.Model;

namespace Vigil.Storage;

/// <summary>How many documents a store took as new, and how many it already had.</summary>
public readonly record struct AddedDocuments(int Added, int AlreadyStored);

public static class StoreExtensions
{
    /// <summary>Adds each document (a no-op for one already stored) and counts which were new.</summary>
    public static AddedDocuments AddDocuments(this IStore store, IEnumerable<Document> documents)
    {
        int added = 0, known = 0;
        foreach (var d in documents)
        {
            if (store.AddDocument(d)) added++;
            else known++;
        }
        return new AddedDocuments(added, known);
    }
}
