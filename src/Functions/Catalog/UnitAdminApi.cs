using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Catalog;

/// A unit with its whole parent history and annex-header names, as the administration routes answer it.
public sealed record UnitRecord(string Code, string Name, UnitLevel Level, IReadOnlyList<ParentLink> Parents, string? GoverningBody,
    string? IssuingAgency, string Etag);

public sealed record PopulationInput(long? People);

public sealed record PopulationItem(string UnitCode, int Year, long? People, string Etag);

// GET  /api/units/{code}                       one unit, its parent history, ETag
// POST /api/units                              (admin) add a unit
// PUT  /api/units/{code}                       (admin) change it, If-Match: a parent unknown or making a cycle is refused
// GET  /api/units/{unit}/populations/{year}    the unit's population that year, ETag ("0" when none)
// PUT  /api/units/{unit}/populations/{year}    (admin) {people}, If-Match
// Every write is audited old → new in the unit's history.
public static class UnitAdminApi
{
    public static RouteGroupBuilder MapUnitAdmin(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units").WithTags("Catalog");
        group.MapGet("/{code}", GetAsync).WithSummary("One unit: names, parents by year, governing body and issuing agency")
            .ReturnsETag("the unit's version, for If-Match on a change");
        group.MapPost("/", AddAsync).RequireAuthorization(IdentitySetup.AdminPolicy).WithSummary("Add a unit to the tree (admins)")
            .ReturnsETag("the new unit's version");
        group.MapPut("/{code}", ChangeAsync).RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("Change a unit's names or its parent from a year (admins); a cycle or an unknown parent is refused")
            .AcceptsIfMatch("always: the ETag of the unit as read").ReturnsETag("the unit's new version");
        group.MapGet("/{unit}/populations/{year:int}", GetPopulationAsync).RequireUnitAccess(UnitAccess.Read)
            .WithSummary("A unit's population in a year (the denominator of per-10 000 and ‰ rates)").ReturnsETag("the population's version");
        group.MapPut("/{unit}/populations/{year:int}", SetPopulationAsync).RequireAuthorization(IdentitySetup.AdminPolicy).RequireUnitAccess(UnitAccess.Write)
            .WithSummary("Set a unit's population for a year (admins)")
            .AcceptsIfMatch("once the population exists: the ETag read").ReturnsETag("the population's new version");
        return api;
    }

    private static UnitRecord ToRecord(StoredUnit s, string etag) =>
        new(s.Unit.Code, s.Unit.Name, s.Unit.Level, s.Unit.Parents, s.GoverningBody, s.IssuingAgency, etag);

    private static ProblemHttpResult Unknown(string code) => Problems.NotFound($"Không có đơn vị mã '{code}'.", $"There is no unit with code '{code}'.");

    private static async Task<Results<Ok<UnitRecord>, ProblemHttpResult>> GetAsync(string code, UnitStore units, HttpContext http, CancellationToken ct)
    {
        if (await units.GetAsync(code, ct) is not { } stored) return Unknown(code);
        http.Response.Headers.ETag = stored.Etag;
        return TypedResults.Ok(ToRecord(stored, stored.Etag));
    }

    private static async Task<Results<Created<UnitRecord>, ValidationProblem, ProblemHttpResult>> AddAsync(
        UnitInput body, UnitStore units, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        var code = body.Code?.Trim() ?? "";
        var tree = await units.GetTreeAsync(ct);
        var (unit, problem) = body.Check(code, tree.Units.Where(u => u.Code != code).ToList());
        if (problem is not null) return problem;
        if (await units.AddAsync(unit!, ct) is not { } etag)
            return Problems.Conflict($"Đã có đơn vị mã '{code}'; sửa nó bằng PUT /api/units/{code}.", $"Unit '{code}' exists; change it with PUT /api/units/{code}.");
        await AuditAsync(audit, http, AuditAction.UnitAdded, code, null, unit, ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Created($"/api/units/{code}", ToRecord(unit!, etag));
    }

    private static async Task<Results<Ok<UnitRecord>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string code, UnitInput body, UnitStore units, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        if (await units.GetAsync(code, ct) is not { } before) return Unknown(code);
        if (body.Code is { } sent && sent != code)
            return Problems.Invalid("code", $"Không đổi được mã đơn vị ('{code}' → '{sent}').", $"A unit's code cannot change ('{code}' → '{sent}').");
        var tree = await units.GetTreeAsync(ct);
        var (unit, problem) = body.Check(code, tree.Units.Where(u => u.Code != code).ToList());
        if (problem is not null) return problem;
        if (Preconditions.Check(http, before.Etag, "đơn vị", "unit") is { } refused) return refused;
        if (await units.ReplaceAsync(unit!, before.Etag, ct) is not { } etag)
            return Problems.Conflict("Đơn vị vừa được người khác sửa; hãy đọc lại rồi sửa.", "The unit was just changed by someone else; read it again and edit that.");
        await AuditAsync(audit, http, AuditAction.UnitChanged, code, before, unit, ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Ok(ToRecord(unit!, etag));
    }

    private static async Task<Ok<PopulationItem>> GetPopulationAsync(string unit, int year, PopulationStore populations, HttpContext http, CancellationToken ct)
    {
        var (people, etag) = await populations.GetAsync(unit, year, ct);
        http.Response.Headers.ETag = etag.Length == 0 ? Preconditions.Missing : etag;
        return TypedResults.Ok(new PopulationItem(unit, year, people, http.Response.Headers.ETag.ToString()));
    }

    private static async Task<Results<Ok<PopulationItem>, ValidationProblem, ProblemHttpResult>> SetPopulationAsync(
        string unit, int year, PopulationInput body, PopulationStore populations, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        if (body.People is not (> 0 and <= 200_000_000) || body.People is not { } people)
            return Problems.Invalid("people", "Dân số phải là số nguyên dương (số người).", "The population must be a positive whole number of people.");
        if (year is < 1900 or > 2200) return Problems.Invalid("year", $"Năm {year} không hợp lệ.", $"Year {year} is not valid.");
        var (before, stored) = await populations.GetAsync(unit, year, ct);
        if (Preconditions.Check(http, stored.Length == 0 ? Preconditions.Missing : stored, "dân số", "population") is { } refused) return refused;
        if (await populations.SetAsync(new Population(unit, year, people), stored, ct) is not { } etag)
            return Problems.Conflict("Dân số vừa được người khác sửa; hãy đọc lại.", "The population was just changed by someone else; read it again.");
        var label = year.ToString(CultureInfo.InvariantCulture);
        await audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, http.User.ToUser().Id, AuditAction.PopulationSet, unit, label, null,
            before?.ToString(CultureInfo.InvariantCulture), people.ToString(CultureInfo.InvariantCulture), AuditOrigin.Of(http)), ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Ok(new PopulationItem(unit, year, people, etag));
    }

    private static Task AuditAsync(AuditStore audit, HttpContext http, AuditAction action, string code, StoredUnit? old, StoredUnit? now, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, http.User.ToUser().Id, action, code, null, null, Describe(old), Describe(now), AuditOrigin.Of(http)), ct);

    private static string? Describe(StoredUnit? u) => u is null ? null : CatalogAudit.Describe(new
    {
        u.Unit.Name, Level = u.Unit.Level.ToString(), Parents = u.Unit.Parents.Select(p => new { p.FromYear, p.ParentCode }), u.GoverningBody, u.IssuingAgency,
    });
}
