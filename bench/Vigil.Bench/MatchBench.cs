using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Bench;

/// <summary>
/// yente-compatible POST /match/default under load: `vigil serve` runs as its own process on
/// loopback and this process drives it with N concurrent keep-alive connections, measuring
/// requests/s and latency percentiles; beside it, the same queries screened in-process (the
/// baseline: what the HTTP layer costs). Both run in the same invocation, on the same lists, each
/// first with one pass over every distinct query (cold caches) and then warm; CPU per request is
/// reported for the server and client processes and for in-process screening, since wall-clock
/// rates on a shared machine move with everyone else's load.
/// </summary>
public sealed class MatchBench : IBench
{
    public string Name => "match";
    public string Description => "POST /match/default from a second process on loopback (requests/s, p50, p99, CPU ms per request) beside in-process screening; args: [seconds=10] [connections=32] [url of a running server]";

    public int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 10;
        var connections = args.Length > 1 && int.TryParse(args[1], out var c) ? c : 32;
        var external = args.Length > 2 ? args[2] : null;
        var listsDir = ListSources.ResolveDirectory(null) ?? throw new DirectoryNotFoundException("no sanctions lists found: set VIGIL_LISTS");
        var lists = ListLoader.Load(listsDir);
        var queries = Queries(lists.Entries);
        Console.WriteLine($"lists: {lists.Entries.Count} entries from {listsDir}; {queries.Count} distinct queries (list names with their birth dates, and names on no list)");

        if (external is not null)
        {
            // Load against a server started elsewhere (e.g. under a profiler); no in-process baseline.
            var (_, load) = Http(external, connections, queries, seconds, connections, serverPid: null);
            Console.WriteLine($"{external}: {load.Count} requests, {load.PerSecond:0} requests/s, p50 {load.P50:0.0} ms, p99 {load.P99:0.0} ms, {load.Errors} errors");
            return 0;
        }
        var screener = new Screener(lists.Entries);
        // Every distinct query once first: the matcher's caches start cold in either process.
        var inProcessFirst = InProcess(screener, queries, seconds, threads: 1, onePass: true);
        var inProcess1 = InProcess(screener, queries, seconds, threads: 1);
        var inProcess2 = InProcess(screener, queries, seconds, threads: 2);

