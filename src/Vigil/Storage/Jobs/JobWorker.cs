namespace Vigil.Storage.Jobs;

/// <summary>What a job handler may use: the job, and a way to report progress (which also renews the lease).</summary>
public sealed class JobContext(ClaimedJob job, Action<string> report)
{
    public Job Job => job.Job;

    public string Payload => job.Job.Payload;

    public void Report(string progress) => report(progress);
}

/// <summary>Runs one job; returns a short result text. Throws to fail the job (it is retried while attempts remain).</summary>
public delegate string? JobHandler(JobContext context, CancellationToken cancel);

/// <summary>
/// The loop of one worker: claim a job, run its handler while a heartbeat keeps the lease,
/// complete or fail it, repeat. When the heartbeat finds the claim lost (the lease ran out and
/// another worker took the job), the handler is cancelled and its result discarded, so each job
/// completes once.
/// </summary>
public sealed class JobWorker(IJobQueue queue, IReadOnlyDictionary<string, JobHandler> handlers, JobWorkerOptions? options = null)
{
    private readonly JobWorkerOptions _options = options ?? new JobWorkerOptions();

    public string Name => _options.Name;

    /// <summary>Processes jobs until cancelled (or, with <see cref="JobWorkerOptions.ExitWhenIdle"/>, until the queue is empty).</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var processed = 0;
        while (!stop.IsCancellationRequested)
        {
            ClaimedJob? job;
            try
            {
                job = queue.TryClaim(_options.Name, _options.Lease, handlers.Keys.ToList());
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                _options.Log?.Invoke($"{_options.Name}: cannot claim a job: {e.Message}");
                await Delay(_options.PollInterval * 4, stop);
                continue;
            }
            if (job is null)
            {
                if (_options.ExitWhenIdle) break;
                await Delay(_options.PollInterval, stop);
                continue;
            }
            await RunOneAsync(job, stop);
            processed++;
        }
        return processed;
    }

    /// <summary>Runs one claimed job to completion, failure or loss of the claim.</summary>
    public async Task RunOneAsync(ClaimedJob job, CancellationToken stop)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stop);
        string? progress = null;
        var claimHeld = true;
        void Beat()
        {
            if (!claimHeld) return;
            try
            {
                if (!queue.Heartbeat(job, _options.Lease, Volatile.Read(ref progress)))
                {
                    claimHeld = false;
                    lost.Cancel();
                }
            }
            catch (Exception e)
            {
                _options.Log?.Invoke($"{_options.Name}: heartbeat for job {job.Id} failed: {e.Message}");
            }
        }
        using var timer = new Timer(_ => Beat(), null, _options.HeartbeatInterval, _options.HeartbeatInterval);
        var context = new JobContext(job, p => Volatile.Write(ref progress, p));
        _options.Log?.Invoke($"{_options.Name}: job {job.Id} ({job.Job.Kind}) attempt {job.Job.Attempts}");
        try
        {
            if (!handlers.TryGetValue(job.Job.Kind, out var handler))
                throw new InvalidOperationException($"This worker has no handler for job kind '{job.Job.Kind}'.");
            var result = await Task.Run(() => handler(context, lost.Token), CancellationToken.None);
            timer.Change(Timeout.Infinite, Timeout.Infinite);
            if (!queue.Complete(job, result))
                _options.Log?.Invoke($"{_options.Name}: job {job.Id} finished after its claim was lost; result discarded.");
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Stopped, cancelled, or claim lost: a stopped worker's lease expires and another worker takes the job.
            var why = stop.IsCancellationRequested ? "stopping" : queue.Get(job.Id)?.Status == JobStatus.Cancelled ? "cancelled" : "claim lost";
            _options.Log?.Invoke($"{_options.Name}: job {job.Id} abandoned ({why}).");
        }
        catch (Exception e)
        {
            timer.Change(Timeout.Infinite, Timeout.Infinite);
            _options.Log?.Invoke($"{_options.Name}: job {job.Id} failed: {e.Message}");
            try { queue.Fail(job, e.Message); }
            catch (Exception f) { _options.Log?.Invoke($"{_options.Name}: cannot record the failure of job {job.Id}: {f.Message}"); }
        }
    }

    private static async Task Delay(TimeSpan wait, CancellationToken stop)
    {
        try { await Task.Delay(wait, stop); }
        catch (OperationCanceledException) { }
    }
}

public sealed record JobWorkerOptions
{
    /// <summary>Recorded on each claim; unique per process by default (host and pid).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>How long a claim lasts without a heartbeat: how soon a killed worker's job is taken again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public bool ExitWhenIdle { get; init; }

    public Action<string>? Log { get; init; }
}
