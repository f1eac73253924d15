using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Audit;

// GET /api/audit?unit=SD&take=50      a unit's latest audited changes and refusals, newest first
// GET /api/audit/users?take=50         (admin) every change to users and keys, admins' included
// GET /api/audit/catalog?take=50       (admin) every change to the indicator catalog
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithSummary("Latest changes and refused writes of a unit's subtree").RequireUnitAccess(UnitAccess.Read);
        api.MapGet("/audit/users", async (AuditStore audit, CancellationToken cancellationToken, int take = 50) =>
            TypedResults.Ok(await audit.GetLatestAsync(AuditStore.UsersLog, Math.Clamp(take, 1, 1000), cancellationToken)))
            .WithTags("Audit").WithSummary("Latest changes to users and keys (admins)").RequireAuthorization(IdentitySetup.AdminPolicy);
        // Indicators belong to no unit: their changes are kept under the catalog's own name.
        api.MapGet("/audit/catalog", async (AuditStore audit, CancellationToken cancellationToken, int take = 50) =>
            TypedResults.Ok(await audit.GetLatestAsync(Catalog.IndicatorAdminApi.AuditUnit, Math.Clamp(take, 1, 1000), cancellationToken)))
            .WithTags("Audit").WithSummary("Latest changes to the indicator catalog (admins)").RequireAuthorization(IdentitySetup.AdminPolicy);
        return api;
    }

    // The route's check is for the year asked; each entry is then shown only to a caller the unit sat under in
    // that entry's own year (its period's, else the Vietnam year it was written in): a unit that moved to another
    // district since is not the old district's to read any more.
    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAsync(string unit, AuditStore audit, UnitStore units, HttpContext http,
        CancellationToken cancellationToken, int take = 50)
    {
        var entries = await audit.GetLatestAsync(unit, Math.Clamp(take, 1, 1000), cancellationToken);
        var caller = http.User.ToUser();
        if (caller.Role == UserRole.Admin) return TypedResults.Ok(entries);
        var tree = await units.GetTreeAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditEntry>>(
            [.. entries.Where(e => caller.UnitCode is { } home && tree.IsWithin(e.UnitCode, home, YearOf(e)))]);
    }

    private static int YearOf(AuditEntry entry) =>
        Period.TryParseCode(entry.Period, out var period) ? period.Year : VietnamTime.YearOf(entry.At);
}
