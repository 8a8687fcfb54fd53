using Vigil.Analysis;
using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Ingest;
using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Storage;
using Vigil.Tests.Ingest;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Pipeline;

public sealed class AnalyzeWorkflowTests
{
    private sealed class NoExtraction : IExtractor
    {
        public ExtractionResult Extract(Document d) => new(d.Id, [], [], [], []);
    }

    private sealed class NoEntities : IEntityResolver
    {
        public IReadOnlyList<Entity> Resolve(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions) => [];
    }

    /// <summary>An entity named after each document, so that each analysis leaves a countable trace.</summary>
    private sealed class OneEntityPerDocument : IEntityResolver
    {
        public IReadOnlyList<Entity> Resolve(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions) =>
            documents.Select(d => new Entity("ent-" + d.Id, EntitySchema.Person, d.Id, [], [], [])).ToList();
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_copy_stored_by_a_later_ingest_run_is_linked_to_the_original_when_everything_is_analysed(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        using var store = StoreFactory.Open(db.Db);
        store.Migrate();
        var workflow = new AnalyzeWorkflow(store, new AnalysisPipeline(new NoExtraction(), new NoEntities(), null));
        var original = File.ReadAllText(SharedData.Path("seeds", "000_e57ce89f42530d5f.txt"));
        using var tmp = new TempFolder();
        tmp.File("monday/original.txt", original);
        tmp.File("tuesday/copy.txt", "Ripreso da un'agenzia di stampa.\n" + original);

        // Two runs, as two `vigil ingest` calls would make: neither ingestor saw the other's text.
        workflow.Store(new Ingestor().Ingest([Path.Combine(tmp.Path, "monday")]));
        workflow.Store(new Ingestor().Ingest([Path.Combine(tmp.Path, "tuesday")]));
        Assert.All(store.GetDocuments(), d => Assert.Null(d.DuplicateOf));

        var result = workflow.AnalyzeStored();

        var originalId = Assert.Single(result.Documents, d => d.Source.Contains("monday")).Id;
        var copy = Assert.Single(result.Documents, d => d.Id != originalId);
        Assert.Equal(originalId, copy.DuplicateOf);
        Assert.Equal(originalId, store.GetDocument(copy.Id)!.DuplicateOf);
        Assert.Null(store.GetDocument(originalId)!.DuplicateOf);
    }

    [Fact]
    public void A_cancelled_analysis_saves_nothing_and_the_previous_one_stays()
    {
        using var db = TestDatabase.Create(DbBackend.Sqlite);
        using var store = StoreFactory.Open(db.Db);
        store.Migrate();
        var workflow = new AnalyzeWorkflow(store, new AnalysisPipeline(new NoExtraction(), new OneEntityPerDocument(), null));
        store.AddDocument(TestData.Doc("Putin met Kim Jong Un in Pyongyang."));
        workflow.AnalyzeStored();
        store.AddDocument(TestData.Doc("Shoigu visited Pyongyang."));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => workflow.AnalyzeStored(cancellationToken: cancel.Token));

        Assert.Equal(1, store.Count().Entities);
    }
}
