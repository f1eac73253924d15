using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Submissions;

// GET  /api/units/{unit}/periods/{period}/values   the committed version of a form, ETag "<version>"
// POST /api/units/{unit}/periods/{period}/values   a batch, If-Match "<version>", optional Idempotency-Key, ?dryRun
public static class ValuesApi
{
    public static RouteGroupBuilder MapValues(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/periods/{period}/values").WithTags("Values");
        group.MapGet("/", GetAsync).RequireUnitAccess(UnitAccess.Read)
            .ReturnsETag("The form's committed version").WithSummary("The committed values of a unit's form for a period");
        group.MapPost("/", SubmitAsync)
            .RequireUnitAccess(UnitAccess.Write)
            .WithMetadata(SubmissionReadAhead.Needed)
            .AcceptsIdempotencyKey<SubmissionRequest>()
            .AcceptsIfMatch("once the form has a version")
            .ReturnsETag("The form's version after the submission")
            .ProducesImportRejection("Rows were rejected, each named in 'rejected' by its 0-based index in 'values'; nothing was written. "
                + "An Idempotency-Key already used for another request is also 422, a ProblemDetails without the summary's fields.")
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Submit a batch of values: all stored as the form's next version, or none");
        return api;
    }

    public sealed record SubmissionStores(SubmissionReader Reader, FormWriter Writer);

    private static async Task<Ok<FormValues>> GetAsync(string unit, string period, FormStore forms, ValueStore values, HttpContext http, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var form = await forms.GetAsync(unit, p.Code, cancellationToken) ?? FormState.New(unit, p.Code);
        var rows = await values.ReadAsync(unit, p, form.CurrentVersion, form.CurrentRows, cancellationToken);
        http.Response.Headers.ETag = form.Etag;
        return TypedResults.Ok(new FormValues(unit, p.Code, form.CurrentVersion, form.Etag, form.Status,
            rows.Select(o => new ValueRow(o.IndicatorCode, o.Value, o.Numerator, o.Denominator, o.Note)).ToList()));
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult, ValidationProblem>> SubmitAsync(
        string unit, string period, SubmissionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, [AsParameters] SubmissionStores stores,
        WorkflowGate workflow, HttpContext http, CancellationToken cancellationToken, bool dryRun = false)
    {
        var p = Period.ParseCode(period);
        if (p.Kind == PeriodKind.PlanPeriod)
            return Problems.Invalid("period", $"'{p.Code}' là giai đoạn kế hoạch; số liệu được báo cáo theo tháng, quý, 6 tháng, 9 tháng hoặc năm.",
                $"'{p.Code}' is a plan period; figures are reported per month, quarter, 6 months, 9 months or year.");
        if (body.Values is not { Count: > 0 } rows)
            return Problems.Invalid("values", "Danh sách số liệu trống.", "The list of values is empty.");
        if (rows.Count > BatchValidation.MaxRows)
            return Problems.Invalid("values", $"Mỗi lần gửi tối đa {BatchValidation.MaxRows} dòng.", $"At most {BatchValidation.MaxRows} rows per submission.");

        var basis = await stores.Reader.ReadAsync(stores.Reader.Reads(http, unit, p), cancellationToken);
        var form = basis.Form;
        if (form.Exists && string.IsNullOrEmpty(ifMatch))
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                $"Biểu đã có phiên bản {form.CurrentVersion}; hãy gửi kèm If-Match: {form.Etag} đã đọc để không ghi đè thay đổi của người khác.",
                $"The form is at version {form.CurrentVersion}; send the If-Match: {form.Etag} you read so no one else's change is overwritten.",
                new Dictionary<string, object?> { ["currentEtag"] = form.Etag });
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != form.Etag)
            return StaleProblem(form);
        if (form.Status is FormStatus.Approved or FormStatus.Locked)
        {
            await Audit.Denials.RecordAsync(http, unit, p.Code, $"the form is {form.Status.ToString().ToLowerInvariant()}");
            return Problems.Conflict($"Biểu {unit} kỳ {p.Code} đã {(form.Status == FormStatus.Approved ? "được duyệt" : "bị khóa")}; không thể sửa số liệu.",
                $"The form of {unit} for {p.Code} is {form.Status.ToString().ToLowerInvariant()}; its values can no longer change.",
                new Dictionary<string, object?> { ["status"] = form.Status.ToString() });
        }
        // Approved or locked by the reporting workflow: only an unlock by the parent level lets the figures change.
        if (await workflow.CheckEditAsync(form, p, cancellationToken) is { } refusal)
        {
            await Audit.Denials.RecordAsync(http, unit, p.Code, refusal.MessageEn);
            return Problems.Conflict(refusal.MessageVi, refusal.MessageEn);
        }

        var (batch, current) = await stores.Reader.ValidateAsync(basis, rows, cancellationToken);
        ImportSummary Summary(int version) => new(dryRun, batch.Imported, batch.Updated, batch.Ignored, batch.Rejected, batch.Warnings, version, Etags.Of(version), batch.Removed);

        if (batch.Rejected.Count > 0) return ImportRejection.Of(Summary(form.CurrentVersion));
        if (dryRun || batch.Imported + batch.Updated + batch.Removed == 0)
        {
            http.Response.Headers.ETag = form.Etag;
            return TypedResults.Ok(Summary(form.CurrentVersion));
        }
        var written = await stores.Writer.WriteAsync(form, p, batch, current, http.User.ToUser().Id, AuditOrigin.Of(http), cancellationToken);
        switch (written.Outcome)
        {
            case WriteOutcome.Busy:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(written.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Conflict("Một lượt gửi khác cho biểu này đang được ghi; hãy tải lại sau giây lát.",
                    "Another submission to this form is being written; reload in a moment.", new Dictionary<string, object?> { ["currentEtag"] = form.Etag });
            case WriteOutcome.Stale when await workflow.CheckEditAsync(written.Form, p, CancellationToken.None) is { } closed:
                // Approved (or returned and locked) between this request's read and its commit: the commit was refused.
                await Audit.Denials.RecordAsync(http, unit, p.Code, closed.MessageEn);
                return Problems.Conflict(closed.MessageVi, closed.MessageEn, new Dictionary<string, object?> { ["currentEtag"] = written.Form.Etag });
            case WriteOutcome.Stale:
                return StaleProblem(written.Form);
        }
        var committed = written.Form;
        http.Response.Headers.ETag = committed.Etag;
        return TypedResults.Ok(Summary(committed.CurrentVersion));
    }

    private static ProblemHttpResult StaleProblem(FormState current) =>
        Problems.Conflict($"Biểu đã được người khác cập nhật (phiên bản hiện tại {current.CurrentVersion}); hãy tải lại số liệu rồi gửi lại.",
            $"Someone else updated the form (current version {current.CurrentVersion}); reload the values and submit again.",
            new Dictionary<string, object?> { ["currentEtag"] = current.Etag });
}
