using HealthFuncs.Core.Indicators;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Indicators;

public sealed record IndicatorItem(
    string Code, string Name, string Unit, IndicatorKind Kind, Direction Direction, TimeBehaviour Time,
    string Group, string GroupName, int Order, string? ParentCode, int? RatePer, bool AllowsAbove100,
    decimal? Minimum = null, decimal? Maximum = null);

// GET /api/indicators   the catalog in annex order
public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicators(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators", ListAsync).WithTags("Catalog").WithSummary("The indicator catalog in annex order");
        return api;
    }

    private static async Task<Ok<List<IndicatorItem>>> ListAsync(IndicatorStore indicators, CancellationToken cancellationToken) =>
        TypedResults.Ok((await indicators.GetAllAsync(cancellationToken)).Values.Select(ToItem).ToList());

    public static IndicatorItem ToItem(Indicator i) => new(i.Code, i.Name, i.Unit, i.Kind, i.Direction, i.Time, i.Group, i.GroupName, i.Order,
        i.ParentCode, i.RatePer, i.AllowsAbove100, i.Minimum, i.Maximum);
}
