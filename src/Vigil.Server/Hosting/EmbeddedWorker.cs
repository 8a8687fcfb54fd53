using Microsoft.Extensions.Options;
using Vigil.Storage.Jobs;

namespace Vigil.Server.Hosting;

/// <summary>A job worker inside the server process (on by default; `--worker false` leaves the queue to `vigil worker`s).</summary>
internal sealed class EmbeddedWorker(IOptions<ServerOptions> options, IServiceProvider services, ILogger<EmbeddedWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker) return;
        await Task.Yield();
        var backend = services.GetRequiredService<Backend>();
        var handlers = JobHandlers.Create(options.Value.Db, options.Value.Lists, backend.Invalidate, m => log.LogInformation("{Message}", m));
        var worker = new JobWorker(backend.Jobs, handlers, new JobWorkerOptions { Log = m => log.LogInformation("{Message}", m), PollInterval = TimeSpan.FromMilliseconds(500) });
        await worker.RunAsync(stoppingToken);
    }
}
