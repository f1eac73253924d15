using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// A real Azurite (the repository's npm install) on free ports of 127.0.0.1, data in memory (its working
/// folder is a temp directory), started once
/// for every test class of the "Azurite" collection and stopped at the end. Tests keep apart by
/// table prefix, not by emulator. <see cref="RestartableAzurite"/> keeps its data on disk instead, so it
/// can be stopped and started again on the same data.
public class AzuriteFixture : IAsyncLifetime
{
    // Azurite's fixed, publicly documented development account.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly string _location = Path.Combine(Path.GetTempPath(), "hf-azurite-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "HealthFuncs.sln"))) return dir.FullName;
            throw new InvalidOperationException("HealthFuncs.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private int _blob, _queue, _table;

    /// False: the data is kept in the working folder, and survives a restart.
    protected virtual bool InMemory => true;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_location);
        (_blob, _queue, _table) = (FreePort(), FreePort(), FreePort());
        await StartAsync();
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{_table}/devstoreaccount1;";
    }

    /// Starts Azurite on the fixture's ports and folder (again, after <see cref="StopAsync"/>); nothing when it runs.
    protected async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        var azurite = Path.Combine(RepositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) throw new InvalidOperationException($"{azurite} is missing: run 'npm ci' at the repository root.");
        int blob = _blob, queue = _queue, table = _table;
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = _location,
        };
        foreach (var arg in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        }) start.ArgumentList.Add(arg);
        foreach (var arg in InMemory ? ["--inMemoryPersistence"] : new[] { "--location", _location }) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        foreach (var port in new[] { blob, table }) await WaitForAsync(port);
    }

    /// Stops Azurite the way a service stops (SIGTERM: it saves its data), or kills it after a bound.
    protected async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await process.WaitForExitAsync(bound.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        process.Dispose();
        _process = null;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForAsync(int port)
    {
        // Startup wait, not a timed assertion: give up after a generous bound so a broken install fails clearly.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {_output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"Azurite did not listen on port {port}.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// An Azurite of its own whose data lives on disk, for tests that stop storage and start it again on the
/// same data while the server is running.
public sealed class RestartableAzurite : AzuriteFixture
{
    protected override bool InMemory => false;

    public new Task StopAsync() => base.StopAsync();

    public new Task StartAsync() => base.StartAsync();
}
