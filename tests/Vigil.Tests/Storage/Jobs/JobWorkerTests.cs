using Vigil.Storage;
using Vigil.Storage.Jobs;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Storage.Jobs;

public sealed class JobWorkerTests
{
    [Fact]
    public async Task A_worker_runs_each_job_through_its_handler_and_records_the_result()
    {
        using var db = TestDatabase.Create(DbBackend.Sqlite);
        TestDatabase.Migrate(db.Db);
        using var queue = StoreFactory.OpenJobs(db.Db);
        var ok = queue.Enqueue("echo", "hello");
        var bad = queue.Enqueue("boom", "{}", maxAttempts: 1);
        var handlers = new Dictionary<string, JobHandler>
        {
            ["echo"] = (ctx, _) => ctx.Payload.ToUpperInvariant(),
            ["boom"] = (_, _) => throw new InvalidOperationException("no such input"),
        };
        var processed = await new JobWorker(queue, handlers, new JobWorkerOptions { ExitWhenIdle = true }).RunAsync(CancellationToken.None);

        Assert.Equal(2, processed);
        Assert.Equal((JobStatus.Done, "HELLO"), (queue.Get(ok)!.Status, queue.Get(ok)!.Result));
        Assert.Equal((JobStatus.Failed, "no such input"), (queue.Get(bad)!.Status, queue.Get(bad)!.Error));
    }

    [Fact]
    public async Task A_worker_that_loses_its_claim_stops_the_handler_and_does_not_complete()
    {
        using var db = TestDatabase.Create(DbBackend.Sqlite);
        TestDatabase.Migrate(db.Db);
        using var queue = StoreFactory.OpenJobs(db.Db);
        var id = queue.Enqueue(JobKinds.Delay, "{\"ms\": 5000}");
        var options = new JobWorkerOptions { Lease = TimeSpan.FromMilliseconds(400), HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        var claim = queue.TryClaim("slow", options.Lease)!;
        var handlers = new Dictionary<string, JobHandler>
        {
            [JobKinds.Delay] = (ctx, cancel) =>
            {
                // Another worker takes the job over while this one runs (as after a long pause).
                var thief = TakeOver(db.Db, ctx.Job.Id);
                for (var i = 0; i < 100; i++) { cancel.ThrowIfCancellationRequested(); Thread.Sleep(20); }
                return "should not be recorded " + thief;
            },
        };
        await new JobWorker(queue, handlers, options).RunOneAsync(claim, CancellationToken.None);

        var job = queue.Get(id)!;
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal("thief", job.Worker);
        Assert.Equal(0, job.Completions);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_its_handler_and_records_nothing()
    {
        using var db = TestDatabase.Create(DbBackend.Sqlite);
        TestDatabase.Migrate(db.Db);
        using var queue = StoreFactory.OpenJobs(db.Db);
        var id = queue.Enqueue(JobKinds.Delay, "{}");
        var options = new JobWorkerOptions { Lease = TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromMilliseconds(50) };
        var claim = queue.TryClaim("w1", options.Lease)!;
        var stopped = false;
        var handlers = new Dictionary<string, JobHandler>
        {
            [JobKinds.Delay] = (ctx, cancel) =>
            {
                queue.Cancel(ctx.Job.Id);
                // Runs until told to stop: only the cancellation can end it.
                try { cancel.WaitHandle.WaitOne(); cancel.ThrowIfCancellationRequested(); }
                finally { stopped = cancel.IsCancellationRequested; }
                return "should not be recorded";
            },
        };

        await new JobWorker(queue, handlers, options).RunOneAsync(claim, CancellationToken.None);

        Assert.True(stopped);
        var job = queue.Get(id)!;
        Assert.Equal((JobStatus.Cancelled, 0, null), (job.Status, job.Completions, job.Result));
    }

    /// <summary>What another worker's claim does to the row after this one's lease ran out.</summary>
    private static string TakeOver(string db, string id)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE jobs SET worker = 'thief', token = 'thief-token', attempts = attempts + 1 WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
        return "thief-token";
    }
}
