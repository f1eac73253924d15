using System.Text.Json;
using System.Text.RegularExpressions;
using HealthFuncs.Functions.Hosting.Worker;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Hosting;

/// <summary>
/// The API under the isolated worker answers as the standalone server does: the same requests, on
/// the same storage, through the worker's HTTP function and through the server's own pipeline.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WorkerHostingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    readonly HealthFuncsFactory standalone = new(azurite);
    WorkerApi worker = null!;
    string key = "";

    public async Task InitializeAsync()
    {
        key = await standalone.AddUserAsync("admin", HealthFuncs.Functions.Storage.UserRole.Admin, null);
        worker = await WorkerApi.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = standalone.TablePrefix,
            ["Auth:TrustAppServiceAuthentication"] = "false",
        });
    }

    public static TheoryData<string, string, bool, string?> Requests() => new()
    {
        { "GET", "/api/health", false, null },
        { "GET", "/api/me", true, null },
        { "GET", "/api/units?year=2021", true, null },
        { "GET", "/api/units", false, null },
        { "GET", "/api/no-such-thing", true, null },
        { "DELETE", "/api/health", false, null },
        { "POST", "/api/users", true, """{"id": """ },
        { "POST", "/api/users", true, """{"id":"x1","name":"X","role":"Nobody"}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_worker_http_function_answers_as_the_standalone_server(string method, string path, bool withKey, string? json)
    {
        var expected = await StandaloneAsync(method, path, withKey ? key : null, json);

        var actual = await worker.SendAsync(method, path, withKey ? key : null, json);

        Assert.Equal(expected with { Body = Comparable(expected.Body) }, actual with { Body = Comparable(actual.Body) });
    }

    [Fact]
    public void Under_the_host_the_servers_own_scheduler_is_off()
    {
        var options = worker.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthFuncs.Functions.Hosting.Jobs.JobOptions>>();

        Assert.False(options.Value.RunLocally);
    }

    [Fact]
    public void The_worker_built_on_the_started_api_activates_its_functions_with_the_apis_services()
    {
        using var host = FunctionsWorkerHosting.BuildWorker([], worker.Services);

        Assert.NotNull(ActivatorUtilities.CreateInstance<ApiFunction>(host.Services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<JobFunctions>(host.Services));
        Assert.Same(worker.Services.GetRequiredService<ForwardedRequestServer>(), host.Services.GetRequiredService<ForwardedRequestServer>());
    }

    [Theory]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "50051", "--workerId", "w1", "--requestId", "r1", "--grpcMaxMessageLength", "2147483647" }, true)]
    [InlineData(new[] { "--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1", "--functions-request-id", "r1" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Server:Port", "7072" }, false)]
    [InlineData(new[] { "run-job", "nightly-snapshot" }, false)]
    public void The_worker_hosting_is_chosen_only_when_the_functions_host_starts_the_program(string[] args, bool expected)
    {
        Assert.Equal(expected, FunctionsWorkerHosting.IsStartedByHost(args));
    }

    async Task<Answer> StandaloneAsync(string method, string path, string? apiKey, string? json)
    {
        var client = standalone.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("application/json");
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(),
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null);
    }

    // Trace ids differ from one request to the next; everything else must match.
    static string Comparable(string body) => TraceId().Replace(body, "\"traceId\":\"…\"");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    public async Task DisposeAsync()
    {
        await worker.DisposeAsync();
        standalone.Dispose();
    }
}
