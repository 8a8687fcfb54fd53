using Vigil.Cli;

try
{
    return VigilCommandLine.Build().Parse(args).Invoke();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
{
    // Expected failures of the outside world (a file vanished, a disk is full, a permission is missing):
    // say what happened in one line instead of a stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
