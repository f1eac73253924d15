using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HealthFuncs.Functions.Hosting;

/// X-Forwarded-For is believed only from the proxies listed in "ForwardedHeaders:KnownProxies" (IP addresses;
/// none by default, and no networks: the framework's default trust of loopback is removed). Behind the
/// Functions host, which forwards from loopback, list 127.0.0.1 and ::1 there. The audit's "from" is then the
/// connection's address as the middleware leaves it: a client can no longer write someone else's address into it.
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no proxy listed the middleware would trust every sender, so then it reads no header at all.
            o.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            // Every listed proxy in the chain is walked back, so the address recorded is the first one nobody vouches for.
            o.ForwardLimit = null;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section} holds '{proxy}', which is not an IP address."));
        });
        return services;
    }
}
