using HealthFuncs.Functions.OpenApi;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Identity;

// GET  /api/users.xlsx?unit=TQ          the users of a unit's subtree as a roster workbook
// POST /api/users.xlsx?dryRun=true      an edited roster (multipart "file"): the preview, or applied all or nothing
// The same rules as the JSON routes (UserScope); every applied change is audited like one made there.
public static class UsersWorkbookApi
{
    private const long MaxUploadBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapUsersWorkbook(this RouteGroupBuilder api)
    {
        api.MapGet("/users.xlsx", DownloadAsync).WithTags("Users").ProducesWorkbook()
            .WithSummary("The users of a unit's subtree as a workbook, to edit and upload back");
        api.MapPost("/users.xlsx", UploadAsync).WithTags("Users")
            .WithSummary("Apply an edited users workbook, all rows or none (?dryRun=true previews the changes)")
            .DisableAntiforgery(); // API-key or platform authentication, never cookies: no cross-site form post can carry credentials
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string unit, UserStore users, UnitStore units, HttpContext http, CancellationToken cancellationToken)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (scope.Tree.Find(unit) is not { } root)
            return Problems.NotFound($"Không có đơn vị mã '{unit}'.", $"There is no unit with code '{unit}'.");
        if (!scope.IsAdmin && !scope.Reaches(UserRole.District, unit))
            return Problems.Forbidden($"Tài khoản {scope.Caller.Id} không quản lý người dùng của đơn vị {unit}.",
                $"User {scope.Caller.Id} does not manage the users of unit {unit}.");
        var rows = (await users.ListAsync(cancellationToken))
            .Where(a => a.User.UnitCode is { } u && scope.Tree.IsWithin(u, unit, scope.Year) && scope.CanManage(a.User))
            .OrderBy(a => a.User.UnitCode, StringComparer.Ordinal).ThenBy(a => a.User.Id, StringComparer.Ordinal)
            .Select(a => new RosterRow(a.User.Id, a.User.Name, a.User.Role.ToString(), a.User.UnitCode, a.Disabled));
        using var stream = new MemoryStream();
        UserRoster.Write(stream, root.Name, rows);
        return TypedResults.File(stream.ToArray(), WorkbookStore.XlsxContentType, $"nguoi-dung-{unit}.xlsx");
    }

    private static async Task<Results<Ok<RosterSummary>, UnprocessableEntity<RosterSummary>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, UserStore users, UnitStore units, AuditStore audit, HttpContext http, CancellationToken cancellationToken, bool dryRun = false)
    {
        var scope = await UserScope.OfAsync(http, units, cancellationToken);
        if (scope.Caller.Role == UserRole.District)
            return Problems.Forbidden("Cán bộ huyện không quản lý người dùng.", "District staff do not manage users.");
        if (file is null || file.Length == 0)
            return Problems.Invalid("file", "Chưa chọn tệp để tải lên (trường \"file\").", "No file was uploaded (form field \"file\").");
        RosterUpload read;
        await using (var content = file.OpenReadStream())
            read = UserRoster.Read(content, new UploadLimits(MaxBytes: MaxUploadBytes), file.FileName);
        if (read.Refusal is { } refusal)
            return Problems.Invalid("file", refusal.MessageVi, refusal.MessageEn);

        var plan = RosterPlan.Of(read, await users.ListAsync(cancellationToken), scope);
        if (plan.Rejected.Count > 0) return TypedResults.UnprocessableEntity(plan.Summary(dryRun, applied: false));
        if (dryRun || plan.Changes.Count == 0) return TypedResults.Ok(plan.Summary(dryRun, applied: false));

        // One transaction on the users' one partition, each replace conditional on the ETag read: a user changed
        // since the file was read fails the whole upload (409), nothing half-written.
        await users.WriteAllAsync(plan.Writes, cancellationToken);
        var at = DateTimeOffset.UtcNow;
        var entries = plan.Changes.Zip(plan.Writes, (change, write) => (Entry: UserScope.Entry(http, change.Kind switch
        {
            RosterChangeKind.Added => AuditAction.UserCreated,
            RosterChangeKind.Disabled => AuditAction.UserDisabled,
            RosterChangeKind.Enabled => AuditAction.UserEnabled,
            _ => AuditAction.UserChanged,
        }, write.User, change.Old, change.New) with { At = at }, LeftUnit: write.Read?.User.UnitCode)).ToList();
        await audit.AppendUserChangesAsync([.. entries.Select(e => e.Entry)], cancellationToken);
        // As with PUT: a move between units shows in the history of the unit left too.
        await audit.AppendAsync([.. entries.Where(e => e.LeftUnit is { } left && left != e.Entry.UnitCode)
            .Select(e => e.Entry with { UnitCode = e.LeftUnit! })], cancellationToken);
        return TypedResults.Ok(plan.Summary(dryRun, applied: true));
    }
}
