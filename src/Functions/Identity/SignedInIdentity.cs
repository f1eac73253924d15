using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authentication;

namespace HealthFuncs.Functions.Identity;

/// Matches a person signed in with Microsoft Entra ID (through App Service Authentication or an access token
/// the API validates itself) to a HealthFuncs user, which gives the role and unit.
public static class SignedInIdentity
{
    /// Claim types naming the person, in the order they are tried: the object id is stable across renames; the
    /// sign-in name (e-mail/UPN) is what an admin knows when adding a user.
    public static readonly string[] IdClaimTypes =
    [
        "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "preferred_username", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email",
    ];

    /// The ticket of the first id that is a HealthFuncs user, or the refusal the request is answered with.
    public static async Task<AuthenticateResult> SignInAsync(IEnumerable<string?> ids, UserStore users, string scheme, HttpContext http)
    {
        // Ids become table keys: characters a key may not hold never match a user.
        foreach (var id in ids.Where(v => !string.IsNullOrWhiteSpace(v) && v.All(ch => ch is not ('/' or '\\' or '#' or '?') && !char.IsControl(ch))).Distinct())
        {
            if (await users.GetAccountAsync(id!, http.RequestAborted) is not { } account) continue;
            // Read on every request: a user disabled a moment ago is refused on their next call.
            if (account.Disabled) return CallerRefusal.Disabled(account.User.Id).Fail(http);
            return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Principal(account.User, scheme), scheme));
        }
        return new CallerRefusal(RefusalReason.NotAUser, "Tài khoản đã đăng nhập chưa được thêm vào HealthFuncs; hãy liên hệ quản trị viên.",
            "The signed-in identity is not a HealthFuncs user; ask an administrator to add you.").Fail(http);
    }
}
