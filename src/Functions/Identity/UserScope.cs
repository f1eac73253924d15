using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Identity;

/// <summary>
/// Who may manage whom. Admins manage everyone. Province staff manage the Province and District users whose unit
/// is in their own unit's subtree (this year's tree), never an Admin, and may only place them at units in that
/// subtree. District staff manage nobody. Everyone manages their own keys; nobody changes their own role or unit
/// or disables themselves (an administrator does), so no one can raise their own rights or lock everyone out.
/// </summary>
public sealed record UserScope(User Caller, OrgTree Tree, int Year)
{
    public static async Task<UserScope> OfAsync(HttpContext http, UnitStore units, CancellationToken cancellationToken) =>
        new(http.User.ToUser(), await units.GetTreeAsync(cancellationToken),
            Core.Workflow.VietnamTime.YearOf(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));

    public bool IsAdmin => Caller.Role == UserRole.Admin;

    public bool CanManage(User target) => IsAdmin || Reaches(target.Role, target.UnitCode);

    /// Whether the caller may give a user this role and unit.
    public bool Reaches(UserRole role, string? unitCode) => IsAdmin
        || Caller.Role == UserRole.Province && role != UserRole.Admin && Caller.UnitCode is { } home
        && unitCode is { } unit && Tree.Find(unit) is not null && Tree.IsWithin(unit, home, Year);

    public bool CanManageKeysOf(User target) => target.Id == Caller.Id || CanManage(target);

    public ProblemHttpResult Refusal(string targetId) => Problems.Forbidden(
        $"Tài khoản {Caller.Id} ({Caller.Role}, đơn vị {Caller.UnitCode ?? "-"}) không được quản lý người dùng '{targetId}'.",
        $"User {Caller.Id} ({Caller.Role}, unit {Caller.UnitCode ?? "-"}) may not manage user '{targetId}'.");

    /// An audit entry for a change the caller made to <paramref name="subject"/>.
    public static AuditEntry Entry(HttpContext http, AuditAction action, User subject, string? old, string? @new, string? unitCode = null) =>
        new(DateTimeOffset.UtcNow, http.User.ToUser().Id, action, unitCode ?? subject.UnitCode ?? "", null, null, old, @new, AuditOrigin.Of(http), subject.Id);

    public static string Describe(User user, bool disabled) =>
        $"{user.Name} · {user.Role} · {user.UnitCode ?? "-"}{(disabled ? " · disabled" : "")}";
}
