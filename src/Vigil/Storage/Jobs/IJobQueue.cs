namespace Vigil.Storage.Jobs;

public enum JobStatus { Queued, Running, Done, Failed, Cancelled }

/// <summary>
/// One unit of background work (an ingest or an analysis) as the queue records it. Times are UTC.
/// <see cref="Attempts"/> counts claims: a job reclaimed from a dead worker shows 2.
/// </summary>
public sealed record Job(
    string Id,
    string Kind,
    string Payload,
    JobStatus Status,
    int Attempts,
    int MaxAttempts,
    string? Worker,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? FinishedAt,
    string? Progress,
    string? Result,
    string? Error,
    int Completions);

/// <summary>
/// A job held by one worker. <see cref="Token"/> is new at every claim: only the holder of the
/// current token can extend, complete or fail the job, so a worker whose lease ran out (and whose
/// job another worker reclaimed) cannot finish it a second time.
/// </summary>
public sealed record ClaimedJob(Job Job, string Token)
{
    public string Id => Job.Id;
}

/// <summary>
/// The jobs table: work queued by the server or the CLI and claimed by `vigil worker` processes,
/// possibly on several machines. A claim is a lease: the worker renews it with
/// <see cref="Heartbeat"/>; a job whose lease expires (its worker was killed) is claimed again.
/// PostgreSQL claims with FOR UPDATE SKIP LOCKED; SQLite with one writer transaction.
/// </summary>
public interface IJobQueue : IDisposable
{
    /// <summary>Adds a queued job and returns its id.</summary>
    string Enqueue(string kind, string payload, int maxAttempts = 3);

    /// <summary>Claims the oldest queued job (or one whose lease expired), or null when there is none.</summary>
    ClaimedJob? TryClaim(string worker, TimeSpan lease, IReadOnlyCollection<string>? kinds = null);

    /// <summary>Extends the lease and records progress. False when the job is no longer this claim's.</summary>
    bool Heartbeat(ClaimedJob job, TimeSpan lease, string? progress = null);

    /// <summary>Marks the job done. False (and nothing changes) when the claim was lost.</summary>
    bool Complete(ClaimedJob job, string? result);

    /// <summary>Records a failure: queued again while attempts remain, otherwise failed.</summary>
    bool Fail(ClaimedJob job, string error);

    /// <summary>
    /// Cancels a queued or running job: it is never claimed again, and a running job's worker learns it at
    /// its next heartbeat, stops the handler and records nothing. False when the job had already finished.
    /// </summary>
    bool Cancel(string id);

    Job? Get(string id);

    /// <summary>The most recent jobs, newest first.</summary>
    IReadOnlyList<Job> List(int limit = 100);
}

/// <summary>Job kinds Vigil itself queues.</summary>
public static class JobKinds
{
    /// <summary>Payload: {"inputs": ["path or url", ...]}.</summary>
    public const string Ingest = "ingest";

    /// <summary>Payload: {} — re-analyses every stored document.</summary>
    public const string Analyze = "analyze";

    /// <summary>Payload: {"ms": 500} — waits, then succeeds; checks a deployment's workers end to end.</summary>
    public const string Delay = "delay";
}