        var port = FreePort();
        var vigil = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        var db = Path.Combine(Path.GetTempPath(), $"vigil-bench-{Guid.NewGuid():N}.db");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { vigil, "serve", "--db", db, "--lists", listsDir, "--urls", $"http://127.0.0.1:{port}", "--worker", "false" }) info.ArgumentList.Add(a);
        // The per-address read limit protects a shared server; the benchmark measures capacity.
        info.Environment["Vigil__ReadPerSecond"] = "1000000";
        using var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            WaitReady(baseUrl);
            var (httpFirst, http) = Http(baseUrl, connections, queries, seconds, connections, server.Id);
            BenchTable.Print($"/match vs in-process screening ({seconds:0} s each, {Environment.ProcessorCount} cores shared by client and server; load average {LoadAverage()})",
                ["path", "concurrency", "requests", "requests/s", "p50 ms", "p99 ms", "errors", "CPU ms/request", "server CPU ms/request", "client CPU ms/request"],
                [
                    [$"in-process, first pass ({queries.Count} distinct queries once)", 1, inProcessFirst.Count, inProcessFirst.PerSecond, inProcessFirst.P50, inProcessFirst.P99, 0, inProcessFirst.CpuMsPerRequest, "", ""],
                    [$"HTTP, first pass ({queries.Count} distinct queries once)", connections, httpFirst.Count, httpFirst.PerSecond, httpFirst.P50, httpFirst.P99, httpFirst.Errors,
                        httpFirst.ServerCpuMsPerRequest + httpFirst.CpuMsPerRequest, httpFirst.ServerCpuMsPerRequest, httpFirst.CpuMsPerRequest],
                    ["in-process Screener.Screen", 1, inProcess1.Count, inProcess1.PerSecond, inProcess1.P50, inProcess1.P99, 0, inProcess1.CpuMsPerRequest, "", ""],
                    ["in-process Screener.Screen", 2, inProcess2.Count, inProcess2.PerSecond, inProcess2.P50, inProcess2.P99, 0, inProcess2.CpuMsPerRequest, "", ""],
                    ["HTTP POST /match/default (second process)", connections, http.Count, http.PerSecond, http.P50, http.P99, http.Errors,
                        http.ServerCpuMsPerRequest + http.CpuMsPerRequest, http.ServerCpuMsPerRequest, http.CpuMsPerRequest],
                ]);
            Console.WriteLine($"goal: >= 1000 requests/s over HTTP: {(http.PerSecond >= 1000 ? "met" : "NOT met")}; HTTP/in-process(2 threads) = {http.PerSecond / inProcess2.PerSecond:0.00}; " +
                $"server CPU per request / in-process CPU per query = {http.ServerCpuMsPerRequest / inProcess2.CpuMsPerRequest:0.00}; (server + client) / in-process = {(http.ServerCpuMsPerRequest + http.CpuMsPerRequest) / inProcess2.CpuMsPerRequest:0.00}");
            return 0;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) try { File.Delete(f); } catch (IOException) { }
        }
    }

    /// <summary>CpuMsPerRequest is this process's CPU (the screening threads in-process; the HTTP client otherwise); ServerCpuMsPerRequest the server process's.</summary>
    private sealed record Result(int Count, double PerSecond, double P50, double P99, int Errors, double CpuMsPerRequest, double ServerCpuMsPerRequest = double.NaN);

    private static TimeSpan CpuOf(int? pid)
    {
        try
        {
            using var p = pid is { } id ? Process.GetProcessById(id) : Process.GetCurrentProcess();
            return p.TotalProcessorTime;
        }
        catch (ArgumentException) { return TimeSpan.Zero; }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Names as clients send them: listed names (some with the birth date), and names on no list.</summary>
    private static List<(string Name, EntitySchema Schema, string? Birth)> Queries(IReadOnlyList<ListEntry> entries)
    {
        var rng = new Random(42);
        var listed = entries.OrderBy(_ => rng.Next()).Take(400)
            .Select(e => (e.Name, e.Schema, e.BirthDates.Count > 0 && rng.Next(2) == 0 ? e.BirthDates[0].ToString() : null));
        string[] first = ["Anna", "Marco", "Olga", "Chen", "Pavel", "Sun", "Maria", "Ivan", "Hye", "Luca"];
        string[] last = ["Rossi", "Petrova", "Wang", "Novak", "Park", "Bianchi", "Smirnov", "Lee", "Moreau", "Garcia"];
        var unlisted = Enumerable.Range(0, 100).Select(i => ($"{first[i % 10]} {last[i / 10]}", EntitySchema.Person, (string?)null));
        return listed.Concat(unlisted).ToList();
    }

    private static Result InProcess(Screener screener, List<(string Name, EntitySchema Schema, string? Birth)> queries, double seconds, int threads, bool onePass = false)
    {
        var latencies = new List<double>[threads];
        var cpu = CpuOf(null);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var sw = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var mine = latencies[t] = [];
            for (var i = t; onePass ? i < queries.Count : Stopwatch.GetTimestamp() < until; i += threads)
            {
                var q = queries[i % queries.Count];
                var start = Stopwatch.GetTimestamp();
                FuzzyDate? birth = FuzzyDate.TryParse(q.Birth, out var d) ? d : null;
                screener.Screen(new ScreeningQuery(q.Name, q.Schema, birth), 5, 0.5);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        return Summarise(latencies.SelectMany(l => l).ToList(), sw.Elapsed, 0, CpuOf(null) - cpu, TimeSpan.Zero);
    }

    private static (Result FirstPass, Result Warm) Http(string baseUrl, int connections, List<(string Name, EntitySchema Schema, string? Birth)> queries, double seconds, int concurrency, int? serverPid)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var bodies = queries.Select(q => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            queries = new Dictionary<string, object>
            {
                ["q"] = new { schema = q.Schema.ToString(), properties = q.Birth is null ? (object)new { name = new[] { q.Name } } : new { name = new[] { q.Name }, birthDate = new[] { q.Birth } } },
            },
        }))).ToArray();

        // First pass: every distinct query once (the in-process run had its own); then a warm-up, as JIT and connection set-up are not what is measured.
        var (firstClient, firstServer) = (CpuOf(null), serverPid is null ? TimeSpan.Zero : CpuOf(serverPid));
        var firstWatch = Stopwatch.StartNew();
        var (firstLatencies, firstErrors) = RunLoad(client, bodies, concurrency, TimeSpan.MaxValue, onePass: true);
        var first = Summarise(firstLatencies, firstWatch.Elapsed, firstErrors, CpuOf(null) - firstClient, serverPid is null ? TimeSpan.Zero : CpuOf(serverPid) - firstServer);
        RunLoad(client, bodies, concurrency, TimeSpan.FromSeconds(2));
        var (clientCpu, serverCpu) = (CpuOf(null), serverPid is null ? TimeSpan.Zero : CpuOf(serverPid));
        var sw = Stopwatch.StartNew();
        var (latencies, errors) = RunLoad(client, bodies, concurrency, TimeSpan.FromSeconds(seconds));
        return (first, Summarise(latencies, sw.Elapsed, errors, CpuOf(null) - clientCpu, serverPid is null ? TimeSpan.Zero : CpuOf(serverPid) - serverCpu));
    }

    private static (List<double> Latencies, int Errors) RunLoad(HttpClient client, byte[][] bodies, int concurrency, TimeSpan duration, bool onePass = false)
    {
        var until = onePass ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        var all = new List<double>[concurrency];
        var tasks = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = all[w] = [];
            for (var i = w; onePass ? i < bodies.Length : Stopwatch.GetTimestamp() < until; i += concurrency)
            {
                var start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                try
                {
                    using var response = await client.PostAsync("/match/default", content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        return (all.SelectMany(l => l).ToList(), errors);
    }

    private static Result Summarise(List<double> latencies, TimeSpan elapsed, int errors, TimeSpan cpu, TimeSpan serverCpu)
    {
        latencies.Sort();
        var n = Math.Max(1, latencies.Count);
        return new Result(latencies.Count, latencies.Count / elapsed.TotalSeconds, BenchTable.Percentile(latencies, 0.50), BenchTable.Percentile(latencies, 0.99), errors,
            cpu.TotalMilliseconds / n, serverCpu.TotalMilliseconds / n);
    }

    private static void WaitReady(string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var doc = JsonDocument.Parse(client.GetStringAsync("/health").Result);
                if (doc.RootElement.GetProperty("lists_loaded").GetBoolean()) return;
            }
            catch (Exception e) when (e is HttpRequestException or AggregateException or TaskCanceledException) { }
            Thread.Sleep(250);
        }
        throw new TimeoutException($"vigil serve at {baseUrl} did not load its lists within 3 minutes.");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
