using System.Collections.Concurrent;
using Vigil.Storage;
using Vigil.Storage.Jobs;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Storage.Jobs;

/// <summary>The job queue's guarantees, on SQLite and on a real PostgreSQL alike.</summary>
public sealed class SqlJobQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static (TestDatabase Db, IJobQueue Queue) Open(DbBackend backend)
    {
        var db = TestDatabase.Create(backend);
        TestDatabase.Migrate(db.Db);
        return (db, StoreFactory.OpenJobs(db.Db));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_queued_job_is_claimed_once_and_completed_once(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        var id = queue.Enqueue(JobKinds.Delay, "{\"ms\": 1}");
        Assert.Equal(JobStatus.Queued, queue.Get(id)!.Status);

        var claim = queue.TryClaim("w1", Lease);
        Assert.NotNull(claim);
        Assert.Equal(id, claim.Id);
        Assert.Equal(1, claim.Job.Attempts);
        Assert.Null(queue.TryClaim("w2", Lease));

        Assert.True(queue.Heartbeat(claim, Lease, "half"));
        Assert.Equal("half", queue.Get(id)!.Progress);
        Assert.True(queue.Complete(claim, "ok"));
        Assert.False(queue.Complete(claim, "again"));
        var done = queue.Get(id)!;
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(1, done.Completions);
        Assert.Equal("ok", done.Result);
        Assert.Null(queue.TryClaim("w2", Lease));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_job_whose_lease_ran_out_is_reclaimed_and_the_old_claim_can_no_longer_finish_it(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        var id = queue.Enqueue(JobKinds.Delay, "{}");
        var dead = queue.TryClaim("dead", TimeSpan.FromMilliseconds(50))!;
        Thread.Sleep(300);

        var again = queue.TryClaim("alive", Lease);
        Assert.NotNull(again);
        Assert.Equal(id, again.Id);
        Assert.Equal(2, again.Job.Attempts);
        Assert.Equal("alive", again.Job.Worker);

        Assert.False(queue.Heartbeat(dead, Lease));
        Assert.False(queue.Complete(dead, "late"));
        Assert.False(queue.Fail(dead, "late"));
        Assert.True(queue.Complete(again, "ok"));
        Assert.Equal(1, queue.Get(id)!.Completions);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Jobs_are_claimed_in_the_order_they_were_enqueued_even_within_one_clock_tick(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        // Enqueued back to back, many share a timestamp; their random ids would order them by chance.
        var enqueued = Enumerable.Range(0, 30).Select(k => queue.Enqueue(JobKinds.Delay, $"{{\"ms\": {k}}}")).ToList();
        var claimed = new List<string>();
        while (queue.TryClaim("w1", Lease) is { } claim) claimed.Add(claim.Id);
        Assert.Equal(enqueued, claimed);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_cancelled_job_is_never_claimed_and_a_running_one_can_no_longer_be_finished(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        var first = queue.Enqueue(JobKinds.Delay, "{\"ms\": 1}");
        var second = queue.Enqueue(JobKinds.Delay, "{\"ms\": 1}");
        // Jobs enqueued within the same clock tick may be claimed in either order.
        var claim = queue.TryClaim("w1", Lease)!;
        var running = claim.Id;
        var waiting = running == first ? second : first;
        Assert.Contains(running, new[] { first, second });

        Assert.True(queue.Cancel(waiting));
        Assert.True(queue.Cancel(running));

        Assert.Null(queue.TryClaim("w2", Lease));
        Assert.False(queue.Heartbeat(claim, Lease));
        Assert.False(queue.Complete(claim, "late"));
        Assert.False(queue.Fail(claim, "late"));
        Assert.False(queue.Cancel(running));
        var job = queue.Get(running)!;
        Assert.Equal((JobStatus.Cancelled, 0, null), (job.Status, job.Completions, job.Result));
        Assert.NotNull(job.FinishedAt);
        Assert.Equal(JobStatus.Cancelled, queue.Get(waiting)!.Status);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_failing_job_is_retried_until_its_attempts_run_out(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        var id = queue.Enqueue(JobKinds.Delay, "{}", maxAttempts: 2);
        Assert.True(queue.Fail(queue.TryClaim("w", Lease)!, "first"));
        Assert.Equal(JobStatus.Queued, queue.Get(id)!.Status);
        Assert.True(queue.Fail(queue.TryClaim("w", Lease)!, "second"));
        var failed = queue.Get(id)!;
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("second", failed.Error);
        Assert.Null(queue.TryClaim("w", Lease));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_worker_claims_only_the_kinds_it_handles(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        queue.Enqueue(JobKinds.Analyze, "{}");
        var ingest = queue.Enqueue(JobKinds.Ingest, "{}");
        Assert.Equal(ingest, queue.TryClaim("w", Lease, [JobKinds.Ingest])!.Id);
        Assert.Null(queue.TryClaim("w", Lease, [JobKinds.Ingest]));
        Assert.Equal(2, queue.List().Count);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Concurrent_claimers_never_take_the_same_job(DbBackend backend)
    {
        var (db, queue) = Open(backend);
        using var _ = db;
        using var __ = queue;
        const int jobs = 120;
        for (var i = 0; i < jobs; i++) queue.Enqueue(JobKinds.Delay, $"{{\"n\": {i}}}");

        var claimed = new ConcurrentBag<string>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
        {
            while (queue.TryClaim($"w{w}", Lease) is { } job)
            {
                claimed.Add(job.Id);
                Assert.True(queue.Complete(job, null));
            }
        });

        Assert.Equal(jobs, claimed.Count);
        Assert.Equal(jobs, claimed.Distinct().Count());
        Assert.All(queue.List(jobs), j => Assert.Equal((JobStatus.Done, 1), (j.Status, j.Completions)));
    }
}
