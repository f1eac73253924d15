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
}
