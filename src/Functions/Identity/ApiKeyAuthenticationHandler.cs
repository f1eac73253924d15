using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Identity;

/// Authenticates the X-Api-Key header: the key's hash is looked up, never the key itself. The key and its
/// user are read on every request (no cache), so a revoked or expired key or a disabled user is refused at once;
/// both at once when the key's owner is known from an earlier request (a key never changes hands).
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, UserStore users, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// "Last used" is written at most once per interval per key, not on every request.
    public static readonly TimeSpan LastUsedInterval = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        var now = clock.GetUtcNow();
        var knownOwner = keys.KnownOwner(key);
        var ownerRead = knownOwner is null ? null : users.GetAccountAsync(knownOwner, Context.RequestAborted);
        var stored = await keys.FindAsync(key, Context.RequestAborted);
        var ownerAccount = ownerRead is null ? null : await ownerRead;
        if (stored is null) return Unknown();
        var found = stored.Key;
        if (found.RevokedAt is { } revoked)
            return new CallerRefusal(RefusalReason.KeyRevoked,
                $"Khóa API '{found.Name}' ({found.Id}) đã bị thu hồi lúc {Stamp(revoked)}; hãy dùng khóa mới.",
                $"The API key '{found.Name}' ({found.Id}) was revoked at {Stamp(revoked)}; use a new key.").Fail(Context);
        if (found.ExpiresAt is { } expires && expires <= now)
            return new CallerRefusal(RefusalReason.KeyExpired,
                $"Khóa API '{found.Name}' ({found.Id}) đã hết hạn lúc {Stamp(expires)}; hãy xin khóa mới.",
                $"The API key '{found.Name}' ({found.Id}) expired at {Stamp(expires)}; ask for a new key.").Fail(Context);
        var account = ownerRead is not null && knownOwner == found.UserId ? ownerAccount : await users.GetAccountAsync(found.UserId, Context.RequestAborted);
        if (account is null) return Unknown();
        if (account.Disabled) return CallerRefusal.Disabled(account.User.Id).Fail(Context);

        if (found.LastUsedAt is not { } last || now - last >= LastUsedInterval)
            await keys.TouchAsync(stored, now, Context.RequestAborted);
        var principal = CallerClaims.Principal(account.User, SchemeName);
        principal.Identities.First().AddClaim(new Claim(CallerClaims.KeyId, found.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!await CallerRefusal.TryChallengeAsync(Context)) await base.HandleChallengeAsync(properties);
    }

    private AuthenticateResult Unknown() => new CallerRefusal(RefusalReason.UnknownKey,
        "Khóa API không đúng hoặc không tồn tại.", "The API key is wrong or does not exist.").Fail(Context);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
