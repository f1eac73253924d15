using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthFuncs.Functions.Tests.Identity;

/// <summary>
/// A local OpenID issuer on loopback, shaped like a Microsoft Entra tenant: its metadata document and signing keys
/// at the authority's well-known address, and access tokens signed with its RSA key. The server under test reads
/// the metadata and keys over HTTP exactly as it reads Entra's.
/// </summary>
public sealed class LocalIssuer : IAsyncDisposable
{
    public const string KeyId = "local-signing-key";
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    public static async Task<LocalIssuer> StartAsync()
    {
        var issuer = new LocalIssuer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        const string tenant = "/11111111-2222-3333-4444-555555555555/v2.0";
        app.MapGet(tenant + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Authority, ["jwks_uri"] = issuer.Authority + "/discovery/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet(tenant + "/discovery/keys", () =>
        {
            var p = issuer._key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        await app.StartAsync();
        issuer._app = app;
        issuer.Authority = app.Urls.First() + tenant;
        return issuer;
    }

    /// An access token for <paramref name="audience"/> with the given claims (oid, preferred_username …).
    public string Token(string audience, IDictionary<string, object> claims, DateTime? expires = null, RSA? signedWith = null, string? issuer = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority, Audience = audience, Claims = claims,
            IssuedAt = until.AddHours(-1), NotBefore = until.AddHours(-1), Expires = until,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _key.Dispose();
    }
}
