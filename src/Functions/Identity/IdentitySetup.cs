using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace HealthFuncs.Functions.Identity;

public static class IdentitySetup
{
    public const string AdminPolicy = "Admin";
    private const string CallerScheme = "Caller";

    public static IServiceCollection AddCallerIdentity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddAuthentication(CallerScheme)
            // One default scheme that picks the right handler: an Entra access token when one is sent and Entra
            // sign-in is configured, the App Service principal when the app is configured to trust it and the
            // header is there, the API key otherwise.
            .AddPolicyScheme(CallerScheme, CallerScheme, o => o.ForwardDefaultSelector = context =>
                EntraBearer.Applies(context) ? EntraBearer.SchemeName
                : context.Request.Headers.ContainsKey(AppServiceAuthenticationHandler.Header)
                  && context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.TrustAppServiceAuthentication
                    ? AppServiceAuthenticationHandler.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddEntraBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, null);
        // AddAuthentication brings data protection, whose key ring only cookies and antiforgery tokens use.
        // This API signs nobody in with a cookie and takes no browser form posts, so the key ring is never
        // used and its start-up notices about where keys are kept only alarm whoever reads the log.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        services.AddSingleton<IAuthorizationHandler, UnitAccessHandler>();
        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in caller unless it says AllowAnonymous (health, OpenAPI).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(Storage.UserRole.Admin)));
        return services;
    }

    /// <summary>
    /// Leaves out the data protection key ring's load at start-up. Data protection comes with authentication, and its
    /// hosted service reads and decrypts the key ring before the server takes its first request; this API signs nobody
    /// in with a cookie and takes no form posts, so no request uses the ring. Were one to, it would load on that use.
    /// Called last, after every registration that could bring data protection in again.
    /// </summary>
    public static IServiceCollection SkipKeyRingLoadAtStart(this IServiceCollection services)
    {
        // The hosted service is internal to ASP.NET Core: it is known by its name. Renamed, it would simply stay.
        foreach (var loader in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(loader);
        return services;
    }
}
