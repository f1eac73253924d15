using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// Starts the published app with no Functions host, as an operator on a machine without Core Tools
/// would: it is the standalone server, and everything it serves under /api is what the package's
/// one HTTP function ("api/{*path}", every method) forwards to it under the host.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class PublishedServerTests(PublishedApp app)
{
    [Fact]
    public async Task Published_app_run_alone_serves_the_api_and_every_documented_operation_lies_under_the_http_functions_prefix()
    {
        await using var server = await StartAsync();

        var response = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/health", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/addin/taskpane.html")).StatusCode);
    }

    [Fact]
    public async Task Published_app_started_with_the_workers_arguments_is_the_isolated_worker_calling_the_functions_host()
    {
        // Stands in for the Functions host's gRPC endpoint: the worker must open an HTTP/2 connection to it.
        using var host = new TcpListener(IPAddress.Loopback, 0);
        host.Start();
        var hostPort = ((IPEndPoint)host.LocalEndpoint).Port;
        var localPort = Azurite.FreePort();
        await using var storage = await Azurite.StartAsync();
        var start = new ProcessStartInfo(Path.Combine(app.Folder, "HealthFuncs.Functions"))
        {
            WorkingDirectory = app.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--functions-uri", $"http://127.0.0.1:{hostPort}/", "--functions-worker-id", "w1", "--functions-request-id", "r1", "--functions-grpc-max-message-length", "2147483647" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["Storage__ConnectionString"] = storage.ConnectionString;
        start.Environment["Server__Port"] = localPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            using var connection = await host.AcceptTcpClientAsync(limit.Token);
            var preface = new byte[24];
            await connection.GetStream().ReadExactlyAsync(preface, limit.Token);

            Assert.Equal("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", Encoding.ASCII.GetString(preface));
            // Not the standalone server: nothing listens on the local port.
            using var local = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => local.ConnectAsync(IPAddress.Loopback, localPort, limit.Token).AsTask());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    async Task<RunningServer> StartAsync()
    {
        var storage = await Azurite.StartAsync();
        var port = Azurite.FreePort();
        var start = new ProcessStartInfo(Path.Combine(app.Folder, "HealthFuncs.Functions"))
        {
            WorkingDirectory = app.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Server__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Jobs__RunLocally"] = "false";
        start.Environment["Storage__ConnectionString"] = storage.ConnectionString;
        var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (process.HasExited)
            {
                await storage.DisposeAsync();
                Assert.Fail("the published server exited:\n" + log);
            }

            try
            {
                if ((await client.GetAsync("/api/health", limit.Token)).IsSuccessStatusCode)
                {
                    return new RunningServer(process, client, storage);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (limit.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                await storage.DisposeAsync();
                Assert.Fail($"the published server did not answer on port {port} within a minute:\n{log}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    sealed record RunningServer(Process Process, HttpClient Client, Azurite Storage) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
            await Storage.DisposeAsync();
        }
    }
}
