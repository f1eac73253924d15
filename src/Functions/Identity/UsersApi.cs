using HealthFuncs.Functions.OpenApi;
using Azure;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Identity;

public sealed record NewUser(string? Id, string? Name, UserRole? Role, string? UnitCode);

/// The created user and its API key. The key is shown this once: only its hash is kept.
public sealed record CreatedUser(string Id, string Name, UserRole Role, string? UnitCode, string ApiKey);

/// A user's name, role and unit as a PUT replaces them.
public sealed record UserChange(string? Name, UserRole? Role, string? UnitCode);

/// A user as listed; Etag is what a PUT sends back as If-Match.
public sealed record UserView(string Id, string Name, UserRole Role, string? UnitCode, bool Disabled, string Etag)
{
    public static UserView Of(UserAccount a) => new(a.User.Id, a.User.Name, a.User.Role, a.User.UnitCode, a.Disabled, a.Etag);
}

// GET  /api/me                   who the caller is
// GET  /api/users?unit=TQ        the users the caller manages (admin: all), optionally within a unit's subtree
// POST /api/users                adds a user and returns a new API key once
// GET  /api/users/{id}           one user, ETag
// PUT  /api/users/{id}           name, role, unit (If-Match)
// POST /api/users/{id}/disable   refused everywhere from the next request; /enable undoes it
// Who may do what to whom: UserScope. Every change is audited (AuditStore.AppendUserChangesAsync).
public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(http.User.ToUser())).WithTags("Users").WithSummary("Who the caller is: id, name, role and unit");
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("", ListAsync).WithSummary("Users the caller may manage (admins: all; province staff: their subtree)");
        users.MapPost("", CreateAsync).WithSummary("Add a user; answers its first API key this once");
        users.MapGet("/{id}", GetAsync).WithSummary("One user, with the ETag a change must name").ReturnsETag("the user's version, for If-Match on a change");
        users.MapPut("/{id}", ChangeAsync).WithSummary("Change a user's name, role or unit")
            .AcceptsIfMatch("always: the ETag of the user as read").ReturnsETag("the user's new version");
        users.MapPost("/{id}/disable", (string id, UserStore s, UnitStore u, AuditStore a, HttpContext http, CancellationToken c) => SetDisabledAsync(id, true, s, u, a, http, c))
            .WithSummary("Disable a user: every request they make is refused at once");
        users.MapPost("/{id}/enable", (string id, UserStore s, UnitStore u, AuditStore a, HttpContext http, CancellationToken c) => SetDisabledAsync(id, false, s, u, a, http, c))
            .WithSummary("Enable a disabled user again");
        api.MapUserKeys();
        api.MapUsersWorkbook();
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<UserView>>, ProblemHttpResult>> ListAsync(
        UserStore users, UnitStore units, HttpContext http, CancellationToken cancellationToken, string? unit = null)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (scope.Caller.Role == UserRole.District)
            return Problems.Forbidden("Cán bộ huyện không quản lý người dùng.", "District staff do not manage users.");
        if (!string.IsNullOrEmpty(unit) && scope.Tree.Find(unit) is null)
            return Problems.NotFound($"Không có đơn vị mã '{unit}'.", $"There is no unit with code '{unit}'.");
        IReadOnlyList<UserView> list = [.. (await users.ListAsync(cancellationToken))
            .Where(a => scope.CanManage(a.User))
            .Where(a => string.IsNullOrEmpty(unit) || a.User.UnitCode is { } u && scope.Tree.IsWithin(u, unit, scope.Year))
            .OrderBy(a => a.User.UnitCode, StringComparer.Ordinal).ThenBy(a => a.User.Id, StringComparer.Ordinal)
            .Select(UserView.Of)];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(
        string id, UserStore users, UnitStore units, HttpContext http, CancellationToken cancellationToken)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (await users.GetAccountAsync(id, cancellationToken) is not { } account) return NotFound(id);
        if (!scope.CanManageKeysOf(account.User)) return scope.Refusal(id);
        http.Response.Headers.ETag = account.Etag;
        return TypedResults.Ok(UserView.Of(account));
    }

    private static async Task<Results<Created<CreatedUser>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUser body, UserStore users, ApiKeyStore keys, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (UserRules.CheckId(body.Id) is { } badId) return badId;
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (UserRules.Check(body.Name, body.Role, body.UnitCode, scope.Tree) is { } invalid) return invalid;
        var user = new User(body.Id!.Trim(), body.Name!.Trim(), body.Role!.Value, UserRules.Unit(body.UnitCode));
        if (!scope.CanManage(user)) return scope.Refusal(user.Id);
        try
        {
            await users.AddAsync(user, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return Problems.Conflict($"Đã có người dùng mã '{user.Id}'.", $"A user with id '{user.Id}' already exists.");
        }
        var key = ApiKeyStore.NewKey();
        var stored = await keys.AddAsync(key, user.Id, "default", cancellationToken: cancellationToken);
        await audit.AppendUserChangesAsync([
            UserScope.Entry(http, AuditAction.UserCreated, user, null, UserScope.Describe(user, false)),
            UserScope.Entry(http, AuditAction.KeyCreated, user, null, $"{stored.Name} ({stored.Id})")], cancellationToken);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.Id)}", new CreatedUser(user.Id, user.Name, user.Role, user.UnitCode, key));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, UserChange body, [FromHeader(Name = "If-Match")] string? ifMatch,
        UserStore users, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (await users.GetAccountAsync(id, cancellationToken) is not { } account) return NotFound(id);
        if (!scope.CanManage(account.User)) return scope.Refusal(id);
        if (UserRules.Check(body.Name, body.Role, body.UnitCode, scope.Tree) is { } invalid) return invalid;
        var changed = new User(id, body.Name!.Trim(), body.Role!.Value, UserRules.Unit(body.UnitCode));
        if (!scope.Reaches(changed.Role, changed.UnitCode)) return scope.Refusal(id);
        if (id == scope.Caller.Id && (changed.Role != account.User.Role || changed.UnitCode != account.User.UnitCode))
            return Problems.Forbidden("Không thể tự đổi vai trò hoặc đơn vị của mình; hãy nhờ quản trị viên.",
                "You cannot change your own role or unit; ask an administrator.");
        if (string.IsNullOrEmpty(ifMatch))
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                $"Hãy gửi kèm If-Match: {account.Etag} đã đọc để không ghi đè thay đổi của người khác.",
                $"Send the If-Match: {account.Etag} you read so no one else's change is overwritten.",
                new Dictionary<string, object?> { ["currentEtag"] = account.Etag });
        if (ifMatch != "*" && ifMatch != account.Etag) return Stale(account);
        if (changed == account.User)
        {
            http.Response.Headers.ETag = account.Etag;
            http.Response.Headers.ETag = account.Etag;
            return TypedResults.Ok(UserView.Of(account));
        }
        var saved = await users.ReplaceAsync(account, changed, account.Disabled, cancellationToken);
        var entry = UserScope.Entry(http, AuditAction.UserChanged, changed,
            UserScope.Describe(account.User, account.Disabled), UserScope.Describe(changed, account.Disabled));
        await audit.AppendUserChangesAsync([entry], cancellationToken);
        // A move between units shows in the history of the unit left too.
        if (account.User.UnitCode is { } oldUnit && oldUnit != changed.UnitCode)
            await audit.AppendAsync(entry with { UnitCode = oldUnit }, cancellationToken);
        http.Response.Headers.ETag = saved.Etag;
        http.Response.Headers.ETag = saved.Etag;
        return TypedResults.Ok(UserView.Of(saved));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disable, UserStore users, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (await users.GetAccountAsync(id, cancellationToken) is not { } account) return NotFound(id);
        if (!scope.CanManage(account.User)) return scope.Refusal(id);
        if (id == scope.Caller.Id)
            return Problems.Forbidden("Không thể tự vô hiệu hóa tài khoản của mình.", "You cannot disable or enable your own account.");
        if (account.Disabled == disable) return TypedResults.Ok(UserView.Of(account));
        var saved = await users.ReplaceAsync(account, account.User, disable, cancellationToken);
        await audit.AppendUserChangesAsync([UserScope.Entry(http, disable ? AuditAction.UserDisabled : AuditAction.UserEnabled, account.User,
            UserScope.Describe(account.User, account.Disabled), UserScope.Describe(account.User, disable))], cancellationToken);
        http.Response.Headers.ETag = saved.Etag;
        return TypedResults.Ok(UserView.Of(saved));
    }

    internal static ProblemHttpResult NotFound(string id) =>
        Problems.NotFound($"Không có người dùng mã '{id}'.", $"There is no user with id '{id}'.");

    private static ProblemHttpResult Stale(UserAccount account) => Problems.Conflict(
        $"Người dùng '{account.User.Id}' đã được sửa (phiên bản hiện tại {account.Etag}); hãy tải lại rồi sửa lại.",
        $"The user '{account.User.Id}' was changed by someone else (now {account.Etag}); reload and try again.",
        new Dictionary<string, object?> { ["currentEtag"] = account.Etag });
}
