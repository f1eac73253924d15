using System.Text.Json;
using System.Text.Json.Nodes;
using HealthFuncs.Functions.Hosting.Jobs;

namespace HealthFuncs.Functions.Hosting.Timers;

/// <summary>Marks the endpoints that receive timer invocations, so they are not published as HTTP functions.</summary>
public sealed record TimerFunctionMetadata(string JobName, string FunctionName);

/// <summary>
/// <c>POST /{FunctionName}</c> for each scheduled job: the route the Functions host calls on its
/// custom handler when the job's timer fires. The answer is the custom-handler response shape
/// <c>{"Outputs":{},"Logs":[...],"ReturnValue":...}</c>; a failed job answers 500 so the host
/// records the invocation as failed. These routes sit outside <c>/api</c>, where no HTTP function
/// forwards, so only the host on loopback can reach them.
/// </summary>
public static class TimerFunctionsApi
{
    public static IEndpointRouteBuilder MapTimerFunctions(this IEndpointRouteBuilder app)
    {
        var catalog = app.ServiceProvider.GetRequiredService<JobCatalog>();
        foreach (var entry in catalog.Entries)
        {
            app.MapPost("/" + entry.FunctionName, (HttpRequest request, JobRunner runner, TimeProvider clock, CancellationToken cancellationToken) =>
                    InvokeAsync(entry, request, runner, clock, cancellationToken))
                .WithMetadata(new TimerFunctionMetadata(entry.Name, entry.FunctionName))
                .ExcludeFromDescription()
                .AllowAnonymous();
        }

        return app;
    }

    static async Task<IResult> InvokeAsync(JobEntry entry, HttpRequest request, JobRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        TimerInvocation invocation;
        try
        {
            using var payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            invocation = TimerInvocation.Parse(payload.RootElement);
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            return Answer(400, [$"Error: the timer invocation for {entry.FunctionName} is not a valid payload: {error.Message}"], null);
        }

        var report = await runner.RunAsync(entry.Name, invocation.ToRun(entry.Schedule, clock.GetUtcNow()), cancellationToken);
        var logs = report.Logs.Prepend($"Information: invoked by the timer ({invocation.Describe()}); the time run is the server's.").ToList();
        return report.Result is { } result
            ? Answer(200, logs, new JsonObject { ["outcome"] = result.Outcome.ToString(), ["summary"] = result.Summary })
            : Answer(500, logs, null);
    }

    static IResult Answer(int status, IReadOnlyList<string> logs, JsonNode? returnValue)
    {
        var body = new JsonObject
        {
            ["Outputs"] = new JsonObject(),
            ["Logs"] = new JsonArray(logs.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
            ["ReturnValue"] = returnValue,
        };
        return Results.Content(body.ToJsonString(), "application/json", statusCode: status);
    }
}
