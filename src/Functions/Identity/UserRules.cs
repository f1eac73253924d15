using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Identity;

/// What a user must be: an id usable as a table key, a name, a role, and a unit that exists unless an Admin.
public static class UserRules
{
    public static bool IsValidId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    public static ValidationProblem? CheckId(string? id) => IsValidId(id) ? null
        : Problems.Invalid("id", "Mã người dùng bắt buộc, tối đa 200 ký tự, không chứa / \\ # ?.",
            "The user id is required, at most 200 characters, without / \\ # ?.");

    /// The first thing wrong with a name, role and unit, as (field, Vietnamese, English), or null.
    public static (string Field, string Vi, string En)? Problem(string? name, UserRole? role, string? unitCode, OrgTree tree)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Input.InputLimits.MaxNameLength)
            return ("name", $"Tên người dùng bắt buộc, tối đa {Input.InputLimits.MaxNameLength} ký tự.",
                $"The user's name is required, at most {Input.InputLimits.MaxNameLength} characters.");
        if (role is null)
            return ("role", "Vai trò bắt buộc: Admin, Province hoặc District.", "The role is required: Admin, Province or District.");
        if (role != UserRole.Admin && (string.IsNullOrWhiteSpace(unitCode) || tree.Find(unitCode.Trim()) is null))
            return ("unitCode", $"Không có đơn vị mã '{unitCode}' (bắt buộc với vai trò {role}).", $"There is no unit with code '{unitCode}' (required for the role {role}).");
        if (!string.IsNullOrWhiteSpace(unitCode) && tree.Find(unitCode.Trim()) is null)
            return ("unitCode", $"Không có đơn vị mã '{unitCode}'.", $"There is no unit with code '{unitCode}'.");
        return null;
    }

    public static ValidationProblem? Check(string? name, UserRole? role, string? unitCode, OrgTree tree) =>
        Problem(name, role, unitCode, tree) is { } p ? Problems.Invalid(p.Field, p.Vi, p.En) : null;

    public static string? Unit(string? unitCode) => string.IsNullOrWhiteSpace(unitCode) ? null : unitCode.Trim();
}
