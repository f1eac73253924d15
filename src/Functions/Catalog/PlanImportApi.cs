using System.Globalization;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Catalog;

/// One target a plan import would set or remove: old → new text (null: none).
public sealed record TargetChange(string IndicatorCode, string? Old, string? New);

/// What a plan workbook holds and what storing it would change. Etag: the version of the unit's yearly
/// targets it was compared with, to send as If-Match when storing.
public sealed record PlanImportPreview(bool DryRun, string UnitCode, int Year, string? Sheet, IReadOnlyList<PlanRow> Matched,
    IReadOnlyList<UnmatchedPlanRow> Unmatched, IReadOnlyList<TargetChange> Changes, string Etag);

// POST /api/units/{unit}/years/{year}/plan   (admin) a plan annex workbook (multipart "file"), or the same table as the
// add-in reads it from a sheet (JSON PlanTableRequest); ?dryRun=true answers the preview only; otherwise the unit's yearly
// targets become the table's (If-Match: the preview's etag), audited old → new. Both read and match rows alike.
public static class PlanImportApi
{
    private const long MaxPlanBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapPlanImport(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{unit}/years/{year:int}/plan", ImportAsync).WithTags("Targets")
            .WithSummary("Import a unit's yearly plan from its annex workbook or a sheet's cells (admins); ?dryRun=true previews matches and changes")
            .AcceptsIfMatch("once the unit has a plan for the year: the ETag of the preview").ReturnsETag("the plan's version")
            .RequireAuthorization(IdentitySetup.AdminPolicy).RequireUnitAccess(UnitAccess.Write)
            .DisableAntiforgery() // API-key or platform authentication, never cookies
            .WithMetadata(new RequestSizeLimitAttribute(MaxPlanBytes + 64 * 1024), new PlanBodyMetadata());
        return api;
    }

