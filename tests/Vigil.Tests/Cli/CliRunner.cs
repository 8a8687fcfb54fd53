using Vigil.Cli;

namespace Vigil.Tests.Cli;

/// <summary>Runs the real `vigil` command tree in-process, capturing what it prints.</summary>
public static class CliRunner
{
    private static readonly Lock ConsoleLock = new();

    public sealed record Outcome(int ExitCode, string Out, string Err);

    public static Outcome Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                var code = VigilCommandLine.Build().Parse(args).Invoke();
                return new Outcome(code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
