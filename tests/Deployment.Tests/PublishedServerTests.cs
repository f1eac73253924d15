using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// Starts the published executable the way the Functions host does (FUNCTIONS_CUSTOMHANDLER_PORT,
/// working folder = app root) and checks that what function.json declares is what the server serves.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed partial class PublishedServerTests(PublishedApp app)
{
    [Fact]
    public async Task Published_server_serves_every_http_function_route_and_every_timer_route()
    {
        await using var server = await StartAsync();
        var functions = Directory.EnumerateDirectories(app.Folder)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Select(folder => (Name: Path.GetFileName(folder), Trigger: JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json"))).RootElement.GetProperty("bindings")[0]))
            .ToList();

        foreach (var (name, trigger) in functions)
        {
            if (trigger.GetProperty("type").GetString() == "timerTrigger")
            {
                // The host posts timer invocations to /{FunctionName}; an empty payload is refused
                // by the job's route (400), which a missing route would answer with 404.
                var timer = await server.Client.PostAsync("/" + name, new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(timer.StatusCode == HttpStatusCode.BadRequest, $"{name}: POST /{name} answered {(int)timer.StatusCode}");
                continue;
            }

            var route = trigger.GetProperty("route").GetString()!;
            foreach (var method in trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))
            {
                var path = "/api/" + Sample(route);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await server.Client.SendAsync(request);
                // The host forwards the request unchanged: the server must have an endpoint for it.
                // Endpoints may refuse the sample (401, 400, 404 ProblemDetails for an unknown unit),
                // but routing itself must match: no 405, and no bare 404 without a body.
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode != HttpStatusCode.MethodNotAllowed, $"{name}: {method} {path} → 405");
                Assert.False(response.StatusCode == HttpStatusCode.NotFound && body.Length == 0, $"{name}: {method} {path} matched no endpoint");
            }
        }

        var health = await server.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Every_operation_of_the_servers_openapi_document_is_published_as_a_function()
    {
        await using var server = await StartAsync();
        var document = await server.Client.GetAsync("/openapi/v1.json");
        if (document.StatusCode == HttpStatusCode.NotFound)
        {
            // The API maps its OpenAPI document in development builds only, or not yet: nothing to compare.
            return;
        }

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var published = Directory.EnumerateDirectories(app.Folder)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Select(folder => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json"))).RootElement.GetProperty("bindings")[0])
            .Where(trigger => trigger.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(trigger => trigger.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} /api/{Plain(trigger.GetProperty("route").GetString()!)}"))
            .ToHashSet();
        using var openApi = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        foreach (var path in openApi.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                Assert.Contains($"{operation.Name.ToUpperInvariant()} {Plain(path.Name)}", published);
            }
        }
    }

    // "units/{unit}/periods/{period:regex(...)}/values" → a concrete path the route accepts.
    static string Sample(string route) => Parameter().Replace(route, match =>
    {
        var text = match.Groups["body"].Value;
        var name = text.TrimStart('*').Split(':', '?', '=')[0];
        return text switch
        {
            _ when text.StartsWith('*') => "taskpane.html",
            _ when text.Contains(":int") || text.Contains(":long") => "1",
            _ when name.Equals("year", StringComparison.OrdinalIgnoreCase) => "2021",
            _ when name.Equals("period", StringComparison.OrdinalIgnoreCase) => "2021",
            _ when name.Equals("unit", StringComparison.OrdinalIgnoreCase) => "SD",
            _ => "x",
        };
    });

    // Route templates and OpenAPI paths compared by their parameter names alone.
    static string Plain(string route) => Parameter().Replace(route, m => "{" + m.Groups["body"].Value.TrimStart('*').Split(':', '?', '=')[0] + "}");

    [GeneratedRegex(@"\{(?<body>[^{}]+)\}")]
    private static partial Regex Parameter();

    async Task<RunningServer> StartAsync()
    {
        var port = FreePort();
        var relative = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, "host.json"))).RootElement
            .GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var start = new ProcessStartInfo(Path.Combine(app.Folder, relative))
        {
            WorkingDirectory = app.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Jobs__RunLocally"] = "false";
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
            Assert.False(process.HasExited, "the published server exited:\n" + log);
            try
            {
                if ((await client.GetAsync("/api/health", limit.Token)).IsSuccessStatusCode)
                {
                    return new RunningServer(process, client);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (limit.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the published server did not answer on port {port} within a minute:\n{log}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed record RunningServer(Process Process, HttpClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }
}