    // The table from a workbook upload or from the add-in's cells; the body is read here, not bound, so one route takes both.
    private static async Task<(PlanWorkbook? Read, ValidationProblem? Invalid)> ReadAsync(HttpRequest request, int year, List<Core.Indicators.Indicator> catalog,
        CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            IFormFile? file;
            try { file = (await request.ReadFormAsync(ct)).Files["file"]; }
            // A damaged or cut-off multipart body; a too-large one is a BadHttpRequestException, answered 413 by the exception handler.
            catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
            {
                return (null, Problems.Invalid("file", "Phần tải lên không đọc được (multipart hỏng hoặc chưa gửi hết). Hãy gửi lại tệp.",
                    $"The upload could not be read ({e.GetType().Name}: a damaged or cut-off multipart body). Send the file again."));
            }
            if (file is null || file.Length == 0)
                return (null, Problems.Invalid("file", "Chưa chọn tệp kế hoạch để tải lên (trường \"file\").", "No plan workbook was uploaded (form field \"file\")."));
            await using var content = file.OpenReadStream();
            return (PlanWorkbookReading.Read(content, year, catalog, new UploadLimits(MaxBytes: MaxPlanBytes), file.FileName), null);
        }
        PlanTableRequest? table = null;
        if (request.HasJsonContentType())
            try { table = await request.ReadFromJsonAsync<PlanTableRequest>(ct); }
            catch (System.Text.Json.JsonException) { }
        if (table is null)
            return (null, Problems.Invalid("body", "Gửi tệp kế hoạch (multipart, trường \"file\") hoặc bảng ô dạng JSON {\"cells\": [[...]]}.",
                "Send a plan workbook (multipart, field \"file\") or the table's cells as JSON {\"cells\": [[...]]}."));
        var (rows, problem) = table.ToRows();
        return problem is not null ? (null, problem) : (PlanWorkbookReading.ReadTable(rows, year, catalog, table.Sheet), null);
    }

    /// The version of a unit's yearly plan: a hash of its targets' codes and texts.
    public static string EtagOf(IEnumerable<Target> yearly)
    {
        var lines = yearly.Where(t => t.PlanPeriod is null).Select(t => $"{t.IndicatorCode}={t.Expression.Text}").Order(StringComparer.Ordinal).ToList();
        return Preconditions.EtagOf(lines.Count == 0 ? null : string.Join('\n', lines));
    }

    private static async Task<Results<Ok<PlanImportPreview>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string unit, int year, IndicatorStore indicators, TargetStore targets, AuditStore audit, HttpContext http,
        CancellationToken ct, bool dryRun = false)
    {
        var catalog = (await indicators.GetRecordsAsync(ct)).Where(r => r.RetiredFrom is not { } y || y > year).Select(r => r.Indicator).ToList();
        var (read, invalid) = await ReadAsync(http.Request, year, catalog, ct);
        if (invalid is not null) return invalid;
        if (read!.Refusal is { } refusal)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Tệp không được chấp nhận", refusal.MessageVi, refusal.MessageEn,
                new Dictionary<string, object?> { ["problem"] = refusal.Problem.ToString() });
        if (read.Rows.GroupBy(r => r.IndicatorCode).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Problems.Invalid("file", $"Chỉ tiêu '{twice.Key}' có ở nhiều dòng ({string.Join(", ", twice.Select(r => r.Row))}): mỗi chỉ tiêu chỉ một dòng.",
                $"Indicator '{twice.Key}' is on several rows ({string.Join(", ", twice.Select(r => r.Row))}): one row per indicator.");

        var before = (await targets.GetAsync(unit, year, ct)).Where(t => t.PlanPeriod is null).ToDictionary(t => t.IndicatorCode, StringComparer.Ordinal);
        var etag = EtagOf(before.Values);
        var wanted = read.Rows.Select((r, i) => new Target(unit, r.IndicatorCode, year, TargetParser.Parse(r.Text), Position: i)).ToList();
        var removed = before.Values.Where(t => wanted.All(w => w.IndicatorCode != t.IndicatorCode)).ToList();
        var changes = wanted.Where(w => before.GetValueOrDefault(w.IndicatorCode)?.Expression.Text != w.Expression.Text)
            .Select(w => new TargetChange(w.IndicatorCode, before.GetValueOrDefault(w.IndicatorCode)?.Expression.Text, w.Expression.Text))
            .Concat(removed.Select(t => new TargetChange(t.IndicatorCode, t.Expression.Text, null))).ToList();
        var preview = new PlanImportPreview(dryRun, unit, year, read.Sheet, read.Rows, read.Unmatched, changes, etag);
        if (dryRun)
        {
            http.Response.Headers.ETag = etag;
            return TypedResults.Ok(preview);
        }
        if (read.Rows.Count == 0)
            return Problems.Invalid("file", "Không dòng nào của bảng khớp với chỉ tiêu trong danh mục: không có gì để lưu.", "No row of the table matches a catalog indicator: nothing to store.");
        if (Preconditions.Check(http, etag, "kế hoạch của đơn vị", "unit's plan") is { } refused) return refused;

        // A row moved in the plan is stored again for its new place, though its text (and so the preview) is unchanged.
        await targets.UpsertAsync(wanted.Where(w => changes.Any(c => c.IndicatorCode == w.IndicatorCode) || before.GetValueOrDefault(w.IndicatorCode)?.Position != w.Position), ct);
        await targets.DeleteAsync(removed, ct);
        var who = http.User.ToUser().Id;
        var from = AuditOrigin.Of(http);
        var at = DateTimeOffset.UtcNow;
        var label = year.ToString(CultureInfo.InvariantCulture);
        await audit.AppendAsync(changes.Select(c => new AuditEntry(at, who, c.New is null ? AuditAction.TargetRemoved : AuditAction.TargetSet, unit, label,
            c.IndicatorCode, c.Old, c.New, from)).ToList(), ct);
        var now = EtagOf(await targets.GetAsync(unit, year, ct));
        http.Response.Headers.ETag = now;
        return TypedResults.Ok(preview with { Etag = now });
    }
}
