using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Catalog;

/// A province's "bộ chỉ tiêu" for a year: the indicator codes every unit under it reports.
public sealed record IndicatorSetItem(string UnitCode, int Year, IReadOnlyList<string> Codes, string Etag);

public sealed record IndicatorSetRequest(IReadOnlyList<string>? Codes);

// GET /api/units/{unit}/indicators?year=2021          the unit's indicator set: its plan's, plus its province's set
// GET /api/units/{unit}/years/{year}/indicator-set    a province's set, ETag
// PUT /api/units/{unit}/years/{year}/indicator-set    (admin) replace it: If-Match, audited old → new
public static class IndicatorSetsApi
{
    public static RouteGroupBuilder MapIndicatorSets(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{unit}").WithTags("Catalog");
        units.MapGet("/indicators", ListAsync).RequireUnitAccess(UnitAccess.Read)
            .WithSummary("The indicators a unit reports in a year: its plan's, in the plan's order, then its province's set");
        units.MapGet("/years/{year:int}/indicator-set", GetAsync).RequireUnitAccess(UnitAccess.Read)
            .WithSummary("The set a province requires of all its units in a year").ReturnsETag("the set's version");
        units.MapPut("/years/{year:int}/indicator-set", ReplaceAsync).RequireAuthorization(IdentitySetup.AdminPolicy).RequireUnitAccess(UnitAccess.Write)
            .WithSummary("Replace a province's required set for a year (admins)")
            .AcceptsIfMatch("once a set exists: the ETag read").ReturnsETag("the set's new version");
        return api;
    }

    private static async Task<Ok<List<IndicatorItem>>> ListAsync(string unit, UnitIndicators sets, TimeProvider clock, CancellationToken cancellationToken, int? year = null) =>
        TypedResults.Ok((await sets.ForAsync(unit, year ?? Core.Workflow.VietnamTime.YearOf(clock.GetUtcNow()), cancellationToken)).Select(IndicatorsApi.ToItem).ToList());

    private static async Task<IndicatorSetItem> ReadAsync(string unit, int year, IndicatorSetStore store, CancellationToken cancellationToken)
    {
        var codes = (await store.GetAsync(unit, year, cancellationToken)).Order(StringComparer.Ordinal).ToList();
        return new IndicatorSetItem(unit, year, codes, Preconditions.EtagOf(codes.Count == 0 ? null : string.Join('\n', codes)));
    }

    private static async Task<Ok<IndicatorSetItem>> GetAsync(string unit, int year, IndicatorSetStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var set = await ReadAsync(unit, year, store, cancellationToken);
        http.Response.Headers.ETag = set.Etag;
        return TypedResults.Ok(set);
    }

    private static async Task<Results<Ok<IndicatorSetItem>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string unit, int year, IndicatorSetRequest body, IndicatorSetStore store, UnitStore units, IndicatorStore indicators, AuditStore audit,
        HttpContext http, CancellationToken cancellationToken)
    {
        if ((await units.GetTreeAsync(cancellationToken)).Find(unit) is not { Level: UnitLevel.Province })
            return Problems.Invalid("unit", $"'{unit}' không phải cấp tỉnh: bộ chỉ tiêu do tỉnh giao cho các đơn vị trực thuộc.",
                $"'{unit}' is not a province: an indicator set is assigned by a province to the units under it.");
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var codes = body.Codes ?? [];
        for (var i = 0; i < codes.Count; i++)
            if (!catalog.ContainsKey(codes[i] ?? ""))
                return Problems.Invalid($"codes[{i}]", $"Không có chỉ tiêu mã '{codes[i]}'.", $"There is no indicator with code '{codes[i]}'.");
        var before = await ReadAsync(unit, year, store, cancellationToken);
        if (Preconditions.Check(http, before.Etag, "bộ chỉ tiêu", "indicator set") is { } refused) return refused;

        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        await store.ReplaceAsync(unit, year, wanted, cancellationToken);
        var after = await ReadAsync(unit, year, store, cancellationToken);
        if (after.Etag != before.Etag)
            await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.ToUser().Id, AuditAction.IndicatorSetChanged, unit,
                year.ToString(CultureInfo.InvariantCulture), null, string.Join(", ", before.Codes), string.Join(", ", after.Codes), AuditOrigin.Of(http))],
                cancellationToken);
        http.Response.Headers.ETag = after.Etag;
        return TypedResults.Ok(after);
    }
}
