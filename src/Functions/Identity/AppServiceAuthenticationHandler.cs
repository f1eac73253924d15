using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Identity;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// True only when the app runs behind App Service Authentication, which strips any
    /// X-MS-CLIENT-PRINCIPAL a client sends and sets its own. Anywhere else the header is a forgery.
    public bool TrustAppServiceAuthentication { get; set; }

    /// Microsoft Entra access tokens the API validates itself (see <see cref="EntraOptions"/>).
    public EntraOptions Entra { get; set; } = new();
}

/// Authenticates the X-MS-CLIENT-PRINCIPAL header App Service Authentication sets: base64 JSON of the
/// signed-in identity's claims. The identity must also be a user in the Users table, which gives the role and unit.
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<AuthOptions> auth, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[Header].ToString();
        if (!auth.Value.TrustAppServiceAuthentication || string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new CallerRefusal(RefusalReason.BadPrincipal, "X-MS-CLIENT-PRINCIPAL không phải JSON mã hóa base64.",
                "X-MS-CLIENT-PRINCIPAL is not base64 JSON.").Fail(Context);
        }
        return await SignedInIdentity.SignInAsync(principal?.Ids() ?? [], users, SchemeName, Context);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!await CallerRefusal.TryChallengeAsync(Context)) await base.HandleChallengeAsync(properties);
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("claims")] List<PrincipalClaim>? Claims)
    {
        public IEnumerable<string?> Ids() =>
            (NameType is null ? SignedInIdentity.IdClaimTypes : [.. SignedInIdentity.IdClaimTypes, NameType])
            .SelectMany(t => (Claims ?? []).Where(c => c.Type == t).Select(c => c.Value));
    }

    private sealed record PrincipalClaim([property: JsonPropertyName("typ")] string Type, [property: JsonPropertyName("val")] string? Value);
}
