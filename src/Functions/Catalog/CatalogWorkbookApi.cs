using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Catalog;

/// What an uploaded catalog workbook would do: indicators added, changed (old → new as audited), left as they
/// are, and the rows refused with their reason. Etag: the catalog's version it was compared with.
public sealed record CatalogPreview(bool DryRun, IReadOnlyList<string> Added, IReadOnlyList<IndicatorChange> Changed, int Unchanged,
    IReadOnlyList<CatalogRowProblem> Problems, string Etag);

/// One indicator's definition before and after.
public sealed record IndicatorChange(string Code, string? Old, string? New);

// GET  /api/indicators/catalog.xlsx   the catalog as one sheet to edit in Excel
// POST /api/indicators/catalog.xlsx   (admin) the edited sheet (multipart "file"): ?dryRun=true previews; otherwise, with
//                                      If-Match: the preview's etag and no row refused, adds and changes indicators, each audited.
//                                      An indicator left out of the sheet is kept: removal is DELETE /api/indicators/{code}.
public static class CatalogWorkbookApi
{
    private const long MaxCatalogBytes = 5 * 1024 * 1024;
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapCatalogWorkbook(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators/catalog.xlsx", DownloadAsync).WithTags("Catalog").ProducesWorkbook()
            .WithSummary("The indicator catalog as a workbook, to edit and upload back").ReturnsETag("the catalog's version, for If-Match on the upload");
        api.MapPost("/indicators/catalog.xlsx", UploadAsync).WithTags("Catalog").RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("Apply an edited catalog workbook (admins); ?dryRun=true previews the changes")
            .AcceptsIfMatch("the ETag of the catalog downloaded").ReturnsETag("the catalog's new version")
            .DisableAntiforgery() // API-key or platform authentication, never cookies
            .WithMetadata(new RequestSizeLimitAttribute(MaxCatalogBytes + 64 * 1024));
        return api;
    }

    private static string EtagOf(IEnumerable<StoredIndicator> records) =>
        Preconditions.EtagOf(string.Join('\n', records.Select(r => $"{r.Indicator.Code}={IndicatorAdminApi.Describe(r.Indicator, r.RetiredFrom)}").Order(StringComparer.Ordinal)));

    private static async Task<FileContentHttpResult> DownloadAsync(IndicatorStore indicators, HttpContext http, CancellationToken ct)
    {
        var records = await indicators.GetRecordsAsync(ct);
        using var stream = new MemoryStream();
        CatalogWorkbook.Write(records.Select(r => new CatalogRow(r.Indicator, r.RetiredFrom)).ToList(), stream);
        http.Response.Headers.ETag = EtagOf(records);
        return TypedResults.File(stream.ToArray(), Xlsx, "danh-muc-chi-tieu.xlsx");
    }

