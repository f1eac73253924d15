using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Hosting.Worker;
using Microsoft.AspNetCore.Hosting.Server;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// The two hostings of the one program. Run alone it is a Kestrel server with its own job
/// scheduler and the operators' command line; started by the Functions host, the same API
/// pipeline is served through the isolated worker (<see cref="FunctionsWorkerHosting"/>).
/// </summary>
public static class HostingExtensions
{
    /// <summary>Running alone: the listening address, the scheduled-job machinery and the operator commands.</summary>
    public static WebApplicationBuilder AddStandaloneHosting(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls(LocalServer.ListenUrl(builder.Configuration));
        builder.Services.AddScheduledJobs();
        builder.Services.AddOperatorCommand<RunJobCommand>();
        builder.Services.AddOperatorCommand<ExportCommand>();
        return builder;
    }

    /// <summary>
    /// Under the Functions host: no listening socket of its own (the worker's HTTP function hands
    /// requests in) and no local scheduler (the host's timers fire the jobs).
    /// </summary>
    public static WebApplicationBuilder AddWorkerHosting(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection([new("Jobs:RunLocally", "false")]);
        builder.Services.AddScheduledJobs();
        builder.Services.AddSingleton<ForwardedRequestServer>();
        builder.Services.AddSingleton<IServer>(services => services.GetRequiredService<ForwardedRequestServer>());
        return builder;
    }

    /// <summary>Endpoints outside the API groups: the add-in's static files.</summary>
    public static WebApplication MapHostingEndpoints(this WebApplication app)
    {
        app.MapAddinFiles();
        return app;
    }
}
