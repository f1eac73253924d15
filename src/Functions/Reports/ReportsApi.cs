using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Reports;

// GET  /api/units/{unit}/years/{year}/plan.xlsx[?planPeriod=2021-2025]   plan annex
// GET  /api/units/{unit}/periods/{period}/result.xlsx                   result annex
// GET  /api/units/{unit}/periods/{period}/form.xlsx                     data-entry form
// POST /api/units/{unit}/periods/{period}/upload[?dryRun=true]          a filled form or hand-typed table (multipart "file")
// GET  /api/units/{unit}/periods/{period}/consolidated.xlsx             the unit's children consolidated
// GET  /api/units/{unit}/years/{year}/export.xlsx                       every value of the subtree and year, flat
// Every generated workbook is also kept in the "workbooks" container as "{unit}/{period or year}/{kind}.xlsx".
public static class ReportsApi
{
    private const long MaxUploadBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{unit}").WithTags("Reports");
        units.MapGet("/years/{year:int}/plan.xlsx", PlanAsync).RequireUnitAccess(UnitAccess.Read).ProducesWorkbook()
            .WithSummary("The plan annex workbook: targets as written, milestones of a plan period");
        units.MapGet("/periods/{period}/result.xlsx", ResultAsync).RequireUnitAccess(UnitAccess.Read).ProducesWorkbook()
            .WithSummary("The result annex workbook: actual, target, % of plan, verdict");
        units.MapGet("/periods/{period}/form.xlsx", FormAsync).RequireUnitAccess(UnitAccess.Read).ProducesWorkbook()
            .WithSummary("The data-entry workbook to fill in Excel and upload");
        units.MapGet("/periods/{period}/consolidated.xlsx", ConsolidatedAsync).RequireUnitAccess(UnitAccess.Read).ProducesWorkbook()
            .WithSummary("A parent's consolidated workbook: total, one sheet per child, reporting status");
        units.MapGet("/years/{year:int}/export.xlsx", ExportAsync).RequireUnitAccess(UnitAccess.Read).ProducesWorkbook()
            .WithSummary("Every value of a unit's subtree for a year, one row per figure");
        units.MapPost("/periods/{period}/upload", UploadAsync)
            .RequireUnitAccess(UnitAccess.Write)
            .DisableAntiforgery() // API-key or platform authentication, never cookies: no cross-site form post can carry credentials
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + 64 * 1024))
            .AcceptsIfMatch("for a hand-made table once the form has a version (a downloaded form carries its own)")
            .ReturnsETag("The form's version after the upload")
            .ProducesImportRejection("The file or some of its rows were rejected ('rejected' names the sheet row, or 'file' with the reason in 'problem'); nothing was written.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Upload a filled form.xlsx: checked whole, stored whole or not at all");
        return api;
    }

    // Named as services: from the record's types alone the compile-time request delegate generator takes the record of a
    // GET for a JSON body, and the OpenAPI document would show one.
    public sealed record ReportStores([FromServices] UnitStore Units, [FromServices] IndicatorStore Indicators, [FromServices] TargetStore Targets,
        [FromServices] FormStore Forms, [FromServices] CommittedValues Committed, [FromServices] WorkbookStore Workbooks,
        [FromServices] Attainment.FigureBooks Books, [FromServices] UnitIndicators Sets)
    {
        public AnnexSources Sources => new(Units, Indicators, Targets, Forms, Committed, Books, Sets);
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem>> PlanAsync(string unit, int year, string? planPeriod, [AsParameters] ReportStores stores, CancellationToken cancellationToken)
    {
        Period? plan = null;
        if (planPeriod is not null)
        {
            if (!Period.TryParseCode(planPeriod, out var p) || p.Kind != PeriodKind.PlanPeriod)
                return Problems.Invalid("planPeriod", $"'{planPeriod}' không phải giai đoạn kế hoạch (ví dụ 2021-2025).", $"'{planPeriod}' is not a plan period (e.g. 2021-2025).");
            plan = p;
        }
        var annex = await stores.Sources.PlanAsync(unit, year, plan, cancellationToken);
        var key = plan?.Code ?? year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await DeliverAsync(stores.Workbooks, $"{unit}/{key}/plan.xlsx", $"ke-hoach-{unit}-{key}.xlsx", s => PlanAnnexWorkbook.Write(annex, s), cancellationToken);
    }

    private static async Task<FileStreamHttpResult> ResultAsync(string unit, string period, [AsParameters] ReportStores stores, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var annex = await stores.Sources.ResultAsync(unit, p, cancellationToken);
        return await DeliverAsync(stores.Workbooks, $"{unit}/{p.Code}/result.xlsx", $"ket-qua-{unit}-{p.Code}.xlsx", s => ResultAnnexWorkbook.Write(annex, s), cancellationToken);
    }

    private static async Task<FileStreamHttpResult> FormAsync(string unit, string period, [AsParameters] ReportStores stores, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var form = await stores.Sources.FormAsync(unit, p, cancellationToken);
        return await DeliverAsync(stores.Workbooks, $"{unit}/{p.Code}/form.xlsx", $"bieu-nhap-{unit}-{p.Code}.xlsx", s => DataEntryFormWorkbook.Write(form, s), cancellationToken);
    }

    private static async Task<FileStreamHttpResult> ConsolidatedAsync(string unit, string period, [AsParameters] ReportStores stores,
        WorkflowStore workflow, WorkflowRulesSource rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var write = await ConsolidatedDownload.PrepareAsync(stores.Sources, workflow, rules, clock, unit, p, cancellationToken);
        return await DeliverAsync(stores.Workbooks, $"{unit}/{p.Code}/consolidated.xlsx", $"tong-hop-{unit}-{p.Code}.xlsx", write, cancellationToken);
    }

    private static async Task<FileStreamHttpResult> ExportAsync(string unit, int year, [AsParameters] ReportStores stores, CancellationToken cancellationToken)
    {
        // Rows are pulled from storage as the writer needs them and written to a temporary file, not held in memory.
        var rows = stores.Sources.ExportAsync(unit, year, cancellationToken);
        return await DeliverAsync(stores.Workbooks, $"{unit}/{year}/export.xlsx", $"du-lieu-{unit}-{year}.xlsx",
            s => FlatExport.WriteAsync(s, rows, cancellationToken), cancellationToken);
    }

    // The Open XML SDK's writers are synchronous: they run on the thread pool, off the request's thread.
    private static Task<FileStreamHttpResult> DeliverAsync(WorkbookStore workbooks, string blobName, string fileName, Action<Stream> write, CancellationToken cancellationToken) =>
        DeliverAsync(workbooks, blobName, fileName, s => Task.Run(() => write(s), cancellationToken), cancellationToken);

    /// Writes to a temporary file (deleted when the response is done), keeps a copy in Blob Storage, then sends it.
    private static async Task<FileStreamHttpResult> DeliverAsync(WorkbookStore workbooks, string blobName, string fileName, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"healthfuncs-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await write(file);
            file.Position = 0;
            await workbooks.SaveAsync(blobName, file, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, WorkbookStore.XlsxContentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        string unit, string period, IFormFile? file, [FromHeader(Name = "If-Match")] string? ifMatch, IndicatorStore indicators, UploadStore uploads,
        [AsParameters] UploadStores stores, HttpContext http, CancellationToken cancellationToken, bool dryRun = false)
    {
        var p = Period.ParseCode(period);
        if (p.Kind == PeriodKind.PlanPeriod)
            return Problems.Invalid("period", $"'{p.Code}' là giai đoạn kế hoạch; số liệu được báo cáo theo tháng, quý, 6 tháng, 9 tháng hoặc năm.",
                $"'{p.Code}' is a plan period; figures are reported per month, quarter, 6 months, 9 months or year.");
        if (file is null || file.Length == 0)
            return Problems.Invalid("file", "Chưa chọn tệp để tải lên (trường \"file\").", "No file was uploaded (form field \"file\").");
        if (file.Length > MaxUploadBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", $"Tệp tối đa {MaxUploadBytes / 1024 / 1024} MB.", $"The file may be at most {MaxUploadBytes / 1024 / 1024} MB.");

        // The raw file is kept as received, whatever becomes of it, so a disputed upload can be looked at again.
        await using (var raw = file.OpenReadStream())
            await uploads.SaveAsync(unit, p.Code, file.FileName, raw, cancellationToken);
        var catalog = await indicators.GetAllAsync(cancellationToken);
        WorkbookImport read;
        await using (var content = file.OpenReadStream())
            read = WorkbookUpload.Read(content, new UploadTarget(unit, p, catalog.Values.ToList()), new UploadLimits(MaxBytes: MaxUploadBytes), file.FileName);
        if (read.Refusal is { } refusal)
        {
            var now = await stores.Forms.GetAsync(unit, p.Code, cancellationToken) ?? FormState.New(unit, p.Code);
            return ImportRejection.OfFile(dryRun, now.CurrentVersion, now.Etag, refusal.Problem.ToString(), refusal.MessageVi, refusal.MessageEn);
        }

        var caller = http.User.ToUser();
        var result = await stores.Submission.WriteAsync(unit, p, read, read.FormVersion ?? ifMatch, caller.Id, "upload", dryRun, cancellationToken);
        var (outcome, summary, form) = result;
        var closed = result.Closed;
        var current = new Dictionary<string, object?> { ["currentEtag"] = form.Etag };
        switch (outcome)
        {
            case UploadOutcome.Rejected:
                return ImportRejection.Of(summary);
            case UploadOutcome.NeedsIfMatch:
                return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                    $"Biểu đã có phiên bản {form.CurrentVersion}; bảng tự lập cần gửi kèm If-Match: {form.Etag} đã đọc, hoặc hãy tải biểu nhập liệu mới.",
                    $"The form is at version {form.CurrentVersion}; a hand-made table needs the If-Match: {form.Etag} you read, or download a fresh data-entry form.", current);
            case UploadOutcome.Stale:
                return Problems.Conflict($"Số liệu đã được cập nhật sau khi tạo biểu này (phiên bản hiện tại {form.CurrentVersion}); hãy tải biểu mới rồi nhập lại.",
                    $"The figures changed after this form was made (current version {form.CurrentVersion}); download a new form and enter them again.", current);
            case UploadOutcome.Busy:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Conflict("Một lượt gửi khác cho biểu này đang được ghi; hãy thử lại sau giây lát.", "Another submission to this form is being written; try again in a moment.", current);
            case UploadOutcome.Closed when closed is not null:
                await Audit.Denials.RecordAsync(http, unit, p.Code, closed.MessageEn);
                return Problems.Conflict(closed.MessageVi, closed.MessageEn, current);
            case UploadOutcome.Closed:
                await Audit.Denials.RecordAsync(http, unit, p.Code, "the form is approved or locked");
                return Problems.Conflict($"Biểu {unit} kỳ {p.Code} đã được duyệt hoặc bị khóa; không thể sửa số liệu.",
                    $"The form of {unit} for {p.Code} is approved or locked; its values can no longer change.", current);
            default:
                http.Response.Headers.ETag = form.Etag;
                return TypedResults.Ok(summary);
        }
    }

    public sealed record UploadStores(FormStore Forms, SubmissionReader Reader, FormWriter Writer, WorkflowGate Workflow)
    {
        public UploadSubmission Submission => new(Reader, Writer, Workflow);
    }
}
