using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFuncs.Functions.Hosting.Worker;

/// <summary>
/// The one HTTP function: every method on every path under the host's "api" prefix. The host
/// forwards the request unchanged (path included) to the worker, and the function hands it to the
/// API pipeline, which routes, authenticates and answers it; no endpoint is declared twice.
/// </summary>
public sealed class ApiFunction(ForwardedRequestServer server)
{
    public const string Name = "api";
    public const string Route = "{*path}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        // The API checks its callers itself (App Service Authentication in front, API keys locally);
        // a function key would be a second secret for every client to carry.
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = Route)] HttpRequest request)
    {
        await server.ProcessAsync(request.HttpContext);
        // The API pipeline has written the whole response already.
        return new EmptyResult();
    }
}
