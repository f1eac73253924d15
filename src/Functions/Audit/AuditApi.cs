using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Audit;

// GET /api/audit?unit=SD&take=50      a unit's latest audited changes and refusals, newest first
// GET /api/audit/users?take=50         (admin) every change to users and keys, admins' included
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithSummary("Latest changes and refused writes of a unit's subtree").RequireUnitAccess(UnitAccess.Read);
        api.MapGet("/audit/users", async (AuditStore audit, CancellationToken cancellationToken, int take = 50) =>
            TypedResults.Ok(await audit.GetLatestAsync(AuditStore.UsersLog, Math.Clamp(take, 1, 1000), cancellationToken)))
            .WithTags("Audit").WithSummary("Latest changes to users and keys (admins)").RequireAuthorization(IdentitySetup.AdminPolicy);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAsync(string unit, AuditStore audit, CancellationToken cancellationToken, int take = 50) =>
        TypedResults.Ok(await audit.GetLatestAsync(unit, Math.Clamp(take, 1, 1000), cancellationToken));
}
