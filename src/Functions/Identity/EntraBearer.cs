using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HealthFuncs.Functions.Identity;

/// The Microsoft Entra ID access tokens the API accepts ("Auth:Entra"). With an authority set, a request with
/// "Authorization: Bearer" is signed in by the token alone: its signature against the tenant's published keys, its
/// issuer, audience and lifetime are checked here, so the API does not depend on App Service Authentication.
public sealed class EntraOptions
{
    /// The tenant's authority, e.g. https://login.microsoftonline.com/{tenant}/v2.0 (its OpenID metadata is read from there).
    public string? Authority { get; set; }

    /// The API's identifiers a token must be issued for: "api://{client id}" and the client id itself.
    public string[] Audiences { get; set; } = [];

    /// Off only for a local issuer on loopback (the tests); Entra's metadata is always HTTPS.
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

public static class EntraBearer
{
    public const string SchemeName = "Entra";

    public static AuthenticationBuilder AddEntraBearer(this AuthenticationBuilder builder)
    {
        builder.Services.AddOptions<JwtBearerOptions>(SchemeName).Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            var entra = auth.Value.Entra;
            o.Authority = entra.Authority;
            o.RequireHttpsMetadata = entra.RequireHttpsMetadata;
            // Claims keep their token names ("oid", "preferred_username"), the ones the Users table is matched on.
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudiences = entra.Audiences, ValidateAudience = true, ValidateIssuer = true, ValidateLifetime = true,
                ClockSkew = TimeSpan.FromMinutes(2),
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
                    var ids = SignedInIdentity.IdClaimTypes.SelectMany(t => context.Principal!.FindAll(t)).Select(c => c.Value);
                    var result = await SignedInIdentity.SignInAsync(ids, users, SchemeName, context.HttpContext);
                    if (result.Succeeded) context.Principal = result.Principal;
                    else context.Fail(result.Failure!);
                },
                OnAuthenticationFailed = context =>
                {
                    // A token refused for itself (a user refusal is already recorded by OnTokenValidated).
                    if (!CallerRefusal.IsRecorded(context.HttpContext))
                        (context.Exception is SecurityTokenExpiredException ? Expired : Rejected).Fail(context.HttpContext);
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    if (await CallerRefusal.TryChallengeAsync(context.HttpContext)) context.HandleResponse();
                },
            };
        });
        return builder.AddJwtBearer(SchemeName, _ => { });
    }

    /// True when the request carries a bearer token and Entra sign-in is configured.
    public static bool Applies(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Entra.Enabled;

    private static readonly CallerRefusal Expired = new(RefusalReason.TokenExpired,
        "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.", "The sign-in has expired; sign in again.");

    private static readonly CallerRefusal Rejected = new(RefusalReason.TokenRejected,
        "Mã truy cập không dành cho HealthFuncs hoặc không hợp lệ (sai nơi cấp, đối tượng hoặc chữ ký); hãy đăng nhập lại.",
        "The access token is not valid for HealthFuncs (wrong issuer, audience or signature); sign in again.");
}
