using System.CommandLine;
using Vigil.Server.Hosting;
using Vigil.Storage;
using Vigil.Storage.Jobs;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil worker`: processes queued ingest and analysis jobs from the database. Start several,
/// on several machines, against one PostgreSQL: each job is claimed by one worker, and a job
/// whose worker dies is taken again once its lease runs out.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var lease = new Option<double>("--lease") { Description = "Seconds a claim lasts without a heartbeat: how soon a dead worker's job is retried (default 30).", DefaultValueFactory = _ => 30 };
        var once = new Option<bool>("--once") { Description = "Exit when the queue is empty instead of waiting for more jobs." };
        var name = new Option<string?>("--name") { Description = "Name recorded on the jobs this worker claims (default host:pid)." };
        var command = new Command("worker", "Process queued ingest and analysis jobs (several workers may share one PostgreSQL).") { db, lists, lease, once, name };
        command.SetAction(async (parse, cancel) =>
        {
            var dbValue = parse.GetValue(db)!;
            var leaseTime = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(lease), 0.2, 3600));
            IJobQueue queue;
            try
            {
                using (var store = StoreFactory.Open(dbValue)) store.Migrate();
                queue = StoreFactory.OpenJobs(dbValue);
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            using (queue)
            {
                var options = new JobWorkerOptions
                {
                    Lease = leaseTime,
                    HeartbeatInterval = leaseTime / 4,
                    PollInterval = TimeSpan.FromMilliseconds(Math.Min(1000, leaseTime.TotalMilliseconds / 2)),
                    ExitWhenIdle = parse.GetValue(once),
                    Log = m => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {m}"),
                };
                if (parse.GetValue(name) is { Length: > 0 } n) options = options with { Name = n };
                var handlers = JobHandlers.Create(dbValue, parse.GetValue(lists), log: options.Log);
                Console.Error.WriteLine($"worker {options.Name}: waiting for jobs ({string.Join(", ", handlers.Keys)})");
                var processed = await new JobWorker(queue, handlers, options).RunAsync(cancel);
                Console.Error.WriteLine($"worker {options.Name}: processed {processed} job(s)");
                return 0;
            }
        });
        return command;
    }
}
