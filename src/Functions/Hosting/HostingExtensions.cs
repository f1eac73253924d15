using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Hosting.Timers;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// Everything that lets the one program run as the Azure Functions custom handler, as a server on
/// its own, and as the operators' command line. Program.cs calls the three methods below.
/// </summary>
public static class HostingExtensions
{
    /// <summary>The listening address, the scheduled-job machinery and the operator commands.</summary>
    public static WebApplicationBuilder AddCustomHandlerHosting(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls(CustomHandler.ListenUrl(builder.Configuration));
        builder.Services.AddScheduledJobs();
        builder.Services.AddOperatorCommand<RunJobCommand>();
        builder.Services.AddOperatorCommand<ExportCommand>();
        builder.Services.AddOperatorCommand<PublishFunctionsCommand>();
        return builder;
    }

    /// <summary>The timer invocation routes and the add-in's static files.</summary>
    public static WebApplication MapCustomHandlerEndpoints(this WebApplication app)
    {
        app.MapTimerFunctions();
        app.MapAddinFiles();
        return app;
    }
}
