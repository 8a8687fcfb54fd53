using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand("Vigil: a sanctions-monitoring workbench for multilingual open-source reporting.");
// One file per command under Commands/; each registers here with one line.
root.Subcommands.Add(EvalCommand.Create());
return root.Parse(args).Invoke();
