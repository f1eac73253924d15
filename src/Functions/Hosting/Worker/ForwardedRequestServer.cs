using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace HealthFuncs.Functions.Hosting.Worker;

/// <summary>
/// The API's server under the Functions host, in place of Kestrel: it opens no socket, and the
/// worker's HTTP function hands it each request the host forwarded. The request then goes through
/// the API's own hosting pipeline (request services, routing, authentication, endpoint filters,
/// ProblemDetails), exactly as a request Kestrel accepted would. Like TestServer or the AWS Lambda
/// hosting, this swaps only the transport.
/// </summary>
public sealed class ForwardedRequestServer : IServer
{
    Func<IFeatureCollection, Task>? process;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        process = async features =>
        {
            var context = application.CreateContext(features);
            Exception? error = null;
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception caught)
            {
                error = caught;
                throw;
            }
            finally
            {
                application.DisposeContext(context, error);
            }
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the API pipeline on the worker's request: its connection, request and response features
    /// (the host's forwarded request, the worker's response), without what the worker's own pipeline
    /// attached to it. Its matched endpoint would make the API's routing skip matching, and its request
    /// services are the worker's container, not the API's.
    /// </summary>
    public Task ProcessAsync(HttpContext forwarded)
    {
        var run = process ?? throw new InvalidOperationException("The API has not been started; no request can be handed to it.");
        var features = new FeatureCollection();
        foreach (var (type, feature) in forwarded.Features)
        {
            if (!WorkerPipelineFeatures.Contains(type))
            {
                features[type] = feature;
            }
        }

        return run(features);
    }

    static readonly HashSet<Type> WorkerPipelineFeatures =
    [
        typeof(IServiceProvidersFeature),
        typeof(IEndpointFeature),
        typeof(IRouteValuesFeature),
        typeof(Microsoft.AspNetCore.Routing.IRoutingFeature),
        typeof(IItemsFeature),
        typeof(IHttpAuthenticationFeature),
        typeof(IQueryFeature),
        typeof(IFormFeature),
        typeof(IRequestCookiesFeature),
        typeof(IResponseCookiesFeature),
    ];

    public Task StopAsync(CancellationToken cancellationToken)
    {
        process = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
