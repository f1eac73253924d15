using System.Text.Encodings.Web;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Identity;

/// Authenticates the X-Api-Key header: the key's hash is looked up, never the key itself.
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        var userId = await keys.FindUserAsync(key, Context.RequestAborted);
        if (userId is null || await users.GetAsync(userId, Context.RequestAborted) is not { } user)
            return AuthenticateResult.Fail("Unknown API key.");
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Principal(user, SchemeName), SchemeName));
    }
}
