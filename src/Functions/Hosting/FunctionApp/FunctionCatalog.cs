using System.Text.Json.Nodes;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Hosting.Timers;

namespace HealthFuncs.Functions.Hosting.FunctionApp;

/// <summary>One function of the published app: its folder name and its function.json.</summary>
public sealed record FunctionDefinition(string Name, FunctionTrigger Trigger, string RouteOrSchedule, IReadOnlyList<string> Methods)
{
    public const string TimerBinding = TimerInvocation.BindingName;

    public JsonObject ToFunctionJson() => Trigger switch
    {
        FunctionTrigger.Http => new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    // The API checks its callers itself (App Service Authentication in front, API keys locally);
                    // a function key would be a second secret for every client to carry.
                    ["authLevel"] = "anonymous",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["methods"] = new JsonArray(Methods.Select(m => (JsonNode?)JsonValue.Create(m.ToLowerInvariant())).ToArray()),
                    ["route"] = RouteOrSchedule,
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
        },
        FunctionTrigger.Timer => new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject { ["type"] = "timerTrigger", ["direction"] = "in", ["name"] = TimerBinding, ["schedule"] = RouteOrSchedule }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(Trigger), Trigger, null),
    };
}

public enum FunctionTrigger
{
    Http,
    Timer,
}

/// <summary>
/// The functions the published app declares, read from the server's own registrations: every
/// routed endpoint under "/api" becomes an HTTP function, every scheduled job a timer function.
/// Because the list comes from the running code, function.json cannot drift from the server.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> From(IEnumerable<EndpointDataSource> sources, IEnumerable<JobEntry> jobs)
    {
        var http = sources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<TimerFunctionMetadata>() is null)
            .Select(endpoint => (endpoint, methods: Methods(endpoint)))
            .Select(e => FunctionRoutes.TryTranslate(e.endpoint.RoutePattern, out var route) ? (route, e.methods) : default)
            .Where(e => e.route is not null)
            .Distinct()
            .OrderBy(e => e.route, StringComparer.Ordinal)
            .ThenBy(e => string.Join(',', e.methods), StringComparer.Ordinal)
            .Select(e => new FunctionDefinition(FunctionNames.ForHttp(e.methods, e.route), FunctionTrigger.Http, e.route, e.methods));

        var timers = jobs.Select(job => new FunctionDefinition(job.FunctionName, FunctionTrigger.Timer, job.Schedule.Text, []));
        return Unique(http.Concat(timers));
    }

    static string[] Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Select(m => m.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray() ?? [];

    // Two routes that differ only in characters a name cannot hold ("a.b" and "a_b") would share a
    // name; the later one, in the stable order above, gets a numbered suffix.
    static List<FunctionDefinition> Unique(IEnumerable<FunctionDefinition> definitions)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<FunctionDefinition>();
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{definition.Name}_{n}";
            }

            unique.Add(definition with { Name = name });
        }

        return unique;
    }
}