    private static async Task<Results<Ok<CatalogPreview>, UnprocessableEntity<CatalogPreview>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, IndicatorStore indicators, CatalogUsage usage, AuditStore audit, HttpContext http, CancellationToken ct, bool dryRun = false)
    {
        if (file is null || file.Length == 0)
            return Problems.Invalid("file", "Chưa chọn tệp danh mục để tải lên (trường \"file\").", "No catalog workbook was uploaded (form field \"file\").");
        CatalogRead read;
        await using (var content = file.OpenReadStream())
            read = CatalogWorkbook.Read(content, new UploadLimits(MaxBytes: MaxCatalogBytes), file.FileName);
        if (read.Refusal is { } refusal)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Tệp không được chấp nhận", refusal.MessageVi, refusal.MessageEn,
                new Dictionary<string, object?> { ["problem"] = refusal.Problem.ToString() });

        var records = await indicators.GetRecordsAsync(ct);
        var stored = records.ToDictionary(r => r.Indicator.Code, StringComparer.Ordinal);
        // Rows are checked against the catalog as it will be: stored indicators, replaced by the sheet's.
        var future = records.Select(r => r.Indicator).Where(i => read.Rows.All(x => x.Indicator.Code != i.Code)).Concat(read.Rows.Select(r => r.Indicator))
            .ToDictionary(i => i.Code, StringComparer.Ordinal);
        var problems = read.Problems.ToList();
        var added = new List<CatalogRow>();
        var changed = new List<(CatalogRow Row, StoredIndicator Before)>();
        var unchanged = 0;
        foreach (var row in read.Rows)
        {
            var i = row.Indicator;
            if (read.Rows.Count(r => r.Indicator.Code == i.Code) > 1)
            {
                problems.Add(new(row.Row, "Mã", $"Mã '{i.Code}' có ở nhiều dòng.", $"Code '{i.Code}' is on several rows."));
                continue;
            }
            var input = new IndicatorInput(i.Code, i.Name, i.Unit, i.Kind, i.Direction, i.Time, i.Group, i.GroupName, i.Order, i.ParentCode, i.RatePer, i.AllowsAbove100, row.RetiredFrom,
                i.Minimum, i.Maximum);
            if (input.Check(i.Code, future.Where(kv => kv.Key != i.Code).ToDictionary(StringComparer.Ordinal)).Problem is { } invalid)
            {
                var errors = invalid.ProblemDetails.Errors.First();
                problems.Add(new(row.Row, errors.Key, errors.Value[0], errors.Value[1]));
                continue;
            }
            if (!stored.TryGetValue(i.Code, out var before)) { added.Add(row); continue; }
            if (before.Indicator == i && before.RetiredFrom == row.RetiredFrom) { unchanged++; continue; }
            if (before.Indicator.Kind != i.Kind && await usage.HasFiguresAsync(i.Code, ct))
            {
                problems.Add(new(row.Row, "Loại", $"Chỉ tiêu '{i.Code}' đã có số liệu loại {before.Indicator.Kind}: không đổi sang {i.Kind} được.",
                    $"Indicator '{i.Code}' has figures as a {before.Indicator.Kind}: it cannot become a {i.Kind}."));
                continue;
            }
            changed.Add((row, before));
        }
        var etag = EtagOf(records);
        var preview = new CatalogPreview(dryRun, added.Select(a => a.Indicator.Code).ToList(),
            changed.Select(c => new IndicatorChange(c.Row.Indicator.Code, IndicatorAdminApi.Describe(c.Before.Indicator, c.Before.RetiredFrom),
                IndicatorAdminApi.Describe(c.Row.Indicator, c.Row.RetiredFrom))).ToList(),
            unchanged, problems, etag);
        http.Response.Headers.ETag = etag;
        if (dryRun) return TypedResults.Ok(preview);
        if (problems.Count > 0) return TypedResults.UnprocessableEntity(preview);
        if (Preconditions.Check(http, etag, "danh mục chỉ tiêu", "catalog") is { } refused) return refused;

        // Totals before their parts, so a part never names a total not yet stored.
        foreach (var row in added.OrderBy(a => a.Indicator.ParentCode is null ? 0 : 1))
        {
            await indicators.AddAsync(row.Indicator, ct);
            await IndicatorAdminApi.AuditAsync(audit, http, AuditAction.IndicatorAdded, row.Indicator.Code, null, row.Indicator, (null, row.RetiredFrom), ct);
        }
        foreach (var (row, before) in changed)
        {
            if (await indicators.ReplaceAsync(row.Indicator, row.RetiredFrom, before.Etag, ct) is null)
                return Problems.Conflict($"Chỉ tiêu '{row.Indicator.Code}' vừa được người khác sửa; các dòng trước đó đã được lưu. Hãy tải danh mục mới.",
                    $"Indicator '{row.Indicator.Code}' was just changed by someone else; the rows before it were stored. Download the catalog again.");
            await IndicatorAdminApi.AuditAsync(audit, http, AuditAction.IndicatorChanged, row.Indicator.Code, before.Indicator, row.Indicator, (before.RetiredFrom, row.RetiredFrom), ct);
        }
        var now = EtagOf(await indicators.GetRecordsAsync(ct));
        http.Response.Headers.ETag = now;
        return TypedResults.Ok(preview with { Etag = now });
    }
}
