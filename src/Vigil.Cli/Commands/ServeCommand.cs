using System.CommandLine;
using Vigil.Server;

namespace Vigil.Cli.Commands;

/// <summary>`vigil serve`: the REST API, yente-compatible matching and the web UI, on localhost by default.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on, ';'-separated (default {DefaultUrls}). Anything beyond loopback needs --api-key for writes.", DefaultValueFactory = _ => DefaultUrls };
        var apiKey = new Option<string?>("--api-key") { Description = "Key that write requests must send in X-Api-Key (default: $VIGIL_API_KEY)." };
        var worker = new Option<bool>("--worker") { Description = "Run a job worker inside the server (default true; false leaves jobs to `vigil worker`).", DefaultValueFactory = _ => true };
        var command = new Command("serve", "Serve the REST API (with yente-compatible /match), the OpenAPI document and the web UI.") { db, lists, urls, apiKey, worker };
        command.SetAction(parse =>
        {
            var args = new List<string>
            {
                "--urls", parse.GetValue(urls)!,
                "--Vigil:Db", parse.GetValue(db)!,
                "--Vigil:Worker", parse.GetValue(worker) ? "true" : "false",
            };
            if (parse.GetValue(lists) is { } l) args.AddRange(["--Vigil:Lists", l]);
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("VIGIL_API_KEY");
            if (!string.IsNullOrEmpty(key)) args.AddRange(["--Vigil:ApiKey", key]);
            VigilServer.Build([.. args]).Run();
            return 0;
        });
        return command;
    }
}
