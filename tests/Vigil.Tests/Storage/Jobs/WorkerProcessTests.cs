using System.Diagnostics;
using Vigil.Storage;
using Vigil.Storage.Jobs;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Storage.Jobs;

/// <summary>
/// Real `vigil worker` processes sharing one PostgreSQL: every job is done, none twice, also
/// when one worker is killed in the middle of a job (its job is taken again after the lease).
/// </summary>
public sealed class WorkerProcessTests
{
    private const int Jobs = 24;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static Process StartWorker(string db, string name)
    {
        var vigil = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { vigil, "worker", "--db", db, "--lease", "1.5", "--name", name }) info.ArgumentList.Add(a);
        var p = Process.Start(info)!;
        p.ErrorDataReceived += (_, _) => { };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        return p;
    }

    private static void Stop(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        p.WaitForExit(10_000);
        p.Dispose();
    }

    private static IReadOnlyList<Job> WaitUntilAllFinished(IJobQueue queue)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Deadline)
        {
            var jobs = queue.List(1000);
            if (jobs.All(j => j.Status is JobStatus.Done or JobStatus.Failed)) return jobs;
            Thread.Sleep(200);
        }
        return queue.List(1000);
    }

    [PostgresFact]
    public void Two_workers_share_a_queue_with_none_lost_or_done_twice_even_when_one_is_killed_mid_job()
    {
        using var db = TestDatabase.Create(DbBackend.Postgres);
        TestDatabase.Migrate(db.Db);
        using var queue = StoreFactory.OpenJobs(db.Db);
        // The victim alone takes a long job first, so that it surely still holds it when it is killed,
        // however slowly this machine gets round to the kill.
        queue.Enqueue(JobKinds.Delay, "{\"ms\": 6000}");
        var victim = StartWorker(db.Db, "victim");
        Process? survivor = null;
        try
        {
            Job? killedJob = null;
            var watch = Stopwatch.StartNew();
            while (killedJob is null && watch.Elapsed < Deadline)
            {
                killedJob = queue.List(1000).FirstOrDefault(j => j.Status == JobStatus.Running && j.Worker == "victim");
                if (killedJob is null) Thread.Sleep(20);
            }
            Assert.NotNull(killedJob);
            for (var i = 1; i < Jobs; i++) queue.Enqueue(JobKinds.Delay, "{\"ms\": 300}");
            survivor = StartWorker(db.Db, "survivor");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit(10_000);

            var jobs = WaitUntilAllFinished(queue).ToList();

            Assert.Equal(Jobs, jobs.Count);
            Assert.All(jobs, j => Assert.Equal((JobStatus.Done, 1), (j.Status, j.Completions)));
            var retaken = jobs.Single(j => j.Id == killedJob.Id);
            Assert.Equal("survivor", retaken.Worker);
            Assert.Equal(2, retaken.Attempts);
        }
        finally
        {
            Stop(victim);
            if (survivor is not null) Stop(survivor);
        }
    }

    [PostgresFact]
    public void Two_workers_split_a_queue_between_them_and_each_job_is_done_once()
    {
        using var db = TestDatabase.Create(DbBackend.Postgres);
        TestDatabase.Migrate(db.Db);
        using var queue = StoreFactory.OpenJobs(db.Db);
        for (var i = 0; i < Jobs; i++) queue.Enqueue(JobKinds.Delay, "{\"ms\": 150}");

        var a = StartWorker(db.Db, "a");
        var b = StartWorker(db.Db, "b");
        try
        {
            var jobs = WaitUntilAllFinished(queue).ToList();
            Assert.All(jobs, j => Assert.Equal((JobStatus.Done, 1, 1), (j.Status, j.Completions, j.Attempts)));
            Assert.Equal(["a", "b"], jobs.Select(j => j.Worker!).Distinct().Order());
        }
        finally
        {
            Stop(a);
            Stop(b);
        }
    }
}
