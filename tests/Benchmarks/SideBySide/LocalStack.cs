using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>
/// Azurite from the repository's node_modules and the built server dll, on free loopback ports, with their data in
/// a temporary folder: the bench never touches a developer's .azurite/ or a running server.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    // Azurite's fixed, publicly documented development account key.
    private const string Account = "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly List<Process> _processes = [];

    private LocalStack(string root, string folder, string connectionString)
    {
        Root = root;
        Folder = folder;
        ConnectionString = connectionString;
    }

    public string Root { get; }
    public string Folder { get; }
    public string ConnectionString { get; }
    public string ServerDll => Path.Combine(Root, "src", "Functions", "bin", "Release", "net10.0", "HealthFuncs.Functions.dll");

    public static async Task<LocalStack> StartAsync(string root)
    {
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) throw new InvalidOperationException($"{azurite} is missing: run 'npm ci' at the repository root.");
        var folder = Directory.CreateTempSubdirectory("healthfuncs-bench-").FullName;
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var stack = new LocalStack(root, folder,
            $"DefaultEndpointsProtocol=http;{Account};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;");
        var data = Directory.CreateDirectory(Path.Combine(folder, "azurite")).FullName;
        stack.Start(azurite, ["--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", data,
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}"], []);
        foreach (var port in new[] { blob, queue, table }) await WaitForPortAsync(port);
        return stack;
    }

    /// <summary>The server's environment: this Azurite, the given port, the 2021 plans' locks pushed out as start.sh does.</summary>
    public Dictionary<string, string> ServerEnvironment(int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = ConnectionString, ["Server__Port"] = $"{port}", ["Jobs__RunLocally"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development", ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var level in new[] { "Province", "District", "Commune", "Facility" })
        {
            environment[$"Workflow__Levels__{level}__DeadlineWorkingDays"] = "10";
            environment[$"Workflow__Levels__{level}__LockWorkingDays"] = "100000";
        }
        return environment;
    }

    /// <summary>Runs an operator command of the server (seed) to its end.</summary>
    public async Task RunCommandAsync(params string[] arguments)
    {
        var process = Start("dotnet", [ServerDll, .. arguments], ServerEnvironment(FreePort()));
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with {process.ExitCode}");
        _processes.Remove(process);
    }

    /// <summary>Starts the server on a free port; stopped by <see cref="Stop"/> or at disposal.</summary>
    public (Process Process, Uri Address) StartServer()
    {
        var port = FreePort();
        return (Start("dotnet", [ServerDll], ServerEnvironment(port)), new Uri($"http://127.0.0.1:{port}"));
    }

    public void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        _processes.Remove(process);
        process.Dispose();
    }

    private Process Start(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"  [{Path.GetFileName(file)}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, limit.Token);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes.ToList()) Stop(process);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* Azurite may still hold a file; the temp folder is the OS's to clear. */ }
        return ValueTask.CompletedTask;
    }
}
