using HealthFuncs.Core.Indicators;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Catalog;

/// An indicator with its retirement, as the administration routes answer it (ETag: its version).
public sealed record IndicatorRecord(IndicatorItem Indicator, int? RetiredFrom, string Etag);

// GET    /api/indicators/{code}   one indicator, ETag
// POST   /api/indicators          (admin) add one
// PUT    /api/indicators/{code}   (admin) change it, If-Match; retire it with retiredFrom; a kind change is refused once it has figures
// DELETE /api/indicators/{code}   (admin) only while nothing uses it; once used it is retired instead
// Every write is audited old → new under the pseudo-unit CATALOG.
public static class IndicatorAdminApi
{
    public const string AuditUnit = "CATALOG";

    public static RouteGroupBuilder MapIndicatorAdmin(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Catalog");
        group.MapGet("/{code}", GetAsync).WithSummary("One indicator, its retirement year and the ETag a change must name")
            .ReturnsETag("the indicator's version, for If-Match on a change");
        group.MapPost("/", AddAsync).RequireAuthorization(IdentitySetup.AdminPolicy).WithSummary("Add an indicator to the catalog (admins)")
            .ReturnsETag("the new indicator's version");
        group.MapPut("/{code}", ChangeAsync).RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("Change an indicator or retire it from a year (admins); its kind cannot change once it has figures")
            .AcceptsIfMatch("always: the ETag of the indicator as read").ReturnsETag("the indicator's new version");
        group.MapDelete("/{code}", RemoveAsync).RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("Delete an indicator nothing uses yet (admins); one with figures or targets is retired instead")
            .AcceptsIfMatch("always: the ETag of the indicator as read");
        return api;
    }

    private static IndicatorRecord ToRecord(StoredIndicator s) => new(IndicatorsApi.ToItem(s.Indicator), s.RetiredFrom, s.Etag);

    private static ProblemHttpResult Unknown(string code) => Problems.NotFound($"Không có chỉ tiêu mã '{code}'.", $"There is no indicator with code '{code}'.");

    private static async Task<Results<Ok<IndicatorRecord>, ProblemHttpResult>> GetAsync(string code, IndicatorStore indicators, HttpContext http, CancellationToken ct)
    {
        if (await indicators.GetAsync(code, ct) is not { } stored) return Unknown(code);
        http.Response.Headers.ETag = stored.Etag;
        return TypedResults.Ok(ToRecord(stored));
    }

