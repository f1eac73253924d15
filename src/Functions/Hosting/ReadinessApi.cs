using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Hosting;

// GET /api/health/ready   200 {status:"ready", storage:"ok"} when storage answers, else 503 with Retry-After
public static class ReadinessApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static RouteGroupBuilder MapReadiness(this RouteGroupBuilder api)
    {
        api.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("Health").WithSummary("Whether the server reaches its storage (503 when not)");
        return api;
    }

    private static async Task<IResult> ReadyAsync(StorageAccount storage, HttpContext http, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await storage.ProbeAsync(timeout.Token);
            return TypedResults.Ok(new { status = "ready", storage = "ok" });
        }
        catch (Exception e) when (StorageOutage.Is(e, cancellationToken))
        {
            logs.CreateLogger("Readiness").LogWarning(e, "Storage is not reachable");
            http.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(new { status = "not ready", storage = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
