using Azure;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Identity;

public sealed record NewUser(string? Id, string? Name, UserRole? Role, string? UnitCode);

/// The created user and its API key. The key is shown this once: only its hash is kept.
public sealed record CreatedUser(string Id, string Name, UserRole Role, string? UnitCode, string ApiKey);

// GET  /api/me      who the caller is
// POST /api/users   (admin) adds a user and returns a new API key once
public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(http.User.ToUser())).WithTags("Users");
        api.MapPost("/users", CreateAsync).WithTags("Users").RequireAuthorization(IdentitySetup.AdminPolicy);
        return api;
    }

    private static async Task<Results<Created<CreatedUser>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUser body, UserStore users, ApiKeyStore keys, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 200 || body.Id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            return Problems.Invalid("id", "Mã người dùng bắt buộc, tối đa 200 ký tự, không chứa / \\ # ?.",
                "The user id is required, at most 200 characters, without / \\ # ?.");
        if (string.IsNullOrWhiteSpace(body.Name))
            return Problems.Invalid("name", "Tên người dùng bắt buộc.", "The user's name is required.");
        if (Input.InputLimits.CheckLength(body.Name, Input.InputLimits.MaxNameLength, "Tên người dùng", "user's name") is { } tooLong)
            return Problems.Invalid("name", tooLong.Vi, tooLong.En);
        if (body.Role is not { } role)
            return Problems.Invalid("role", "Vai trò bắt buộc: Admin, Province hoặc District.", "The role is required: Admin, Province or District.");
        if (role != UserRole.Admin)
        {
            var tree = await units.GetTreeAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(body.UnitCode) || tree.Find(body.UnitCode) is null)
                return Problems.Invalid("unitCode", $"Không có đơn vị mã '{body.UnitCode}'.", $"There is no unit with code '{body.UnitCode}'.");
        }

        var user = new User(body.Id.Trim(), body.Name.Trim(), role, string.IsNullOrWhiteSpace(body.UnitCode) ? null : body.UnitCode.Trim());
        try
        {
            await users.AddAsync(user, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return Problems.Conflict($"Đã có người dùng mã '{user.Id}'.", $"A user with id '{user.Id}' already exists.");
        }
        var key = ApiKeyStore.NewKey();
        await keys.AddAsync(key, user.Id, cancellationToken);
        await audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, http.User.ToUser().Id, AuditAction.UserCreated, user.UnitCode ?? "",
            null, null, null, $"{user.Id} ({user.Role})", AuditOrigin.Of(http)), cancellationToken);
        return TypedResults.Created((string?)null, new CreatedUser(user.Id, user.Name, user.Role, user.UnitCode, key));
    }
}
