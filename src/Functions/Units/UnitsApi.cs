using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Units;

public sealed record UnitItem(string Code, string Name, UnitLevel Level, string? ParentCode);

// GET /api/units?year=2021   the tree as it stood that year (parents change over time)
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        api.MapGet("/units", ListAsync).WithTags("Catalog").WithSummary("Units with the parent each had in the year");
        return api;
    }

    private static async Task<Ok<List<UnitItem>>> ListAsync(UnitStore units, TimeProvider clock, CancellationToken cancellationToken, int? year = null)
    {
        var y = year ?? Core.Workflow.VietnamTime.YearOf(clock.GetUtcNow());
        var tree = await units.GetTreeAsync(cancellationToken);
        return TypedResults.Ok(tree.Units.Where(u => u.ExistsIn(y))
            .OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnitItem(u.Code, u.Name, u.Level, u.ParentIn(y))).ToList());
    }
}
