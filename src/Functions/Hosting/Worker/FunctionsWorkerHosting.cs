using HealthFuncs.Functions.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker.Builder;

namespace HealthFuncs.Functions.Hosting.Worker;

/// <summary>
/// The program under the Azure Functions host, as an isolated worker. The host starts it with the
/// worker's gRPC arguments; the API is built exactly as for the standalone server, with
/// <see cref="ForwardedRequestServer"/> in place of Kestrel, and the worker (ASP.NET Core
/// integration) hands it every HTTP request through <see cref="ApiFunction"/>. The timers run the
/// same job code through <see cref="JobFunctions"/>.
/// </summary>
public static class FunctionsWorkerHosting
{
    // The worker's identity, which only the host gives: older hosts pass --workerId with --host and
    // --port, newer ones --functions-worker-id with --functions-uri (both read by the worker SDK).
    static readonly string[] WorkerIdArguments = ["--workerId", "--functions-worker-id"];

    public static bool IsStartedByHost(string[] args) =>
        args.Any(arg => WorkerIdArguments.Contains(arg.Split('=')[0], StringComparer.OrdinalIgnoreCase))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Functions__Worker__WorkerId"));

    /// <param name="buildApi">Builds the API on the builder it is given, as the standalone server does.</param>
    public static async Task<int> RunAsync(string[] args, Func<WebApplicationBuilder, WebApplication> buildApi)
    {
        var apiBuilder = WebApplication.CreateBuilder(args);
        apiBuilder.AddWorkerHosting();
        await using var api = buildApi(apiBuilder);
        await api.StartAsync();
        try
        {
            using var worker = BuildWorker(args, api.Services);
            await worker.RunAsync();
        }
        finally
        {
            await api.StopAsync();
        }

        return 0;
    }

    /// <summary>The worker, sharing the started API's request server and job runner.</summary>
    public static IHost BuildWorker(string[] args, IServiceProvider api)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddWorkerTelemetry(builder.Configuration);
        builder.Services.AddSingleton(api.GetRequiredService<ForwardedRequestServer>());
        builder.Services.AddSingleton(api.GetRequiredService<JobRunner>());
        builder.Services.AddSingleton(api.GetRequiredService<JobCatalog>());
        builder.Services.AddSingleton(api.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton<HostTimerRuns>();
        return builder.Build();
    }
}
