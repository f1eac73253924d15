using System.Text;
using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Hosting.Worker;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Hosting;

/// <summary>What an HTTP answer comes to, for comparing the two hostings.</summary>
public sealed record Answer(int Status, string? ContentType, string Body, string? Allow);

/// <summary>
/// The API as the isolated worker hosts it, in process: built by <c>Program.BuildApi</c> with the
/// worker hosting (no Kestrel, no local scheduler), started, and reached only through the worker's
/// HTTP function. Each request arrives as the worker's ASP.NET Core integration hands it over: a
/// context from another container, already routed to the worker's own catch-all endpoint.
/// </summary>
public sealed class WorkerApi : IAsyncDisposable
{
    readonly WebApplication api;
    readonly ServiceProvider workerServices = new ServiceCollection().BuildServiceProvider();

    WorkerApi(WebApplication api) => this.api = api;

    public IServiceProvider Services => api.Services;

    /// <param name="settings">The same settings the standalone server under comparison has.</param>
    public static async Task<WorkerApi> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddWorkerHosting();
        var api = Program.BuildApi(builder);
        await api.StartAsync();
        return new WorkerApi(api);
    }

    public async Task<Answer> SendAsync(string method, string path, string? apiKey = null, string? json = null)
    {
        var context = new DefaultHttpContext { RequestServices = workerServices };
        context.Request.Method = method;
        var query = path.IndexOf('?');
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        context.Request.Host = new HostString("localhost");
        context.Request.Scheme = "http";
        context.Request.Headers.Accept = "application/json";
        if (apiKey is not null) context.Request.Headers["X-Api-Key"] = apiKey;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        // Kestrel, in the worker as anywhere, says whether a request can carry a body.
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(json is not null));
        var response = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(response));
        // The worker's routing has matched its fallback endpoint before the function runs.
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "worker fallback"));

        var function = ActivatorUtilities.CreateInstance<ApiFunction>(api.Services);
        await function.RunAsync(context.Request);

        return new Answer(context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(response.ToArray()), context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : null);
    }

    public async ValueTask DisposeAsync()
    {
        await api.StopAsync();
        await api.DisposeAsync();
        await workerServices.DisposeAsync();
    }

    sealed record BodyDetection(bool CanHaveBody) : IHttpRequestBodyDetectionFeature;
}
