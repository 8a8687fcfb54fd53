using Vigil.Cli;

return VigilCommandLine.Build().Parse(args).Invoke();