    private static async Task<Results<Created<IndicatorRecord>, ValidationProblem, ProblemHttpResult>> AddAsync(
        IndicatorInput body, IndicatorStore indicators, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        var code = body.Code?.Trim() ?? "";
        var (indicator, problem) = body.Check(code, await indicators.GetAllAsync(ct));
        if (problem is not null) return problem;
        if (body.RetiredFrom is not null) return Problems.Invalid("retiredFrom", "Chỉ tiêu mới chưa thể thôi sử dụng.", "A new indicator cannot be retired.");
        if (await indicators.AddAsync(indicator!, ct) is not { } etag)
            return Problems.Conflict($"Đã có chỉ tiêu mã '{code}'; sửa nó bằng PUT /api/indicators/{code}.", $"Indicator '{code}' exists; change it with PUT /api/indicators/{code}.");
        await AuditAsync(audit, http, AuditAction.IndicatorAdded, code, null, indicator, null, ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Created($"/api/indicators/{code}", new IndicatorRecord(IndicatorsApi.ToItem(indicator!), null, etag));
    }

    private static async Task<Results<Ok<IndicatorRecord>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string code, IndicatorInput body, IndicatorStore indicators, CatalogUsage usage, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        if (await indicators.GetAsync(code, ct) is not { } before) return Unknown(code);
        if (body.Code is { } sent && sent != code)
            return Problems.Invalid("code", $"Không đổi được mã chỉ tiêu ('{code}' → '{sent}'): hãy thêm chỉ tiêu mới và cho chỉ tiêu cũ thôi sử dụng.",
                $"An indicator's code cannot change ('{code}' → '{sent}'): add a new one and retire the old.");
        var others = (await indicators.GetAllAsync(ct)).Where(kv => kv.Key != code).ToDictionary(StringComparer.Ordinal);
        var (indicator, problem) = body.Check(code, others);
        if (problem is not null) return problem;
        if (Preconditions.Check(http, before.Etag, "chỉ tiêu", "indicator") is { } refused) return refused;
        if (indicator!.Kind != before.Indicator.Kind && await usage.HasFiguresAsync(code, ct))
            return Problems.Conflict($"Chỉ tiêu '{code}' đã có số liệu loại {before.Indicator.Kind}: không đổi sang {indicator.Kind} được, vì số liệu cũ sẽ bị hiểu sai. Hãy thêm chỉ tiêu mới và cho chỉ tiêu này thôi sử dụng.",
                $"Indicator '{code}' has figures as a {before.Indicator.Kind}: it cannot become a {indicator.Kind}, which would misread them. Add a new indicator and retire this one.");
        if (await indicators.ReplaceAsync(indicator, body.RetiredFrom, before.Etag, ct) is not { } etag)
            return Problems.Conflict("Chỉ tiêu vừa được người khác sửa; hãy đọc lại rồi sửa.", "The indicator was just changed by someone else; read it again and edit that.");
        await AuditAsync(audit, http, AuditAction.IndicatorChanged, code, before.Indicator, indicator, (before.RetiredFrom, body.RetiredFrom), ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Ok(new IndicatorRecord(IndicatorsApi.ToItem(indicator), body.RetiredFrom, etag));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string code, IndicatorStore indicators, CatalogUsage usage, AuditStore audit, HttpContext http, CancellationToken ct)
    {
        if (await indicators.GetAsync(code, ct) is not { } before) return Unknown(code);
        if (Preconditions.Check(http, before.Etag, "chỉ tiêu", "indicator") is { } refused) return refused;
        if ((await indicators.GetAllAsync(ct)).Values.FirstOrDefault(i => i.ParentCode == code) is { } part)
            return Problems.Conflict($"'{part.Code}' là phần \"Trong đó\" của '{code}': hãy xóa hoặc chuyển nó trước.", $"'{part.Code}' is a breakdown part of '{code}': remove or move it first.");
        if (await usage.IsUsedAsync(code, ct))
            return Problems.Conflict($"Chỉ tiêu '{code}' đã có số liệu hoặc chỉ tiêu kế hoạch nên không xóa được; hãy cho thôi sử dụng (PUT với retiredFrom).",
                $"Indicator '{code}' has figures or targets, so it cannot be deleted; retire it instead (PUT with retiredFrom).");
        if (!await indicators.DeleteAsync(code, before.Etag, ct))
            return Problems.Conflict("Chỉ tiêu vừa được người khác sửa; hãy đọc lại.", "The indicator was just changed by someone else; read it again.");
        await AuditAsync(audit, http, AuditAction.IndicatorRemoved, code, before.Indicator, null, null, ct);
        return TypedResults.NoContent();
    }

    internal static Task AuditAsync(AuditStore audit, HttpContext http, AuditAction action, string code, Indicator? old, Indicator? now,
        (int? Old, int? New)? retired, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, http.User.ToUser().Id, action, AuditUnit, null, code,
            Describe(old, retired?.Old), Describe(now, retired?.New), AuditOrigin.Of(http)), ct);

    internal static string? Describe(Indicator? i, int? retiredFrom) =>
        i is null ? null : CatalogAudit.Describe(new { i.Name, i.Unit, Kind = i.Kind.ToString(), Direction = i.Direction.ToString(), Time = i.Time.ToString(),
            i.Group, i.GroupName, i.Order, i.ParentCode, i.RatePer, i.AllowsAbove100, i.Minimum, i.Maximum, RetiredFrom = retiredFrom });
}
