using System.Diagnostics;
using System.Net;
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
    public async Task Published_server_serves_every_declared_function()
    {
        await using var server = await StartAsync();
        var documented = await DocumentedOperationsAsync(server);

        foreach (var (name, trigger) in Functions())
        {
            if (trigger.GetProperty("type").GetString() == "timerTrigger")
            {
                // The host posts timer invocations to /{FunctionName}; an empty payload is refused
                // by the job's route (400) without running the job, where a missing route answers 404.
                var timer = await server.Client.PostAsync("/" + name, new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(timer.StatusCode == HttpStatusCode.BadRequest, $"{name}: POST /{name} answered {(int)timer.StatusCode}");
                continue;
            }

            var route = trigger.GetProperty("route").GetString()!;
            foreach (var method in trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))
            {
                if (documented.Contains($"{method} {Plain(route)}"))
                {
                    continue;
                }

                // Not in the API description (the add-in's files): ask the server itself. The host
                // forwards the request unchanged, so the server must route it: no 405, and no 404
                // of an unknown route (those carry no detail; the server's own 404s say what is missing).
                var path = "/api/" + Sample(route);
                var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode != HttpStatusCode.MethodNotAllowed, $"{name}: {method} {path} → 405");
                Assert.False(response.StatusCode == HttpStatusCode.NotFound && !body.Contains("\"detail\""), $"{name}: {method} {path} matched no endpoint: {body}");
            }
        }
    }

    [Fact]
    public async Task Every_operation_of_the_servers_openapi_document_is_published_as_a_function()
    {
        await using var server = await StartAsync();
        var documented = await DocumentedOperationsAsync(server);
        var published = Functions()
            .Select(f => f.Trigger)
            .Where(trigger => trigger.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(trigger => trigger.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} {Plain(trigger.GetProperty("route").GetString()!)}"))
            .ToHashSet();

        Assert.Contains("GET health", documented);
        Assert.All(documented, operation => Assert.Contains(operation, published));
    }

    IEnumerable<(string Name, JsonElement Trigger)> Functions() =>
        Directory.EnumerateDirectories(app.Folder)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(folder => (Path.GetFileName(folder), JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json"))).RootElement.GetProperty("bindings")[0]));

    // "GET units/{unit}/targets" for every operation under /api in the server's OpenAPI document.
    static async Task<HashSet<string>> DocumentedOperationsAsync(RunningServer server)
    {
        var response = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => $"{o.Name.ToUpperInvariant()} {Plain(path.Name["/api/".Length..])}"))
            .ToHashSet();
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
        var storage = await Azurite.StartAsync();
        var port = Azurite.FreePort();
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
