using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// A real Azurite (the repository's npm install) on free loopback ports with in-memory data, for
/// the published server to start against: parts of the server prepare their storage at start.
/// </summary>
sealed class Azurite : IAsyncDisposable
{
    // Azurite's fixed, publicly documented development account key.
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;
    readonly string folder;

    Azurite(Process process, string folder, string connectionString)
    {
        this.process = process;
        this.folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync()
    {
        var executable = Path.Combine(Repository.Root, "node_modules", ".bin", "azurite");
        Assert.True(File.Exists(executable), $"{executable} is missing: run 'npm ci' at the repository root.");
        var folder = Directory.CreateTempSubdirectory("healthfuncs-azurite-").FullName;
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, folder,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;");
        foreach (var port in new[] { blob, queue, table })
        {
            await azurite.WaitForAsync(port);
        }

        return azurite;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task WaitForAsync(int port)
    {
        // A startup wait with a generous bound, so a broken install fails clearly instead of hanging.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            Assert.False(process.HasExited, $"Azurite exited with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, limit.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
