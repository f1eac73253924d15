using Microsoft.Extensions.Primitives;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// An endpoint source whose endpoints are built once and then handed to every reader. ASP.NET Core's minimal API
/// sources build their endpoints again on each read (reflecting over every handler and compiling its request
/// delegate), and two readers come before the first answer: the authorization middleware's policy cache while the
/// pipeline is built, and the routing matcher on the first request. Building them once saves the second build, a
/// quarter of a second at start. The endpoints are built again only when the inner source says they changed, as
/// a source whose routes can change would; the mapped routes of this API never do.
/// </summary>
sealed class EndpointsBuiltOnce(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lock _lock = new();
    private (IReadOnlyList<Endpoint> Endpoints, IChangeToken Changed)? _built;

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_lock)
            {
                if (_built is not { Changed.HasChanged: false } built)
                {
                    // The token is taken before the read, so a change during the read is not missed.
                    var changed = inner.GetChangeToken();
                    built = (inner.Endpoints, changed);
                    _built = built;
                }
                return built.Endpoints;
            }
        }
    }

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();

    /// <summary>Puts every endpoint source of the app behind one that builds its endpoints once. Called after the last Map.</summary>
    public static void Apply(IEndpointRouteBuilder app)
    {
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources) app.DataSources.Add(source as EndpointsBuiltOnce ?? new EndpointsBuiltOnce(source));
    }
}
