using System.Security.Claims;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Identity;

/// A key to issue: a name the owner recognises it by ("laptop", "Excel"), and optionally when it stops working.
public sealed record NewApiKey(string? Name, DateTimeOffset? ExpiresAt);

/// A key just issued. The key itself is in this answer only: the server keeps its hash.
public sealed record IssuedApiKey(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string ApiKey);

/// A key just issued in place of the one the request was made with, which is revoked.
public sealed record RotatedApiKey(IssuedApiKey Issued, string RevokedId);

// GET    /api/users/{id}/keys           the user's keys: id, name, created, last used, expiry, revoked (never the key)
// POST   /api/users/{id}/keys           issues a key, answered once
// DELETE /api/users/{id}/keys/{keyId}   revokes it: refused from the next request on
// POST   /api/me/keys/rotate            the caller's own key: a new one with the same name, the one sent revoked
public static class UserKeysApi
{
    public static RouteGroupBuilder MapUserKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/users/{id}/keys").WithTags("Users");
        keys.MapGet("", ListAsync).WithSummary("A user's keys: name, created, last used, expiry, never the key");
        keys.MapPost("", IssueAsync).WithSummary("Issue a named key; answers the key this once");
        keys.MapDelete("/{keyId}", RevokeAsync).WithSummary("Revoke a key: refused from the next request on");
        api.MapPost("/me/keys/rotate", RotateAsync).WithTags("Users").WithSummary("Replace the key this request was made with by a new one");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiKey>>, ProblemHttpResult>> ListAsync(
        string id, UserStore users, ApiKeyStore keys, UnitStore units, HttpContext http, CancellationToken cancellationToken)
    {
        var (_, refusal) = await OwnerAsync(id, users, units, http, cancellationToken);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await keys.ListAsync(id, cancellationToken));
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        string id, NewApiKey body, UserStore users, ApiKeyStore keys, UnitStore units, AuditStore audit, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (owner, refusal) = await OwnerAsync(id, users, units, http, cancellationToken);
        if (refusal is not null) return refusal;
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 100)
            return Problems.Invalid("name", "Tên khóa bắt buộc, tối đa 100 ký tự (ví dụ: 'Excel máy văn phòng').",
                "The key's name is required, at most 100 characters (e.g. 'office Excel').");
        if (body.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
            return Problems.Invalid("expiresAt", "Ngày hết hạn phải ở tương lai.", "The expiry must be in the future.");
        var issued = await IssueKeyAsync(owner!, body.Name.Trim(), body.ExpiresAt, keys, audit, http, cancellationToken);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(id)}/keys/{issued.Id}", issued);
    }

    private static async Task<Results<Ok<ApiKey>, ProblemHttpResult>> RevokeAsync(
        string id, string keyId, UserStore users, ApiKeyStore keys, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        var (owner, refusal) = await OwnerAsync(id, users, units, http, cancellationToken);
        if (refusal is not null) return refusal;
        if (await keys.RevokeAsync(id, keyId, cancellationToken) is not { } revoked)
            return Problems.NotFound($"Người dùng '{id}' không có khóa mã '{keyId}'.", $"The user '{id}' has no key with id '{keyId}'.");
        await audit.AppendUserChangesAsync([UserScope.Entry(http, AuditAction.KeyRevoked, owner!, $"{revoked.Name} ({revoked.Id})", null)], cancellationToken);
        return TypedResults.Ok(revoked);
    }

    private static async Task<Results<Ok<RotatedApiKey>, ProblemHttpResult>> RotateAsync(
        UserStore users, ApiKeyStore keys, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = http.User.ToUser();
        if (http.User.FindFirstValue(CallerClaims.KeyId) is not { } usedId)
            return Problems.Of(StatusCodes.Status400BadRequest, "Không có khóa để đổi",
                "Yêu cầu này không dùng khóa API (đăng nhập bằng tài khoản); hãy tạo khóa mới bằng POST /api/users/{id}/keys.",
                "This request was not made with an API key (signed in); issue a key with POST /api/users/{id}/keys.");
        var used = (await keys.ListAsync(caller.Id, cancellationToken)).Single(k => k.Id == usedId);
        var issued = await IssueKeyAsync(caller, used.Name, used.ExpiresAt is null ? null : DateTimeOffset.UtcNow + (used.ExpiresAt - used.CreatedAt),
            keys, audit, http, cancellationToken);
        var revoked = await keys.RevokeAsync(caller.Id, usedId, cancellationToken);
        await audit.AppendUserChangesAsync([UserScope.Entry(http, AuditAction.KeyRevoked, caller, $"{used.Name} ({usedId})", $"→ {issued.Id}")], cancellationToken);
        return TypedResults.Ok(new RotatedApiKey(issued, revoked?.Id ?? usedId));
    }

    private static async Task<IssuedApiKey> IssueKeyAsync(User owner, string name, DateTimeOffset? expiresAt, ApiKeyStore keys, AuditStore audit,
        HttpContext http, CancellationToken cancellationToken)
    {
        var key = ApiKeyStore.NewKey();
        var stored = await keys.AddAsync(key, owner.Id, name, expiresAt, cancellationToken);
        await audit.AppendUserChangesAsync([UserScope.Entry(http, AuditAction.KeyCreated, owner, null,
            $"{stored.Name} ({stored.Id}){(expiresAt is { } e ? $" until {e:O}" : "")}")], cancellationToken);
        return new IssuedApiKey(stored.Id, stored.Name, stored.CreatedAt, stored.ExpiresAt, key);
    }

    /// The user whose keys are asked for, or the refusal: unknown user, or one the caller may not manage.
    private static async Task<(User? Owner, ProblemHttpResult? Refusal)> OwnerAsync(
        string id, UserStore users, UnitStore units, HttpContext http, CancellationToken cancellationToken)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (await users.GetAsync(id, cancellationToken) is not { } owner) return (null, UsersApi.NotFound(id));
        return scope.CanManageKeysOf(owner) ? (owner, null) : (owner, scope.Refusal(id));
    }
}
