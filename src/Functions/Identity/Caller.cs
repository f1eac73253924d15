using System.Security.Claims;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Identity;

/// The claims a signed-in caller carries, from whichever scheme authenticated them.
public static class CallerClaims
{
    public const string Unit = "healthfuncs/unit";
    /// The id of the API key the caller authenticated with (absent for a signed-in person).
    public const string KeyId = "healthfuncs/key";

    public static ClaimsPrincipal Principal(User user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Name, user.Name),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(Unit, user.UnitCode ?? ""),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// The user behind an authenticated principal.
    public static User ToUser(this ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
        principal.FindFirstValue(ClaimTypes.Name) ?? "",
        Enum.Parse<UserRole>(principal.FindFirstValue(ClaimTypes.Role) ?? nameof(UserRole.District)),
        principal.FindFirstValue(Unit) is { Length: > 0 } unit ? unit : null);
}
