using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Jobs;
using HealthFuncs.Functions.Lookup;
using HealthFuncs.Functions.OpenApi;
using HealthFuncs.Functions.Periods;
using HealthFuncs.Functions.Seeding;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Reports;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Targets;
using HealthFuncs.Functions.Units;
using HealthFuncs.Functions.Hosting.Worker;
using HealthFuncs.Functions.Workflow;

// One app, two hostings: started by the Functions host it is an isolated worker serving this same
// API; otherwise it is the standalone server (or an operator command).
if (FunctionsWorkerHosting.IsStartedByHost(args))
{
    return await FunctionsWorkerHosting.RunAsync(args, Program.BuildApi);
}

// Settings (appsettings.json) are read beside the app, wherever it is started from (start.sh starts it from the repository).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddStandaloneHosting();
builder.Services.AddOperatorCommand<SeedCommand>();
return await Program.BuildApi(builder).RunOrExecuteAsync(args);

public partial class Program
{
    /// <summary>The API itself, the same under both hostings: services, middleware and endpoints.</summary>
    public static WebApplication BuildApi(WebApplicationBuilder builder)
    {
        builder.Services.AddHealthFuncsProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Vietnamese stays readable in responses (curl, logs); the API never writes into HTML.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        // Malformed JSON reaches the exception handler, which names the field it failed on.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHealthFuncsOpenApi();
        builder.Services.AddStorage();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddCallerIdentity();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();
        builder.Services.AddReportExports();
        builder.Services.AddWorkflow();
        builder.Services.SkipKeyRingLoadAtStart();

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseReadAhead();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api");
        // Liveness: the process answers; no storage call, so a probe never adds load or waits on storage.
        api.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok"))).AllowAnonymous().WithSummary("Whether the server answers (no storage call)");
        api.MapReadiness();
        api.MapUsers();
        api.MapUnits();
        api.MapIndicators();
        api.MapIndicatorSets();
        api.MapIndicatorAdmin();
        api.MapUnitAdmin();
        api.MapPlanImport();
        api.MapCatalogWorkbook();
        api.MapPeriods();
        api.MapTargets();
        api.MapValues();
        api.MapAttainment();
        api.MapLookup();
        api.MapAudit();
        api.MapReports();
        api.MapWorkflow();
        api.MapSummaries();
        app.MapHostingEndpoints();
        EndpointsBuiltOnce.Apply(app);
        return app;
    }
}
