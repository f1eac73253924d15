using HealthFuncs.Core.Periods;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Periods;

public sealed record PeriodItem(string Code, string Label, PeriodKind Kind);

// GET /api/periods?year=2021   the reporting periods of a year with their Vietnamese labels
public static class PeriodsApi
{
    public static RouteGroupBuilder MapPeriods(this RouteGroupBuilder api)
    {
        api.MapGet("/periods", List).WithTags("Catalog").WithSummary("The reporting periods of a year with their Vietnamese labels");
        return api;
    }

    /// In the order a year is reported: months, quarters, then the cumulative reports and the year.
    public static IEnumerable<Period> ReportingPeriods(int year) =>
    [
        .. Enumerable.Range(1, 12).Select(m => Period.Month(year, m)),
        .. Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)),
        Period.FirstHalf(year),
        Period.NineMonths(year),
        Period.FullYear(year),
    ];

    private static Results<Ok<List<PeriodItem>>, ValidationProblem> List(TimeProvider clock, int? year = null)
    {
        var y = year ?? Core.Workflow.VietnamTime.YearOf(clock.GetUtcNow());
        if (y is < 1900 or > 2200)
            return Errors.Problems.Invalid("year", $"Năm {y} không hợp lệ.", $"Year {y} is not valid.");
        return TypedResults.Ok(ReportingPeriods(y).Select(p => new PeriodItem(p.Code, PeriodLabel.Format(p), p.Kind)).ToList());
    }
}
