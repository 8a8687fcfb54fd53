namespace Vigil.Server;

/// <summary>Entry point when the server runs on its own (`dotnet Vigil.Server.dll`); `vigil serve` is the usual way.</summary>
public sealed class Program
{
    public static void Main(string[] args) => VigilServer.Build(args).Run();
}
